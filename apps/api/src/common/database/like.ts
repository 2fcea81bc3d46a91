/** Escapes `\`, `%` and `_` so user text matches literally inside an ILIKE pattern. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
