import { type Locale, translateZodIssue, type ZodIssueLike } from '@partnerline/domain';
import { ApiError } from './api';

/**
 * Field errors keyed by dotted path (`rebates.tiers.0.ratePercent`), worded in the UI language.
 * The same keys come back from the API's 400 `issues`, so one map serves both client and server checks.
 */
export function zodFieldErrors(issues: readonly ZodIssueLike[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const { path, message } = translateZodIssue(issue, locale);
    out[path] ??= message;
  }
  return out;
}

/** Field errors from a failed request; an error without field issues lands under `form`. */
export function apiFieldErrors(error: unknown, fallback: string): Record<string, string> {
  if (error instanceof ApiError) return error.issues.length ? error.fieldErrors() : { form: error.message };
  return { form: fallback };
}
