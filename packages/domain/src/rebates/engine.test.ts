import { describe, expect, it } from 'vitest';
import { computeRebate, explanationOf, whatIf } from './engine.js';
import { balance, depositTransition, payableAfterHolding, statementEntries, type LedgerEntry } from './ledger.js';
import { paymentIntegrity } from './payments.js';
import { addMonths, elapsedFraction, evaluationPeriods, periodOf, quotaEditable } from './periods.js';
import { RebateProgrammeSchema } from './rebates.schemas.js';
import { checkSellOutRows, sellOutImportable } from './sell-out.js';

/** The worked examples of docs/domain.md "Performance and rebates" — same numbers. */

const TIERS = [
  { fromPercent: '80', ratePercent: '2' },
  { fromPercent: '100', ratePercent: '4' },
  { fromPercent: '120', ratePercent: '6' },
];
const programme = (method: 'retroactive' | 'incremental', capAmount: string | null = null) =>
  RebateProgrammeSchema.parse({ kind: 'attainment', method, thresholdPercent: '80', tiers: TIERS, capAmount });
const QUOTA = '1000000';
const one = (amount: string) => [{ id: 'd1', amount }];

describe('attainment programmes — quota 1,000,000, tiers ≥80 % → 2 %, ≥100 % → 4 %, ≥120 % → 6 %', () => {
  it('112 % retroactive: the whole 1,120,000 at 4 % = 44,800.00', () => {
    const r = computeRebate({ programme: programme('retroactive'), quota: QUOTA, lines: one('1120000') });
    expect(r).toMatchObject({
      achievement: '1120000',
      attainmentPercent: '112.00',
      tierIndex: 1,
      ratePercent: '4',
      method: 'retroactive',
      earned: '44800.00',
      capped: false,
      payable: '44800.00',
    });
    expect(r.allocation).toEqual([{ lineId: 'd1', amount: '44800.00' }]);
  });

  it('112 % incremental: 200,000 × 2 % + 120,000 × 4 % = 8,800.00 (nothing below the threshold)', () => {
    const r = computeRebate({ programme: programme('incremental'), quota: QUOTA, lines: one('1120000') });
    expect(r.earned).toBe('8800.00');
    expect(r.bands).toEqual([
      { from: '800000', to: '1000000', ratePercent: '2', base: '200000', amount: '4000' },
      { from: '1000000', to: '1200000', ratePercent: '4', base: '120000', amount: '4800' },
    ]);
  });

  it('a cap of 30,000 holds the retroactive case at 30,000.00', () => {
    const r = computeRebate({ programme: programme('retroactive', '30000'), quota: QUOTA, lines: one('1120000') });
    expect(r).toMatchObject({ uncapped: '44800', capped: true, earned: '30000.00' });
  });

  it('the next tier from 112 %: 80,000.00 more, then 72,000.00 retroactive (27,200.00 more)', () => {
    const r = computeRebate({ programme: programme('retroactive'), quota: QUOTA, lines: one('1120000') });
    expect(r.next).toEqual({ tierIndex: 2, ratePercent: '6', moreNeeded: '80000.00', earnedThen: '72000.00', increase: '27200.00' });
    const inc = computeRebate({ programme: programme('incremental'), quota: QUOTA, lines: one('1120000') });
    expect(inc.next).toMatchObject({ moreNeeded: '80000.00', earnedThen: '12000.00', increase: '3200.00' });
    const top = computeRebate({ programme: programme('retroactive'), quota: QUOTA, lines: one('1300000') });
    expect(top.next).toBeNull();
  });

  it('below the threshold nothing is earned, and the next tier is the threshold', () => {
    const r = computeRebate({ programme: programme('retroactive'), quota: QUOTA, lines: one('799999.99') });
    expect(r).toMatchObject({ tierIndex: null, earned: '0.00', attainmentPercent: '80.00' });
    expect(r.next).toEqual({ tierIndex: 0, ratePercent: '2', moreNeeded: '0.01', earnedThen: '16000.00', increase: '16000.00' });
  });

  it('shares and coefficients weigh the achievement: a 60/40 split and a 1.5 coefficient', () => {
    const r = computeRebate({
      programme: programme('retroactive'),
      quota: QUOTA,
      lines: [
        { id: 'split', amount: '1000000', share: '0.6' },
        { id: 'boosted', amount: '200000', coefficient: '1.5' },
      ],
    });
    expect(r.achievement).toBe('900000');
    expect(r.earned).toBe('18000.00');
    expect(r.allocation).toEqual([
      { lineId: 'split', amount: '12000.00' },
      { lineId: 'boosted', amount: '6000.00' },
    ]);
  });

  it('a higher tier reached late pays the difference: 950,000 → 19,000.00 settled; 1,050,000 → 42,000.00, payable 23,000.00', () => {
    const first = computeRebate({ programme: programme('retroactive'), quota: QUOTA, lines: one('950000') });
    expect(first).toMatchObject({ earned: '19000.00', payable: '19000.00' });
    const later = computeRebate({
      programme: programme('retroactive'),
      quota: QUOTA,
      lines: [...one('950000'), { id: 'd2', amount: '100000' }],
      alreadySettled: first.earned,
    });
    expect(later).toMatchObject({ earned: '42000.00', alreadySettled: '19000.00', payable: '23000.00' });
  });

  it('what-if: a deal of 80,000 at 112 % lifts the period from 44,800.00 to 72,000.00', () => {
    const w = whatIf({ programme: programme('retroactive'), quota: QUOTA, lines: one('1120000') }, '80000');
    expect(w.before.earned).toBe('44800.00');
    expect(w.after.earned).toBe('72000.00');
    expect(w.increase).toBe('27200.00');
  });
});

