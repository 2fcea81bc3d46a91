import { describe, expect, it } from 'vitest';
import { agreementPeriods, evaluationPeriods, periodKey, pickPeriod } from './periods.js';

describe('agreementPeriods', () => {
  it('are quarters unless the terms name another evaluation period', () => {
    const term = { startDate: '2031-01-01', endDate: '2031-12-31' };
    expect(agreementPeriods({ ...term, terms: {} })).toEqual(evaluationPeriods('2031-01-01', '2031-12-31', 'quarter'));
    expect(agreementPeriods({ ...term, terms: { evaluationPeriod: null } })).toHaveLength(4);
    expect(agreementPeriods({ ...term, terms: { evaluationPeriod: 'half' } })).toEqual([
      { index: 1, start: '2031-01-01', end: '2031-06-30' },
      { index: 2, start: '2031-07-01', end: '2031-12-31' },
    ]);
  });
});

describe('pickPeriod', () => {
  const periods = evaluationPeriods('2031-01-01', '2031-12-31', 'quarter');
  it('is the period asked for by its first day, null when there is none', () => {
    expect(pickPeriod(periods, '2031-02-01', '2031-07-01')?.index).toBe(3);
    expect(pickPeriod(periods, '2031-02-01', '2031-07-02')).toBeNull();
  });
  it('else the period holding today, the last once the term is over, the first before it starts', () => {
    expect(pickPeriod(periods, '2031-05-15')?.index).toBe(2);
    expect(pickPeriod(periods, '2032-01-01')?.index).toBe(4);
    expect(pickPeriod(periods, '2030-06-01')?.index).toBe(1);
  });
});

describe('periodKey', () => {
  it('joins agreement and period start', () => {
    expect(periodKey('a1', '2031-01-01')).toBe('a1|2031-01-01');
  });
});
