/** A unique-constraint violation (SQLSTATE 23505) of the named constraint, as pg or TypeORM's QueryFailedError reports it. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null | undefined;
  return (e?.code ?? e?.driverError?.code) === '23505' && (e?.constraint ?? e?.driverError?.constraint) === constraint;
}
