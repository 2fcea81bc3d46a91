import { HttpException } from '@nestjs/common';
import {
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  type FieldIssue,
  type Locale,
  translateMessage,
  translateZodIssue,
  type ZodIssueLike,
} from '@partnerline/domain';
import { ZodSerializationException, ZodValidationException } from 'nestjs-zod';
import { QueryFailedError } from 'typeorm';
import { InputRejected } from '../http/input-guard';
import { AppError } from './app-error';
import { localiseErrorParams } from './error-params';

export interface RenderedError {
  status: number;
  body: ErrorBody;
  /** Unexpected errors are logged with their stack; expected ones are not. */
  unexpected: boolean;
}

function body(code: ErrorCode, locale: Locale, params: Record<string, unknown>, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { statusCode: ERROR_STATUS[code], code, message: translateMessage(locale, code, localiseErrorParams(params, locale)), ...extra };
}

export function validationError(issues: ReadonlyArray<ZodIssueLike>, locale: Locale, requestId?: string): ErrorBody {
  const translated: FieldIssue[] = issues.map((i) => translateZodIssue(i, locale));
  const fields = [...new Set(translated.map((i) => i.path))].join(', ');
  return body('VALIDATION_FAILED', locale, { fields }, { issues: translated, requestId });
}

// Body-parser errors carry a `type`; map each to a clear client error.
function bodyParserError(err: { type?: string; message?: string; limit?: number }, locale: Locale, requestId?: string): ErrorBody | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return body('MALFORMED_JSON', locale, { detail: err.message ?? '' }, { requestId });
    case 'entity.too.large':
      return body('PAYLOAD_TOO_LARGE', locale, { limit: `${err.limit ?? '?'} bytes` }, { requestId });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return body('UNSUPPORTED_MEDIA_TYPE', locale, {}, { requestId });
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return body('BAD_REQUEST', locale, { detail: err.message ?? err.type }, { requestId });
    default:
      return null;
  }
}

/** `deal_registrations_estimated_amount_check` on table `deal_registrations` → `estimatedAmount`. */
export function fieldOfConstraint(constraint: string | undefined, table: string | undefined): string {
  if (!constraint) return '?';
  let name = constraint.replace(/_check\d*$/, '');
  if (table && name.startsWith(`${table}_`)) name = name.slice(table.length + 1);
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

// PostgreSQL error codes we expect from constraints; anything else is a bug and answers 500.
function databaseError(
  err: QueryFailedError & { code?: string; detail?: string; constraint?: string; table?: string },
  locale: Locale,
  requestId?: string,
): ErrorBody | null {
  switch (err.code) {
    // The statuses are those these cases have always answered; the messages carry no SQL or database text.
    case '23505':
      return body('DUPLICATE_RECORD', locale, {}, { requestId, details: { constraint: err.constraint } });
    case '23P01':
      return body('OVERLAPPING_RECORD', locale, {}, { requestId, details: { constraint: err.constraint } });
    case '23503':
      return body('REFERENCE_MISSING', locale, {}, { requestId, details: { constraint: err.constraint } });
    // Text PostgreSQL cannot store (NUL byte, a byte sequence invalid in UTF-8): the request's fault, not ours.
    case '22021':
    case '22P05':
      return body('TEXT_NOT_STORABLE', locale, {}, { requestId });
    case '23514': {
      const field = fieldOfConstraint(err.constraint, err.table);
      return body('VALUE_OUT_OF_RANGE', locale, { field }, { requestId, details: { field, constraint: err.constraint } });
    }
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return body('VALUE_FORMAT', locale, {}, { requestId });
    case '40001':
    case '40P01':
    case '55P03':
      return body('DATABASE_BUSY', locale, {}, { requestId });
    default:
      return null;
  }
}

function httpException(err: HttpException, locale: Locale, requestId: string | undefined, method: string, path: string): ErrorBody {
  const status = err.getStatus();
  if (status === 404) return body('ROUTE_NOT_FOUND', locale, { method, path }, { requestId });
  if (status === 413) return body('PAYLOAD_TOO_LARGE', locale, { limit: 'the configured limit' }, { requestId });
  if (status === 429) return body('TOO_MANY_REQUESTS', locale, {}, { requestId });
  if (status === 401) return body('UNAUTHENTICATED', locale, {}, { requestId });
  if (status === 403) return body('FORBIDDEN', locale, { role: '?' }, { requestId });
  const msg = err.message;
  return {
    statusCode: status,
    code: status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
    message: translateMessage(locale, status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', { detail: msg, requestId }),
    requestId,
  };
}

/** Headers that go with an error: `Retry-After` when the refusal says when to come back (429). */
export function errorHeaders(rendered: RenderedError): Record<string, string> {
  const retry = rendered.body.details?.retryAfterSeconds;
  return typeof retry === 'number' ? { 'Retry-After': String(retry) } : {};
}

/** Maps any thrown value to a status and a translated JSON body. Never leaks stacks or SQL. */
export function renderError(err: unknown, locale: Locale, requestId: string | undefined, method = '', path = ''): RenderedError {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: body(err.code, locale, err.params, { details: err.details, issues: err.issues, requestId }),
      unexpected: false,
    };
  }
  if (err instanceof InputRejected) {
    return { status: 400, body: validationError(err.issues, locale, requestId), unexpected: false };
  }
  if (err instanceof ZodValidationException) {
    const zodError = err.getZodError() as { issues: ZodIssueLike[] };
    return { status: 400, body: validationError(zodError.issues, locale, requestId), unexpected: false };
  }
  if (err instanceof ZodSerializationException) {
    return { status: 500, body: body('INTERNAL', locale, { requestId }, { requestId }), unexpected: true };
  }
  if (err && typeof err === 'object' && 'type' in err) {
    const parsed = bodyParserError(err as never, locale, requestId);
    if (parsed) return { status: parsed.statusCode, body: parsed, unexpected: false };
  }
  if (err instanceof QueryFailedError) {
    const mapped = databaseError(err as never, locale, requestId);
    if (mapped) return { status: mapped.statusCode, body: mapped, unexpected: false };
  }
  if (err instanceof HttpException) {
    const mapped = httpException(err, locale, requestId, method, path);
    return { status: mapped.statusCode, body: mapped, unexpected: mapped.statusCode >= 500 };
  }
  return { status: 500, body: body('INTERNAL', locale, { requestId }, { requestId }), unexpected: true };
}