describe('explanationOf', () => {
  it('is the engine result without the per-line allocation', () => {
    const r = computeRebate({ programme: programme('retroactive'), quota: QUOTA, lines: one('1100000') });
    const e = explanationOf(r);
    expect('allocation' in e).toBe(false);
    expect({ ...e, allocation: r.allocation }).toEqual(r);
  });
});

describe('the ledger', () => {
  it('a paid 300,000 deal reversed → one clawback of minus its allocated part, exactly once', () => {
    const p = programme('retroactive');
    const lines = [
      { id: 'deal-300k', amount: '300000' },
      { id: 'deal-1250k', amount: '1250000' },
    ];
    // 1,550,000 = 155 % → 6 % retroactive = 93,000.00, allocated 18,000.00 + 75,000.00.
    const run1 = computeRebate({ programme: p, quota: QUOTA, lines });
    expect(run1.earned).toBe('93000.00');
    expect(run1.allocation).toEqual([
      { lineId: 'deal-300k', amount: '18000.00' },
      { lineId: 'deal-1250k', amount: '75000.00' },
    ]);
    const ledger: LedgerEntry[] = statementEntries([], run1.allocation, new Set(), '2026-08-20');
    expect(ledger.map((e) => e.kind)).toEqual(['accrual', 'accrual']);
    ledger.push({ kind: 'payment', amount: '-93000.00', bookedOn: '2026-09-10' });
    expect(balance(ledger)).toBe('0.00');

    const paid = new Set(['deal-300k', 'deal-1250k']);
    // The 300,000 deal is reversed: 1,250,000 = 125 % still earns 6 %, so only its own part comes back.
    const run2 = computeRebate({ programme: p, quota: QUOTA, lines: [lines[1]] });
    const entries = statementEntries(ledger, run2.allocation, paid, '2026-10-01');
    expect(entries).toEqual([{ kind: 'clawback', amount: '-18000.00', lineId: 'deal-300k', bookedOn: '2026-10-01' }]);
    ledger.push(...entries);
    expect(statementEntries(ledger, run2.allocation, paid, '2026-10-02')).toEqual([]);
    expect(balance(ledger)).toBe('-18000.00');
  });

  it('an unpaid line that falls is a reversal, not a clawback', () => {
    const prior: LedgerEntry[] = [{ kind: 'accrual', amount: '500.00', lineId: 'x', bookedOn: '2026-08-01' }];
    expect(statementEntries(prior, [{ lineId: 'x', amount: '200.00' }], new Set(), '2026-08-02')).toEqual([
      { kind: 'reversal', amount: '-300.00', lineId: 'x', bookedOn: '2026-08-02' },
    ]);
  });

  it('holding period: only accruals booked at least 30 days before today are payable', () => {
    const entries: LedgerEntry[] = [
      { kind: 'accrual', amount: '1000.00', lineId: 'a', bookedOn: '2026-10-01' },
      { kind: 'accrual', amount: '400.00', lineId: 'b', bookedOn: '2026-11-20' },
      { kind: 'reversal', amount: '-100.00', lineId: 'a', bookedOn: '2026-11-25' },
      { kind: 'payment', amount: '-50.00', bookedOn: '2026-11-26' },
    ];
    expect(payableAfterHolding(entries, '2026-11-28', 30)).toBe('900.00');
    expect(payableAfterHolding(entries, '2026-11-28', 0)).toBe('1300.00');
    expect(balance(entries)).toBe('1250.00');
  });

  it('deposit transitions: due → paid → offset | refunded | forfeited, with their guards', () => {
    const reached = { performanceReached: true, terminatedForBreach: false };
    const missed = { performanceReached: false, terminatedForBreach: false };
    const breach = { performanceReached: false, terminatedForBreach: true };
    expect(depositTransition('due', 'paid', missed)).toEqual({ ok: true });
    expect(depositTransition('due', 'offset', reached)).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(depositTransition('paid', 'offset', reached)).toEqual({ ok: true });
    expect(depositTransition('paid', 'refunded', reached)).toEqual({ ok: true });
    expect(depositTransition('paid', 'offset', missed)).toEqual({ ok: false, reason: 'performance_not_reached' });
    expect(depositTransition('paid', 'refunded', missed)).toEqual({ ok: false, reason: 'performance_not_reached' });
    expect(depositTransition('paid', 'forfeited', missed)).toEqual({ ok: false, reason: 'not_terminated_for_breach' });
    expect(depositTransition('paid', 'forfeited', breach)).toEqual({ ok: true });
    expect(depositTransition('offset', 'refunded', reached)).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(depositTransition('forfeited', 'paid', breach)).toEqual({ ok: false, reason: 'invalid_transition' });
  });
});

