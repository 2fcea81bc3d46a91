import type { Locale } from '../common/common.schema.js';
import type { FieldIssue } from '../common/errors.js';
import { hasMessage, translateMessage } from './error-messages.js';

/** The parts of a zod issue we read (zod 4 issue shapes), kept loose so callers need no zod internals. */
export interface ZodIssueLike {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  expected?: unknown;
  received?: unknown;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  values?: unknown[];
  keys?: string[];
  divisor?: unknown;
  params?: Record<string, unknown>;
}

export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(body)' : path.map(String).join('.');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Turns a zod issue into a stable code and a message in the caller's language. */
export function translateZodIssue(issue: ZodIssueLike, locale: Locale): FieldIssue {
  const path = issuePath(issue.path);
  // Custom refinements carry an i18n key as their message.
  if (hasMessage(issue.message)) {
    return { path, code: issue.message, message: translateMessage(locale, issue.message, issue.params) };
  }
  switch (issue.code) {
    case 'invalid_type': {
      // zod reports the input only when asked to; otherwise its English message names the received kind.
      const received = 'input' in issue ? kindOf(issue.input) : /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') {
        return { path, code: 'required', message: translateMessage(locale, 'zod.required') };
      }
      return {
        path,
        code: 'invalid_type',
        message: translateMessage(locale, 'zod.invalid_type', { expected: issue.expected, received: received ?? '?' }),
      };
    }
    case 'too_small':
    case 'too_big': {
      const origin = issue.origin === 'string' || issue.origin === 'array' ? issue.origin : 'number';
      // "At least 1 character" is what a person calls a required field.
      if (issue.code === 'too_small' && origin === 'string' && Number(issue.minimum) === 1) {
        return { path, code: issue.code, message: translateMessage(locale, 'zod.required') };
      }
      return {
        path,
        code: issue.code,
        message: translateMessage(locale, `zod.${issue.code}.${origin}`, { minimum: issue.minimum, maximum: issue.maximum }),
      };
    }
    case 'invalid_format':
      // An empty picker (no id chosen yet) is a missing value, not a malformed id (when zod reports the input).
      if (issue.input === '') return { path, code: 'required', message: translateMessage(locale, 'zod.required') };
      // Named formats get a sentence a person can act on ("Choose an option from the list", not "Must be a valid uuid").
      return { path, code: 'invalid_format', message: translateMessage(locale, hasMessage(`zod.invalid_format.${issue.format}`) ? `zod.invalid_format.${issue.format}` : 'zod.invalid_format', { format: issue.format }) };
    case 'invalid_value':
      return {
        path,
        code: 'invalid_value',
        message: translateMessage(locale, 'zod.invalid_value', { values: (issue.values ?? []).map(String).join(', ') }),
      };
    case 'unrecognized_keys':
      return { path, code: 'unrecognized_keys', message: translateMessage(locale, 'zod.unrecognized_keys', { keys: (issue.keys ?? []).join(', ') }) };
    case 'not_multiple_of':
      return { path, code: 'not_multiple_of', message: translateMessage(locale, 'zod.not_multiple_of', { divisor: issue.divisor }) };
    case 'invalid_union':
      return { path, code: 'invalid_union', message: translateMessage(locale, 'zod.invalid_union') };
    default:
      return { path, code: issue.code, message: issue.message || translateMessage(locale, 'zod.custom') };
  }
}
