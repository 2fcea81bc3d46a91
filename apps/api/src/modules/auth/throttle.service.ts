import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { ThrottleRepository } from './throttle.repository';

export interface RateLimit {
  /** What is limited, e.g. `apply` or `invitation-accept`; the counter key is `<name>:ip:<address>`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

// Public forms that create records or hash passwords: a handful per address and hour is plenty for people.
export const APPLICATION_RATE_LIMIT: RateLimit = { name: 'apply', limit: 20, windowSeconds: 3600 };
export const INVITATION_ACCEPT_RATE_LIMIT: RateLimit = { name: 'invitation-accept', limit: 20, windowSeconds: 900 };
// "Forgot password": per address like sign-in attempts; per account a few links per quarter hour (beyond it the answer
// is the same but nothing is sent, so the limit reveals nothing about the account).
export const PASSWORD_RESET_RATE_LIMIT: RateLimit = { name: 'password-reset', limit: 10, windowSeconds: 900 };
export const PASSWORD_RESET_ACCOUNT_LIMIT: RateLimit = { name: 'password-reset', limit: 3, windowSeconds: 900 };
export const PASSWORD_RESET_CONFIRM_RATE_LIMIT: RateLimit = { name: 'password-reset-confirm', limit: 20, windowSeconds: 900 };

/** Rate limits per client address over the shared counters (every instance sees the same numbers). */
@Injectable()
export class ThrottleService {
  constructor(private readonly counters: ThrottleRepository) {}

  /** Counts this request against the address; throws 429 (with retryAfterSeconds) past the limit, before any work. */
  async assertWithin(rule: RateLimit, address: string | null): Promise<void> {
    // Wall-clock time, not the business clock: a rate limit is about seconds elapsed, not about business dates.
    const now = new Date();
    const hit = await this.counters.hit(null, `${rule.name}:ip:${address ?? 'unknown'}`, now, rule.windowSeconds);
    if (hit.hits > rule.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((hit.resetsAt.getTime() - now.getTime()) / 1000));
      throw new AppError('TOO_MANY_REQUESTS', {}, { retryAfterSeconds });
    }
  }
}