describe('volume pricing', () => {
  const bands = RebateProgrammeSchema.parse({
    kind: 'volume_pricing',
    bands: [
      { fromVolume: '500000', discountPercent: '1' },
      { fromVolume: '1000000', discountPercent: '2' },
    ],
  });

  it('1,200,000 of volume: 500,000 × 1 % + 200,000 × 2 % = 9,000.00 credit', () => {
    const r = computeRebate({ programme: bands, quota: '0', lines: one('1200000') });
    expect(r).toMatchObject({ earned: '9000.00', attainmentPercent: null, tierIndex: 1, method: 'incremental', next: null });
  });

  it('700,000: 2,000.00 now; 300,000.00 more reaches 2 %, then 5,000.00', () => {
    const r = computeRebate({ programme: bands, quota: '0', lines: one('700000') });
    expect(r.earned).toBe('2000.00');
    expect(r.next).toEqual({ tierIndex: 1, ratePercent: '2', moreNeeded: '300000.00', earnedThen: '5000.00', increase: '3000.00' });
    expect(computeRebate({ programme: bands, quota: '0', lines: one('499999.99') }).earned).toBe('0.00');
  });
});

describe('evaluation periods of the term 2026-02-15 … 2027-02-14', () => {
  it('quarters and halves', () => {
    expect(evaluationPeriods('2026-02-15', '2027-02-14', 'quarter')).toEqual([
      { index: 1, start: '2026-02-15', end: '2026-05-14' },
      { index: 2, start: '2026-05-15', end: '2026-08-14' },
      { index: 3, start: '2026-08-15', end: '2026-11-14' },
      { index: 4, start: '2026-11-15', end: '2027-02-14' },
    ]);
    expect(evaluationPeriods('2026-02-15', '2027-02-14', 'half')).toEqual([
      { index: 1, start: '2026-02-15', end: '2026-08-14' },
      { index: 2, start: '2026-08-15', end: '2027-02-14' },
    ]);
    expect(evaluationPeriods('2026-02-15', '2027-02-14', 'year')).toEqual([{ index: 1, start: '2026-02-15', end: '2027-02-14' }]);
  });

  it('a short term ends its last period with the term', () => {
    expect(evaluationPeriods('2026-02-15', '2026-06-30', 'quarter')).toEqual([
      { index: 1, start: '2026-02-15', end: '2026-05-14' },
      { index: 2, start: '2026-05-15', end: '2026-06-30' },
    ]);
  });

  it('periodOf, elapsedFraction, quotaEditable, addMonths', () => {
    const qs = evaluationPeriods('2026-02-15', '2027-02-14', 'quarter');
    expect(periodOf(qs, '2026-11-28')?.index).toBe(4);
    expect(periodOf(qs, '2026-11-14')?.index).toBe(3);
    expect(periodOf(qs, '2027-02-15')).toBeNull();
    expect(periodOf(qs, '2026-02-14')).toBeNull();
    // Q4 has 92 days (16 + 31 + 31 + 14); on 2026-11-28 the 14th has passed.
    expect(elapsedFraction(qs[3], '2026-11-28')).toBe(14 / 92);
    expect(elapsedFraction(qs[3], '2026-11-01')).toBe(0);
    expect(elapsedFraction(qs[3], '2027-02-14')).toBe(1);
    expect(quotaEditable(qs[3], '2026-11-14')).toBe(true);
    expect(quotaEditable(qs[3], '2026-11-15')).toBe(false);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });
});

