import { ERROR_STATUS, type ErrorCode, type FieldIssue } from '@partnerline/domain';

/**
 * The one exception type for expected failures. `code` is stable (clients switch on it),
 * `params` fill the translated message, `details` carry structured facts (e.g. allowed transitions).
 * There is deliberately no free-text constructor: every refusal has its own code in its module's *.errors.ts,
 * with an English and a Chinese message.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: Record<string, unknown>,
    readonly issues?: FieldIssue[],
  ) {
    super(code);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static notFound(entity: string, id: string): AppError {
    return new AppError('NOT_FOUND', { entity, id }, { entity, id });
  }
}
