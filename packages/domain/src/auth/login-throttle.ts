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
