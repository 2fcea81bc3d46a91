import { describe, expect, it } from 'vitest';
import { quarterOf, RebateRunPeriodSchema, recentRunPeriods, RUN_PERIOD, runPeriodBounds } from './rebates.requests.js';

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

  it('reads a period code into its year and part', () => {
    expect(RUN_PERIOD.exec('2026-Q3')?.slice(1)).toEqual(['2026', 'Q3']);
    expect(RUN_PERIOD.exec('2026')?.slice(1)).toEqual(['2026', undefined]);
    expect(RUN_PERIOD.test('2026-Q5')).toBe(false);
  });

  it('defaults a run to the quarter holding today', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-11-28')).toBe('2026-Q4');
  });

  it('offers this year and last year, newest first', () => {
    expect(recentRunPeriods('2026-11-28')).toEqual([
      { year: 2026, periods: ['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2026-H2', '2026-H1', '2026'] },
      { year: 2025, periods: ['2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1', '2025-H2', '2025-H1', '2025'] },
    ]);
    for (const { periods } of recentRunPeriods('2026-01-01')) for (const p of periods) expect(RebateRunPeriodSchema.parse(p)).toBe(p);
  });
});
