import { describe, expect, it } from 'vitest';
import { probationCheckWindow, successorQuota, successorTerm } from './successor.js';

describe('successorTerm', () => {
  it.each([
    // whole months: the same number of months, leap days included
    ['2026-01-01', '2026-12-31', '2027-01-01', '2027-12-31'],
    ['2027-03-01', '2028-02-29', '2028-03-01', '2029-02-28'],
    ['2026-04-01', '2026-06-30', '2026-07-01', '2026-09-30'],
    ['2026-01-31', '2026-02-27', '2026-02-28', '2026-03-27'],
    // not whole months: as many days (95 each)
    ['2026-02-15', '2026-05-20', '2026-05-21', '2026-08-23'],
    ['2026-03-10', '2026-03-10', '2026-03-11', '2026-03-11'],
  ])('%s…%s → %s…%s', (start, end, nextStart, nextEnd) => {
    expect(successorTerm(start, end)).toEqual({ startDate: nextStart, endDate: nextEnd });
  });

  it('starts the day after and lasts as many days when not whole months', () => {
    const { startDate, endDate } = successorTerm('2026-02-15', '2026-05-20');
    expect(startDate).toBe('2026-05-21');
    expect((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000).toBe((Date.parse('2026-05-20') - Date.parse('2026-02-15')) / 86_400_000);
  });
});

describe('successorQuota', () => {
  it.each([
    // input, suggested, current → quota
    ['1000', '2000.00', '3000.00', '1000.00'],
    ['0', '2000.00', '3000.00', '0.00'],
    ['1234.5', null, null, '1234.50'],
    [undefined, '2000.00', '3000.00', '2000.00'],
    [undefined, '0.00', '3000.00', '3000.00'],
    [undefined, null, '3000.00', '3000.00'],
    [undefined, null, null, null],
  ] as const)('input %s, suggested %s, current %s → %s', (input, suggested, current, quota) => {
    expect(successorQuota(input, suggested, current)).toBe(quota);
  });
});

describe('probationCheckWindow', () => {
  const term = { startDate: '2027-01-01', endDate: '2027-12-31' };
  it.each([
    // today → from (until is always the term's end)
    ['2026-11-28', '2027-01-01'],
    ['2026-12-31', '2027-01-01'],
    ['2027-01-01', '2027-01-02'],
    ['2027-06-15', '2027-06-16'],
  ])('today %s → from %s', (today, from) => {
    expect(probationCheckWindow(term, today)).toEqual({ from, until: '2027-12-31' });
  });
});
