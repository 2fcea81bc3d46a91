import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../common/money.js';
import { attainmentOf, computeRebate } from './engine.js';
import { RebateProgrammeSchema } from './rebates.schemas.js';
import { DEPOSIT_PERFORMANCE_THRESHOLD, depositPerformance, pacePercent, performanceReached, quotaFor, terminatedForBreach, thresholdOf, tierStanding, watchFlag, weeklySeries } from './performance.js';

describe('pace and attainment', () => {
  it('pace is elapsed × 100 with two decimals', () => {
    expect(pacePercent(0)).toBe('0.00');
    expect(pacePercent(0.5)).toBe('50.00');
    expect(pacePercent(1 / 3)).toBe('33.33');
    expect(pacePercent(1)).toBe('100.00');
  });
  it('attainment works without a programme and is null without a quota', () => {
    expect(attainmentOf('750000', '1000000')).toBe('75.00');
    expect(attainmentOf('1', '3')).toBe('33.33');
    expect(attainmentOf('100', '0')).toBeNull();
  });
  it('threshold is the programme’s, else 100', () => {
    expect(thresholdOf(null)).toBe('100');
    expect(thresholdOf({ kind: 'attainment', method: 'retroactive', thresholdPercent: '80', tiers: [{ fromPercent: '80', ratePercent: '2' }], capAmount: null })).toBe('80');
  });
});

describe('quotaFor', () => {
  it('is the set quota, else the terms’ quota per period, else 0 — two decimals', () => {
    expect(quotaFor({ quotaPerPeriod: '500000' }, '750000')).toEqual({ amount: '750000.00', source: 'set' });
    expect(quotaFor({ quotaPerPeriod: '500000' }, undefined)).toEqual({ amount: '500000.00', source: 'terms' });
    expect(quotaFor({ quotaPerPeriod: null }, undefined)).toEqual({ amount: '0.00', source: 'none' });
    expect(quotaFor({}, '0')).toEqual({ amount: '0.00', source: 'set' });
  });
});

describe('depositPerformance', () => {
  const q1 = { end: '2031-03-31', achievement: '1000000', quota: '1000000' };
  const q2 = { end: '2031-06-30', achievement: '999999.99', quota: '1000000' };
  it('is the latest ended period at 100 % of its quota, exactly', () => {
    expect(DEPOSIT_PERFORMANCE_THRESHOLD).toBe('100');
    expect(depositPerformance([q1], '2031-04-01')).toEqual({ performanceReached: true, attainmentPercent: '100.00', thresholdPercent: '100' });
    expect(depositPerformance([q1, q2], '2031-07-01')).toEqual({ performanceReached: false, attainmentPercent: '100.00', thresholdPercent: '100' });
  });
  it('is not reached before a period has ended', () => {
    expect(depositPerformance([], '2031-02-01')).toEqual({ performanceReached: false, attainmentPercent: null, thresholdPercent: '100' });
  });
});

describe('watchFlag', () => {
  const base = { quota: '1000000', thresholdPercent: '80' };
  it('at risk: below the threshold and below 80 % of the expected pace', () => {
    expect(watchFlag({ ...base, attainmentPercent: '30.00', elapsedFraction: 0.5, next: { moreNeeded: '500000.00' } })).toBe('at_risk');
    // 45 % at half time is above 80 % of the 50 % expected (40 %): not at risk
    expect(watchFlag({ ...base, attainmentPercent: '45.00', elapsedFraction: 0.5, next: { moreNeeded: '350000.00' } })).toBeNull();
  });
  it('close to the next tier: at most 10 % of quota away (boundary included)', () => {
    expect(watchFlag({ ...base, attainmentPercent: '92.00', elapsedFraction: 0.5, next: { moreNeeded: '80000.00' } })).toBe('close_to_next_tier');
    expect(watchFlag({ ...base, attainmentPercent: '90.00', elapsedFraction: 0.5, next: { moreNeeded: '100000.00' } })).toBe('close_to_next_tier');
    expect(watchFlag({ ...base, attainmentPercent: '89.99', elapsedFraction: 0.5, next: { moreNeeded: '100000.01' } })).toBeNull();
  });
  it('at risk wins over close at the end of a period; the top tier is never flagged close', () => {
    expect(watchFlag({ ...base, attainmentPercent: '75.00', elapsedFraction: 1, next: { moreNeeded: '50000.00' } })).toBe('at_risk');
    expect(watchFlag({ ...base, attainmentPercent: '130.00', elapsedFraction: 1, next: null })).toBeNull();
  });
  it('volume pricing without a quota measures closeness against the next band', () => {
    expect(watchFlag({ quota: '0', attainmentPercent: null, thresholdPercent: '100', elapsedFraction: 0.9, next: { moreNeeded: '900' }, nextFrom: '10000' })).toBe('close_to_next_tier');
    expect(watchFlag({ quota: '0', attainmentPercent: null, thresholdPercent: '100', elapsedFraction: 0.9, next: { moreNeeded: '1001' }, nextFrom: '10000' })).toBeNull();
  });
});

