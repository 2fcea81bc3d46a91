import { describe, expect, it } from 'vitest';
import { loginAttemptVerdict, loginThrottleVerdict } from './login-throttle.js';
import { homeAppFor, LoginSchema } from './auth.schema.js';

const policy = { maxFailures: 3, windowMinutes: 10 };
const now = new Date('2026-11-22T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('loginThrottleVerdict', () => {
  it('allows attempts below the limit', () => {
    expect(loginThrottleVerdict([minutesAgo(1), minutesAgo(2)], now, policy)).toEqual({ allowed: true });
  });

  it('blocks at the limit until the oldest counted failure leaves the window', () => {
    const v = loginThrottleVerdict([minutesAgo(1), minutesAgo(2), minutesAgo(4)], now, policy);
    expect(v).toEqual({ allowed: false, retryAfterSeconds: 6 * 60 });
  });

  it('ignores failures older than the window', () => {
    expect(loginThrottleVerdict([minutesAgo(11), minutesAgo(12), minutesAgo(1)], now, policy)).toEqual({ allowed: true });
  });
});

describe('auth schemas', () => {
  it('normalises the email', () => {
    expect(LoginSchema.parse({ email: '  Owner@HuaXin.demo ', password: 'x' }).email).toBe('owner@huaxin.demo');
  });

  it('rejects a malformed email with a translatable key', () => {
    const r = LoginSchema.safeParse({ email: 'not-an-email', password: 'x' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('validation.email');
  });

  it('sends partners to the portal and vendor staff to the admin app', () => {
    expect(homeAppFor('partner_user')).toBe('portal');
    expect(homeAppFor('leadership')).toBe('admin');
  });
});

describe('loginAttemptVerdict', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const later = new Date('2026-01-01T00:10:00Z');
  const c = (accountHits: number, addressHits: number) => ({ accountHits, addressHits, accountResetsAt: later, addressResetsAt: later });
  it('allows up to the limit on an account and refuses after, saying when to retry', () => {
    expect(loginAttemptVerdict(c(5, 5), now, 5, 4)).toEqual({ allowed: true });
    expect(loginAttemptVerdict(c(6, 6), now, 5, 4)).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });
  it('lets an address without failures through an account locked by others', () => {
    expect(loginAttemptVerdict(c(50, 1), now, 5, 4)).toEqual({ allowed: true });
    expect(loginAttemptVerdict(c(50, 2), now, 5, 4).allowed).toBe(false);
  });
  it('limits an address to a multiple of the account limit', () => {
    expect(loginAttemptVerdict(c(1, 20), now, 5, 4).allowed).toBe(true);
    expect(loginAttemptVerdict(c(1, 21), now, 5, 4).allowed).toBe(false);
  });
});
