import { describe, expect, it } from 'vitest';
import { slaClock } from './slaClock';

describe('slaClock', () => {
  it('counts the days left, today and the days overdue of a waiting registration', () => {
    expect(slaClock('in_review', '2026-12-01', '2026-11-28')).toEqual({ kind: 'left', days: 3 });
    expect(slaClock('submitted', '2026-11-28', '2026-11-28')).toEqual({ kind: 'today' });
    expect(slaClock('in_conflict', '2026-11-26', '2026-11-28')).toEqual({ kind: 'overdue', days: 2 });
    // across a month end and a DST change (dates, not instants)
    expect(slaClock('in_review', '2027-04-01', '2027-03-25')).toEqual({ kind: 'left', days: 7 });
  });

  it('shows no clock once decided or without a deadline', () => {
    expect(slaClock('approved', '2026-11-26', '2026-11-28')).toEqual({ kind: 'none' });
    expect(slaClock('in_review', null, '2026-11-28')).toEqual({ kind: 'none' });
  });
});
