import { describe, expect, it } from 'vitest';
import { KpisSchema } from './coverage.schemas.js';
import {
  attainmentBucket,
  attainmentDistribution,
  conflictVitals,
  conversionPercent,
  hoursBetween,
  median,
  type PartnerAttainmentRow,
  rebateLiability,
  registrationFunnel,
  renewalsDue,
  slaBreaches,
  staleSeconds,
  topAndBottom,
  vendorRatingLink,
} from './vital-signs.rules.js';

const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('conversion', () => {
  it.each([
    [0, 0, null],
    [5, 0, null],
    [0, 10, '0.00'],
    [1, 3, '33.33'],
    [2, 3, '66.67'],
    [1, 8, '12.50'],
    [10, 10, '100.00'],
  ])('%i of %i → %s', (part, whole, pct) => {
    expect(conversionPercent(part, whole)).toBe(pct);
  });

  it('the funnel converts each stage and guards an empty period', () => {
    expect(registrationFunnel({ submitted: 200, approved: 150, won: 45 })).toEqual({
      submitted: 200,
      approved: 150,
      won: 45,
      approvedOfSubmitted: '75.00',
      wonOfApproved: '30.00',
      wonOfSubmitted: '22.50',
    });
    expect(registrationFunnel({ submitted: 0, approved: 0, won: 0 })).toMatchObject({ approvedOfSubmitted: null, wonOfApproved: null, wonOfSubmitted: null });
  });

  it('SLA breaches as a share of the reviewed', () => {
    expect(slaBreaches(3, 40)).toEqual({ breached: 3, reviewed: 40, percent: '7.50' });
    expect(slaBreaches(0, 0)).toEqual({ breached: 0, reviewed: 0, percent: null });
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [['7'], '7'],
    [['5', '1', '3'], '3'],
    [['4', '1', '3', '2'], '2.5'],
    [['1.5', '2'], '1.75'],
    [[10, 10, 1, 100], '10'],
  ])('%j → %s', (values, m) => {
    expect(median(values)?.toFixed() ?? null).toBe(m);
  });

  it('hours between two instants, across an offset', () => {
    expect(hoursBetween('2026-11-01T09:00:00+08:00', '2026-11-01T03:30:00Z').toFixed()).toBe('2.5');
  });

  it('conflicts: median hours of the resolved ones only; open ones counted apart', () => {
    const v = conflictVitals([
      { openedAt: '2026-11-01T00:00:00Z', resolvedAt: '2026-11-01T10:00:00Z' }, // 10 h
      { openedAt: '2026-11-02T00:00:00Z', resolvedAt: '2026-11-03T00:00:00Z' }, // 24 h
      { openedAt: '2026-11-03T00:00:00Z', resolvedAt: '2026-11-03T01:20:00Z' }, // 1.333… h
      { openedAt: '2026-11-04T00:00:00Z', resolvedAt: '2026-11-04T02:40:00Z' }, // 2.666… h
      { openedAt: '2026-11-05T00:00:00Z', resolvedAt: null },
    ]);
    // even count: (2.666… + 10) ÷ 2 = 6.333… → 6.33
    expect(v).toEqual({ opened: 5, resolved: 4, stillOpen: 1, medianHoursToResolve: '6.33' });
    expect(conflictVitals([{ openedAt: '2026-11-05T00:00:00Z', resolvedAt: null }]).medianHoursToResolve).toBeNull();
    expect(conflictVitals([])).toEqual({ opened: 0, resolved: 0, stillOpen: 0, medianHoursToResolve: null });
  });
});

describe('attainment distribution', () => {
  it.each([
    ['0', 'lt50'],
    ['49.99', 'lt50'],
    ['50', 'from50to80'],
    ['79.999', 'from50to80'],
    ['80', 'from80to100'],
    ['99.99', 'from80to100'],
    ['100', 'from100to120'],
    ['119.99', 'from100to120'],
    ['120', 'gte120'],
    ['310.5', 'gte120'],
  ] as const)('%s %% → %s', (pct, bucket) => {
    expect(attainmentBucket(pct)).toBe(bucket);
  });

  it('every bucket in order, exact compare (79.996 % stays below 80), partners without quota apart', () => {
    const d = attainmentDistribution([
      { quota: '1000', achievement: '799.96' },
      { quota: '1000', achievement: '800' },
      { quota: '1000', achievement: '1200' },
      { quota: '0', achievement: '50' },
      { quota: '3', achievement: '0' },
    ]);
    expect(d).toEqual({
      buckets: [
        { bucket: 'lt50', count: 1 },
        { bucket: 'from50to80', count: 1 },
        { bucket: 'from80to100', count: 1 },
        { bucket: 'from100to120', count: 0 },
        { bucket: 'gte120', count: 1 },
      ],
      withoutQuota: 1,
    });
  });
});