describe('weeklySeries', () => {
  const period = { index: 1, start: '2026-10-01', end: '2026-12-31' };
  it('cumulative achievement every 7 days up to today, today included', () => {
    const s = weeklySeries(period, '2026-10-20', [
      { date: '2026-10-09', achievement: '100.5' },
      { date: '2026-10-01', achievement: '10' },
      { date: '2026-10-15', achievement: '0.25' },
      { date: '2026-10-20', achievement: '1' },
    ]);
    expect(s).toEqual([
      { date: '2026-10-01', achievement: '10.00' },
      { date: '2026-10-08', achievement: '10.00' },
      { date: '2026-10-15', achievement: '110.75' },
      { date: '2026-10-20', achievement: '111.75' },
    ]);
  });
  it('stops at the period end and is empty before the start', () => {
    const s = weeklySeries(period, '2027-02-01', []);
    expect(s.at(-1)).toEqual({ date: '2026-12-31', achievement: '0.00' });
    expect(s).toHaveLength(14); // 13 weekly points (days 0…84) + the last day (day 91)
    expect(weeklySeries(period, '2026-09-30', [])).toEqual([]);
  });
});

describe('deposit facts', () => {
  it('performance reached: attainment over the ended periods at least the threshold (exactly)', () => {
    const periods = [
      { end: '2026-03-31', achievement: '1200000', quota: '1000000' },
      { end: '2026-06-30', achievement: '399999.99', quota: '1000000' },
      { end: '2026-09-30', achievement: '800000', quota: '1000000' },
      { end: '2026-12-31', achievement: '0', quota: '1000000' },
    ];
    // on 2026-11-28 three quarters have ended: 2,399,999.99 of 3,000,000 = 79.9999…% — shown as 80.00 but below 80
    expect(performanceReached(periods, '2026-11-28', 80)).toEqual({ reached: false, attainmentPercent: '80.00' });
    expect(performanceReached([...periods.slice(0, 3), { end: '2026-09-30', achievement: '0.01', quota: '0' }], '2026-11-28', 80)).toEqual({ reached: true, attainmentPercent: '80.00' });
    expect(performanceReached(periods, '2026-11-28', '79.5').reached).toBe(true);
    // the last quarter counts once it has ended
    expect(performanceReached(periods, '2027-01-01', '59.99')).toEqual({ reached: true, attainmentPercent: '60.00' });
    expect(performanceReached(periods, '2026-03-31', 80)).toEqual({ reached: false, attainmentPercent: null });
    expect(performanceReached([{ end: '2026-01-31', achievement: '5', quota: '0' }], '2026-11-28', 80)).toEqual({ reached: false, attainmentPercent: null });
  });
  it('terminated for breach: terminated and the reason names a breach', () => {
    expect(terminatedForBreach('terminated', 'Breach of exclusivity terms')).toBe(true);
    expect(terminatedForBreach('terminated', '伙伴严重违约')).toBe(true);
    expect(terminatedForBreach('terminated', 'Mutual agreement')).toBe(false);
    expect(terminatedForBreach('active', 'breach')).toBe(false);
    expect(terminatedForBreach('terminated', null)).toBe(false);
  });
});

describe('tierStanding', () => {
  const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => new Dec(c).div(100).toFixed(2));
  const tiers = fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }).chain((froms) =>
    fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: froms.length, maxLength: froms.length }).map((rates) => {
      const f = [...froms].sort((a, b) => a - b);
      const r = [...rates].sort((a, b) => a - b);
      return f.map((from, i) => ({ fromPercent: String(from), ratePercent: new Dec(r[i]).div(100).toFixed(2) }));
    }),
  );
  const programme = fc.oneof(
    fc
      .record({ method: fc.constantFrom('retroactive' as const, 'incremental' as const), thresholdPercent: fc.integer({ min: 0, max: 150 }).map(String), tiers })
      .map((p) => RebateProgrammeSchema.parse({ kind: 'attainment', ...p })),
    tiers.map((ts) => RebateProgrammeSchema.parse({ kind: 'volume_pricing', bands: ts.map((t) => ({ fromVolume: new Dec(t.fromPercent).times(10_000).toFixed(), discountPercent: t.ratePercent })) })),
  );

  it('gives the engine’s tier, rate and gap to the next tier for any programme, quota (0 included) and achievement', () => {
    fc.assert(
      fc.property(programme, cents(5_000_000_00), cents(8_000_000_00), (p, quota, amount) => {
        const engine = computeRebate({ programme: p, quota, lines: [{ id: 'x', amount }] });
        const s = tierStanding(p, quota, amount);
        expect(s.tierIndex).toBe(engine.tierIndex);
        expect(s.ratePercent).toBe(engine.ratePercent);
        expect(s.next && { tierIndex: s.next.tierIndex, ratePercent: s.next.ratePercent, moreNeeded: s.next.moreNeeded }).toEqual(
          engine.next && { tierIndex: engine.next.tierIndex, ratePercent: engine.next.ratePercent, moreNeeded: engine.next.moreNeeded },
        );
      }),
      { numRuns: 500 },
    );
  });

  it('the worked example: 112 % of 1,000,000 is the second tier, 80,000.00 short of the third (from 1,200,000)', () => {
    const p = RebateProgrammeSchema.parse({
      kind: 'attainment',
      method: 'retroactive',
      thresholdPercent: '80',
      tiers: [
        { fromPercent: '80', ratePercent: '2' },
        { fromPercent: '100', ratePercent: '4' },
        { fromPercent: '120', ratePercent: '6' },
      ],
    });
    expect(tierStanding(p, '1000000', '1120000')).toEqual({ tierIndex: 1, ratePercent: '4', next: { tierIndex: 2, ratePercent: '6', from: '1200000', moreNeeded: '80000.00' } });
    expect(tierStanding(p, '0', '5')).toEqual({ tierIndex: null, ratePercent: null, next: null });
  });
});
