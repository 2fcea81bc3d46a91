/**
 * Login throttling as a pure rule: given the recent failed attempts for an account (or an address),
 * is another attempt allowed now, and if not, when?
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMinutes: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function loginThrottleVerdict(failuresAt: readonly Date[], now: Date, policy: ThrottlePolicy): ThrottleVerdict {
  const windowMs = policy.windowMinutes * 60_000;
  const recent = failuresAt.filter((t) => now.getTime() - t.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < policy.maxFailures) return { allowed: true };
  // Blocked until the oldest failure that keeps us at the limit leaves the window.
  const pivot = recent[recent.length - policy.maxFailures];
  const retryAfterMs = pivot.getTime() + windowMs - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** What the shared counters said about one sign-in attempt (this attempt included). */
export interface LoginCounters {
  /** Attempts on this account in its window (successes are cleared). */
  accountHits: number;
  accountResetsAt: Date;
  /** Failed or pending attempts from this address in its window (successes are given back). */
  addressHits: number;
  addressResetsAt: Date;
}

/**
 * May this attempt be evaluated? An address is limited to `maxFailures × addressFactor` per window (offices share
 * one address). An account is limited to `maxFailures` per window — except for an attempt from an address with no
 * failures in its window: traffic from elsewhere can slow an account down but never lock its owner out, while each
 * fresh address gets one guess at most per window.
 */
export function loginAttemptVerdict(c: LoginCounters, now: Date, maxFailures: number, addressFactor: number): ThrottleVerdict {
  const wait = (until: Date): ThrottleVerdict => ({
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  });
  if (c.addressHits > maxFailures * addressFactor) return wait(c.addressResetsAt);
  const freshAddress = c.addressHits === 1;
  if (c.accountHits > maxFailures && !freshAddress) return wait(c.accountResetsAt);
  return { allowed: true };
}
