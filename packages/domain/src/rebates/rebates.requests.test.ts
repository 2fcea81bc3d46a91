import { describe, expect, it } from 'vitest';
import { RebateRunPeriodSchema, runPeriodBounds } from './rebates.requests.js';

describe('run periods', () => {
  it('names calendar quarters, halves and years', () => {
    expect(runPeriodBounds('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(runPeriodBounds('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(runPeriodBounds('2028-Q1')).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(runPeriodBounds('2026-H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(runPeriodBounds('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('refuses anything else', () => {
    for (const bad of ['2026-Q5', '2026-H3', '26-Q1', '2026Q1', '', '1800']) expect(RebateRunPeriodSchema.safeParse(bad).success).toBe(false);
    expect(RebateRunPeriodSchema.parse(' 2026-Q4 ')).toBe('2026-Q4');
  });
});