describe('top and bottom partners', () => {
  const p = (id: number, name: string, quota: string, achievement: string): PartnerAttainmentRow => ({ id: u(id), name, type: 'smb', quota, achievement });
  const rows = [
    p(1, 'B', '100', '150'), // 150 %
    p(2, 'A', '200', '300'), // 150 %, more achievement → before B
    p(3, 'C', '100', '150'), // 150 %, same achievement as B, name after B
    p(4, 'D', '100', '20'), // 20 %
    p(5, 'E', '100', '20'), // 20 %, tie with D broken by name
    p(6, 'F', '0', '999'), // no quota: in neither list
    p(7, 'G', '300', '200'), // 66.67 %
  ];

  it('ranks by exact attainment, ties by achievement, name, id; a partner is in one list only', () => {
    const { top, bottom } = topAndBottom(rows, 2);
    expect(top.map((r) => r.name)).toEqual(['A', 'B']);
    expect(bottom.map((r) => r.name)).toEqual(['D', 'E']);
    expect(top[0]).toEqual({ id: u(2), name: 'A', type: 'smb', quota: '200.00', achievement: '300.00', attainmentPercent: '150.00' });
  });

  it('with fewer than 2n partners the bottom list is shorter, never repeating the top', () => {
    const { top, bottom } = topAndBottom(rows, 4);
    expect(top.map((r) => r.name)).toEqual(['A', 'B', 'C', 'G']);
    expect(bottom.map((r) => r.name)).toEqual(['D', 'E']);
    expect(topAndBottom([], 5)).toEqual({ top: [], bottom: [] });
  });

  it('the same rows in another order give the same lists', () => {
    expect(topAndBottom([...rows].reverse(), 2)).toEqual(topAndBottom(rows, 2));
  });
});

describe('liability, renewals, staleness', () => {
  it('rebate liability: accrued net of reversals and clawbacks vs paid', () => {
    expect(
      rebateLiability([
        { kind: 'accrual', amount: '1000.00' },
        { kind: 'reversal', amount: '-100.00' },
        { kind: 'clawback', amount: '-50.00' },
        { kind: 'settlement', amount: '850.00' },
        { kind: 'payment', amount: '-600.00' },
      ]),
    ).toEqual({ accrued: '850.00', paid: '600.00', outstanding: '250.00' });
    expect(rebateLiability([])).toEqual({ accrued: '0.00', paid: '0.00', outstanding: '0.00' });
  });

  it('renewals due by recommendation; no review yet counts as none', () => {
    expect(renewalsDue([{ outcome: 'renew' }, { outcome: 'terminate' }, { outcome: null }, { outcome: 'renew' }], 90)).toEqual({
      withinDays: 90,
      total: 4,
      byRecommendation: { renew: 2, renew_on_probation: 0, terminate: 1, none: 1 },
    });
  });

  it.each([
    ['2026-11-28T06:00:00Z', '2026-11-28T06:00:59.900Z', 59],
    ['2026-11-28T06:00:00Z', '2026-11-28T14:01:00+08:00', 60],
    ['2026-11-28T06:00:10Z', '2026-11-28T06:00:00Z', 0],
  ])('stale seconds from %s to %s', (from, now, s) => {
    expect(staleSeconds(from, now)).toBe(s);
  });

  it('a complete KPI answer parses', () => {
    const kpis = {
      asOf: '2026-11-28T06:00:00Z',
      staleSeconds: 5,
      period: { key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
      funnel: registrationFunnel({ submitted: 3, approved: 2, won: 1 }),
      conflicts: conflictVitals([]),
      slaBreaches: slaBreaches(0, 2),
      attainment: attainmentDistribution([]),
      ...(({ top, bottom }) => ({ topPartners: top, bottomPartners: bottom }))(topAndBottom([], 5)),
      rebateLiability: rebateLiability([]),
      certificationsExpiring: { withinDays: 90, count: 2, partners: 1 },
      renewalsDue: renewalsDue([], 90),
      vendorRating: vendorRatingLink({ start: '2026-10-01', end: '2026-12-31' }),
    };
    expect(kpis.vendorRating).toEqual({ link: { to: '/renewals/ratings', search: { from: '2026-10-01', to: '2026-12-31' } } });
    expect(KpisSchema.parse(kpis)).toEqual(kpis);
  });
});
