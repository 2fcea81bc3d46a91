import { describe, expect, it } from 'vitest';
import { loginThrottleVerdict } from './login-throttle.js';
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
