import { describe, expect, it } from 'vitest';
import { holdingCheck, payableFrom } from './ledger.js';

describe('payableFrom', () => {
  it('is asOf + holdingDays, across month and year ends', () => {
    expect(payableFrom('2026-10-01', 30)).toBe('2026-10-31');
    expect(payableFrom('2026-12-15', 30)).toBe('2027-01-14');
    expect(payableFrom('2028-02-28', 1)).toBe('2028-02-29');
    expect(payableFrom('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('is null without a holding period', () => {
    expect(payableFrom('2026-10-01', 0)).toBeNull();
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => payableFrom('2026-10-01', -1)).toThrow(RangeError);
    expect(() => payableFrom('2026-10-01', 1.5)).toThrow(RangeError);
  });
});

describe('holdingCheck', () => {
  it('refuses a payment dated before payableFrom, naming the date', () => {
    expect(holdingCheck('2026-10-30', '2026-10-01', 30)).toEqual({ ok: false, payableFrom: '2026-10-31' });
    expect(holdingCheck('2026-10-01', '2026-10-01', 30)).toEqual({ ok: false, payableFrom: '2026-10-31' });
  });

  it('allows a payment on or after payableFrom', () => {
    expect(holdingCheck('2026-10-31', '2026-10-01', 30)).toEqual({ ok: true });
    expect(holdingCheck('2027-03-01', '2026-10-01', 30)).toEqual({ ok: true });
  });

  it('allows any date without a holding period (payments recorded after the transfer)', () => {
    expect(holdingCheck('2026-09-01', '2026-10-01', 0)).toEqual({ ok: true });
  });
});
