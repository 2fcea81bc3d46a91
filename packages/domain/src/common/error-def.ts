/**
 * A module's error codes: each with its HTTP status and its message in both languages.
 * `{name}` placeholders are filled from the error's params. Modules declare theirs in `<module>.errors.ts`;
 * common/errors.ts merges them into the one table the API and the apps read.
 */
export interface ErrorDef {
  status: number;
  en: string;
  zh: string;
}

export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T): T {
  return defs;
}
