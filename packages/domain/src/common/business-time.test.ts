import { describe, expect, it } from 'vitest';
import { businessDateOf, daysBetween, isValidTimeZone } from './business-time.js';

describe('businessDateOf', () => {
  it('gives the Shanghai date, which runs 8 hours ahead of UTC', () => {
    // 23:30 in Shanghai on 30 June is 15:30 UTC the same day; 00:30 on 1 July is 16:30 UTC on 30 June.
    expect(businessDateOf(new Date('2026-06-30T15:30:00Z'))).toBe('2026-06-30');
    expect(businessDateOf(new Date('2026-06-30T16:30:00Z'))).toBe('2026-07-01');
  });

  it('follows the zone it is given', () => {
    expect(businessDateOf(new Date('2026-06-30T16:30:00Z'), 'UTC')).toBe('2026-06-30');
    expect(businessDateOf(new Date('2026-01-01T04:00:00Z'), 'America/New_York')).toBe('2025-12-31');
  });

  it('knows valid zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across a leap day, negative backwards', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-28', '2026-11-28')).toBe(0);
    expect(daysBetween('2026-12-01', '2026-11-28')).toBe(-3);
  });
});