describe('payment integrity', () => {
  it('on-time ratio and days overdue as of 2026-11-28', () => {
    const r = paymentIntegrity(
      [
        { dueOn: '2026-10-01', paidOn: '2026-09-30', amount: '100000.00' },
        { dueOn: '2026-10-15', paidOn: '2026-10-25', amount: '50000.00' },
        { dueOn: '2026-11-01', paidOn: null, amount: '20000.00' },
        { dueOn: '2026-12-31', paidOn: null, amount: '80000.00' },
      ],
      '2026-11-28',
    );
    expect(r).toEqual({ due: 3, onTime: 1, onTimeRatio: 0.3333, worstDaysOverdue: 27, averageDaysOverdue: 18.5, openOverdue: 1 });
    expect(paymentIntegrity([], '2026-11-28')).toMatchObject({ due: 0, onTimeRatio: null, worstDaysOverdue: 0 });
  });
});

describe('sell-out reports', () => {
  const ctx = { periodStart: '2026-08-15', periodEnd: '2026-11-14', products: new Set(['PL-100', 'PL-200']) };
  const rows = [
    { date: '2026-09-01', customer: '华新医疗', product: 'PL-100', quantity: '3', amount: '12,500.50' },
    { date: '2026-02-30', customer: '兰亭', product: 'PL-200', quantity: '0', amount: '100' },
    { date: '2026-12-01', customer: '兰亭', product: 'XX-9', quantity: '1', amount: '100' },
    { date: '2026-10-01', customer: ' ', product: 'PL-100', quantity: '2', amount: 'abc' },
    { date: '2026-11-14', customer: '北辰', product: 'PL-200', quantity: '10', amount: '8000' },
  ];

  it('names each bad row and field with a code', () => {
    const check = checkSellOutRows(rows, ctx);
    expect(check.issues).toEqual([
      { row: 2, field: 'date', code: 'not_a_date' },
      { row: 2, field: 'quantity', code: 'not_a_whole_number' },
      { row: 3, field: 'date', code: 'outside_period' },
      { row: 3, field: 'product', code: 'unknown_product' },
      { row: 4, field: 'customer', code: 'required' },
      { row: 4, field: 'amount', code: 'not_an_amount' },
    ]);
    expect(check.badRows).toEqual([2, 3, 4]);
    expect(check.good).toEqual([
      { row: 1, date: '2026-09-01', customer: '华新医疗', product: 'PL-100', quantity: 3, amount: '12500.50' },
      { row: 5, date: '2026-11-14', customer: '北辰', product: 'PL-200', quantity: 10, amount: '8000.00' },
    ]);
  });

  it('all or nothing, unless the partner accepts the good rows', () => {
    const check = checkSellOutRows(rows, ctx);
    expect(sellOutImportable(check, false)).toBeNull();
    expect(sellOutImportable(check, true)?.map((l) => l.row)).toEqual([1, 5]);
    const clean = checkSellOutRows([rows[0], rows[4]], ctx);
    expect(sellOutImportable(clean, false)?.map((l) => l.row)).toEqual([1, 2]);
  });
});

describe('RebateProgrammeSchema', () => {
  it('refuses descending tiers and falling rates, accepts equal rates', () => {
    const base = { kind: 'attainment', method: 'retroactive', thresholdPercent: '80' };
    const descending = RebateProgrammeSchema.safeParse({ ...base, tiers: [TIERS[1], TIERS[0]] });
    expect(descending.success).toBe(false);
    expect(descending.error?.issues.map((i) => i.message)).toContain('validation.tiers_ascending');
    const falling = RebateProgrammeSchema.safeParse({
      ...base,
      tiers: [
        { fromPercent: '80', ratePercent: '4' },
        { fromPercent: '100', ratePercent: '2' },
      ],
    });
    expect(falling.error?.issues.map((i) => i.message)).toEqual(['validation.rates_non_decreasing']);
    expect(RebateProgrammeSchema.safeParse({ ...base, tiers: [TIERS[0], { ...TIERS[0] }] }).success).toBe(false);
    expect(RebateProgrammeSchema.safeParse({ ...base, tiers: [TIERS[0], { fromPercent: '100', ratePercent: '2' }] }).success).toBe(true);
    expect(
      RebateProgrammeSchema.safeParse({
        kind: 'volume_pricing',
        bands: [
          { fromVolume: '2', discountPercent: '1' },
          { fromVolume: '1', discountPercent: '2' },
        ],
      }).success,
    ).toBe(false);
    expect(RebateProgrammeSchema.safeParse({ ...base, tiers: [{ fromPercent: '-1', ratePercent: '2' }] }).success).toBe(false);
  });
});
