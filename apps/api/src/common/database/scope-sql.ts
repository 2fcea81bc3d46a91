import type { Scope } from '@partnerline/domain';

/**
 * The WHERE fragment confining a query to a Scope, given the column holding the record's partner id
 * (and, when the query already joins partners, its manager column). Null when the scope is vendor-wide.
 * The parameters it needs are appended to `params`.
 */
export function scopeCondition(scope: Scope, partnerIdColumn: string, params: unknown[], managerColumn?: string): string | null {
  switch (scope.kind) {
    case 'vendor':
      return null;
    case 'partner':
      return `${partnerIdColumn} = $${params.push(scope.partnerId)}`;
    case 'manager':
      return managerColumn
        ? `${managerColumn} = $${params.push(scope.managerId)}`
        : `${partnerIdColumn} IN (SELECT id FROM partners WHERE manager_id = $${params.push(scope.managerId)})`;
  }
}

/** `WHERE a AND b …`, or nothing when there is no condition. */
export const whereClause = (where: readonly string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/** LIMIT/OFFSET of one page, appended to `params`. */
export function pageClause(page: { page: number; pageSize: number }, params: unknown[]): string {
  return `LIMIT $${params.push(page.pageSize)} OFFSET $${params.push((page.page - 1) * page.pageSize)}`;
}

/**
 * The rows of `FROM <source>` (a table with its alias and WHERE clause) counted up to `limit`: `{ count: limit,
 * exact: false }` means "limit or more" (the count stops at limit + 1 rows); a null limit counts every row.
 * `run` is the repository's own query (with its parameters) of the SQL given.
 */
export async function cappedCount(
  run: (sql: string) => Promise<{ n: number }[]>,
  source: string,
  limit: number | null,
): Promise<{ count: number; exact: boolean }> {
  const [{ n }] = await run(limit === null ? `SELECT count(*)::int AS n FROM ${source}` : `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${source} LIMIT ${limit + 1}) x`);
  return limit !== null && n > limit ? { count: limit, exact: false } : { count: n, exact: true };
}
