import { type AgreementTerms, periodKey } from '@partnerline/domain';
import { type BasisRow, type BatchFacts, type Candidate, closedTermOutcome, computeAgreement, planAgreement } from './rebate-run.compute';
import type { ExistingStatement, LedgerLineEntry } from './rebate-statements.repository';

/**
 * One agreement of a run, without a database: which period it targets, what it books, and how changes to an
 * earlier, settled period land on the current statement exactly once. Programme: threshold 80%, ≥80% → 2%,
 * ≥100% → 4%, ≥120% → 6%, retroactive; quota 100,000 per quarter.
 */
const terms = {
  pricing: {
    model: 'fixed_rebate',
    items: [],
    rebate: {
      thresholdPercent: 80,
      mode: 'retroactive',
      tiers: [
        { attainmentPercent: 80, ratePercent: 2 },
        { attainmentPercent: 100, ratePercent: 4 },
        { attainmentPercent: 120, ratePercent: 6 },
      ],
    },
  },
  evaluationPeriod: 'quarter',
  quotaPerPeriod: '100000.00',
} as unknown as AgreementTerms;
const agreement: Candidate = { id: 'a1', partnerId: 'p1', partnerName: 'P', type: 'registration', startDate: '2031-01-01', endDate: '2031-12-31', terms };
const Q1 = '2031-01-01';
const Q2 = '2031-04-01';

const statement = (periodStart: string, status: ExistingStatement['status'], over: Partial<ExistingStatement> = {}): ExistingStatement => ({
  id: `s-${periodStart}`,
  agreement_id: 'a1',
  period_start: periodStart,
  status,
  earned: '0',
  achievement: '0',
  quota: '100000',
  payable: '0',
  adjustments: '0',
  tier_index: null,
  final: false,
  line_count: 0,
  ...over,
});
const deal = (id: string, amount: string, occurredOn: string): BasisRow => ({ id, kind: 'deal', amount, share: '1', coefficient: '1', description: id, occurredOn });
const entry = (periodStart: string, kind: LedgerLineEntry['kind'], amount: string, sourceId: string | null, statementId: string | null = null): LedgerLineEntry => ({
  agreement_id: 'a1',
  period_start: periodStart,
  kind,
  amount,
  source_id: sourceId,
  booked_on: '2031-04-02',
  statement_id: statementId,
});

function facts(over: Partial<BatchFacts>): BatchFacts {
  return {
    asOf: '2031-05-01',
    runId: 'r1',
    startedBy: 'u1',
    basis: new Map(),
    quotas: new Map(),
    ledger: new Map(),
    paid: new Map(),
    cross: new Map(),
    adjustments: new Map(),
    descriptions: new Map(),
    ...over,
  };
}

function plan(runEnd: string, statements: ExistingStatement[]) {
  const p = planAgreement(agreement, runEnd, statements);
  if (p.kind !== 'plan') throw new Error(`expected a plan, got ${p.kind}`);
  return p.plan;
}

describe('a rebate run, one agreement', () => {
  it('targets the evaluation period holding the run’s end, looks back only at settled periods, leaves a settled target alone', () => {
    expect(plan('2031-06-30', [])).toMatchObject({ target: { start: Q2, end: '2031-06-30' }, lookback: [], existing: null });
    expect(plan('2031-06-30', [statement(Q1, 'draft')]).lookback).toEqual([]);
    expect(plan('2031-06-30', [statement(Q1, 'paid')]).lookback.map((p) => p.start)).toEqual([Q1]);
    expect(plan('2031-06-30', [statement(Q1, 'approved'), statement(Q2, 'draft')])).toMatchObject({ lookback: [{ start: Q1 }], existing: { id: `s-${Q2}` } });
    expect(planAgreement(agreement, '2031-06-30', [statement(Q2, 'approved')])).toEqual({ kind: 'locked' });
    // A run past the term's end targets the term's last period.
    expect(plan('2032-03-31', []).target).toEqual({ index: 4, start: '2031-10-01', end: '2031-12-31' });
    expect(planAgreement({ ...agreement, terms: { ...terms, pricing: null } as unknown as AgreementTerms }, '2031-06-30', [])).toEqual({ kind: 'error', code: 'REBATE_PROGRAMME_INVALID' });
  });

  it('a fresh period: one accrual per line, deal lines carrying the allocation, payable = earned', () => {
    const r = computeAgreement(plan('2031-03-31', []), facts({ basis: new Map([[periodKey('a1', Q1), [deal('d1', '80000.00', '2031-02-01'), deal('d2', '30000.00', '2031-03-01')]]]) }));
    expect(r.statement).toMatchObject({ periodStart: Q1, achievement: '110000', tierIndex: 1, earned: '4400.00', payable: '4400.00', adjustments: '0.00', final: true });
    expect(r.lines.map((l) => [l.kind, l.sourceId, l.rebate])).toEqual([
      ['deal', 'd1', '3200.00'],
      ['deal', 'd2', '1200.00'],
    ]);
    expect(r.entries.map((e) => [e.kind, e.sourceId, e.amount, e.periodStart])).toEqual([
      ['accrual', 'd1', '3200.00', Q1],
      ['accrual', 'd2', '1200.00', Q1],
    ]);
    expect(r.unchanged).toBe(false);
  });

  it('a late deal lifting a paid period to a higher tier is paid as the difference, on the current statement', () => {
    const paidQ1 = statement(Q1, 'paid');
    const f = facts({
      basis: new Map([[periodKey('a1', Q1), [deal('d1', '80000.00', '2031-02-01'), deal('d2', '30000.00', '2031-03-01'), deal('late', '15000.00', '2031-03-30')]]]),
      ledger: new Map([
        [
          periodKey('a1', Q1),
          [entry(Q1, 'accrual', '3200.00', 'd1'), entry(Q1, 'accrual', '1200.00', 'd2'), { ...entry(Q1, 'settlement', '4400.00', null) }, { ...entry(Q1, 'payment', '-4400.00', null) }],
        ],
      ]),
      paid: new Map([[periodKey('a1', Q1), new Set(['d1', 'd2'])]]),
      descriptions: new Map([['late', '迟到的单']]),
    });
    const r = computeAgreement(plan('2031-06-30', [paidQ1]), f);
    // Q1 now 125,000 → 6% = 7,500: 3,100 more than the 4,400 paid.
    const q1 = r.entries.filter((e) => e.periodStart === Q1);
    expect(q1.reduce((a, e) => a + Number(e.amount), 0)).toBeCloseTo(3100, 2);
    expect(q1.every((e) => e.kind === 'accrual')).toBe(true);
    expect(r.statement).toMatchObject({ periodStart: Q2, earned: '0.00', adjustments: '3100.00', payable: '3100.00' });
    expect(r.lines.filter((l) => l.sourcePeriodStart === Q1).every((l) => l.kind === 'adjustment')).toBe(true);
    expect(r.lines.find((l) => l.sourceId === 'late')).toMatchObject({ kind: 'adjustment', description: '迟到的单', rebate: '900.00' });
  });

  it('a deal reversed after payment: one clawback, booked once — the rerun carries the line and books nothing', () => {
    const paidQ1 = statement(Q1, 'paid');
    const basisQ1 = [deal('d1', '130000.00', '2031-02-01')];
    const ledgerQ1 = [entry(Q1, 'accrual', '7800.00', 'd1'), entry(Q1, 'accrual', '300.00', 'd2'), entry(Q1, 'settlement', '8100.00', null)];
    const first = computeAgreement(
      plan('2031-06-30', [paidQ1]),
      facts({ basis: new Map([[periodKey('a1', Q1), basisQ1]]), ledger: new Map([[periodKey('a1', Q1), ledgerQ1]]), paid: new Map([[periodKey('a1', Q1), new Set(['d1', 'd2'])]]) }),
    );
    expect(first.entries).toEqual([expect.objectContaining({ kind: 'clawback', sourceId: 'd2', amount: '-300.00', periodStart: Q1 })]);
    expect(first.lines).toEqual([expect.objectContaining({ kind: 'clawback', sourceId: 'd2', sourcePeriodStart: Q1, rebate: '-300.00' })]);
    expect(first.statement.payable).toBe('-300.00');

    // The next run: the clawback is in the ledger (booked onto the Q2 draft), so nothing new; the line stays.
    const booked = entry(Q1, 'clawback', '-300.00', 'd2', `s-${Q2}`);
    const draftQ2 = statement(Q2, 'draft', { payable: '-300.00', adjustments: '-300.00', line_count: 1, final: false, earned: '0.00', quota: '100000.00' });
    const again = computeAgreement(
      plan('2031-06-30', [paidQ1, draftQ2]),
      facts({
        asOf: '2031-05-02',
        basis: new Map([[periodKey('a1', Q1), basisQ1]]),
        ledger: new Map([[periodKey('a1', Q1), [...ledgerQ1, booked]]]),
        paid: new Map([[periodKey('a1', Q1), new Set(['d1', 'd2'])]]),
        cross: new Map([[`s-${Q2}`, [booked]]]),
      }),
    );
    expect(again.entries).toEqual([]);
    expect(again.lines.filter((l) => l.kind === 'clawback')).toHaveLength(1);
    expect(again.unchanged).toBe(true);
  });

  it('a reversal in an approved (not yet paid) period is a reversal entry, still shown as a clawback line', () => {
    const r = computeAgreement(
      plan('2031-06-30', [statement(Q1, 'approved')]),
      facts({ basis: new Map([[periodKey('a1', Q1), [deal('d1', '130000.00', '2031-02-01')]]]), ledger: new Map([[periodKey('a1', Q1), [entry(Q1, 'accrual', '7800.00', 'd1'), entry(Q1, 'accrual', '300.00', 'd2')]]]) }),
    );
    expect(r.entries).toEqual([expect.objectContaining({ kind: 'reversal', amount: '-300.00' })]);
    expect(r.lines).toEqual([expect.objectContaining({ kind: 'clawback', rebate: '-300.00' })]);
  });

  it('a dispute adjustment waiting for a statement becomes an adjustment line', () => {
    const r = computeAgreement(
      plan('2031-06-30', []),
      facts({ adjustments: new Map([['a1', [{ ...entry(Q1, 'adjustment', '150.00', 'dispute-1'), description: '客户甲' }]]]) }),
    );
    expect(r.lines).toEqual([expect.objectContaining({ kind: 'adjustment', sourceId: 'dispute-1', sourcePeriodStart: Q1, rebate: '150.00', description: '客户甲' })]);
    expect(r.statement).toMatchObject({ adjustments: '150.00', payable: '150.00' });
    expect(r.entries).toEqual([]);
  });
});

describe('a rebate run after the terms changed or the term closed', () => {
  const Q4 = '2031-10-01';

  it('a settled period that is no longer one of the evaluation periods (start date or period amended) is an error, nothing planned', () => {
    // Q1 was paid as 2031-01-01..03-31; the evaluation period is now a half-year: 2031-01-01..06-30.
    const amended = { ...agreement, terms: { ...terms, evaluationPeriod: 'half' } as unknown as AgreementTerms };
    const out = planAgreement(amended, '2031-06-30', [statement(Q1, 'paid', { period_end: '2031-03-31' })]);
    expect(out).toMatchObject({ kind: 'error', code: 'REBATE_TERMS_CHANGED_AFTER_SETTLEMENT', message: expect.stringMatching(/\S/) });
    // The start date moved: the settled period no longer starts a period.
    expect(planAgreement({ ...agreement, startDate: '2031-02-01' }, '2031-06-30', [statement(Q1, 'approved', { period_end: '2031-03-31' })])).toMatchObject({
      kind: 'error',
      code: 'REBATE_TERMS_CHANGED_AFTER_SETTLEMENT',
    });
    // Unchanged terms: the stored period coincides, a plan as before; a draft of another shape is simply rewritten.
    expect(plan('2031-06-30', [statement(Q1, 'paid', { period_end: '2031-03-31' })]).lookback.map((p) => [p.start, p.end])).toEqual([[Q1, '2031-03-31']]);
    expect(plan('2031-06-30', [statement(Q1, 'draft', { period_end: '2031-02-28' })]).lookback).toEqual([]);
  });

  it('a paid period is recomputed with the programme its statement stored, not a later pricing amendment', () => {
    const stored = plan('2031-06-30', [statement(Q1, 'paid', { period_end: '2031-03-31' })]).lookback[0].programme;
    // The rates were raised after Q1 was paid (2/4/6 % → 3/5/7 %).
    const raised = {
      ...terms,
      pricing: {
        ...(terms.pricing as object),
        rebate: {
          thresholdPercent: 80,
          mode: 'retroactive',
          tiers: [
            { attainmentPercent: 80, ratePercent: 3 },
            { attainmentPercent: 100, ratePercent: 5 },
            { attainmentPercent: 120, ratePercent: 7 },
          ],
        },
      },
    } as unknown as AgreementTerms;
    const out = planAgreement({ ...agreement, terms: raised }, '2031-06-30', [statement(Q1, 'paid', { period_end: '2031-03-31', programme: stored })]);
    if (out.kind !== 'plan') throw new Error(out.kind);
    expect(out.plan.lookback[0].programme).toEqual(stored);
    expect(out.plan.programme).not.toEqual(stored);
    const r = computeAgreement(
      out.plan,
      facts({
        basis: new Map([[periodKey('a1', Q1), [deal('d1', '80000.00', '2031-02-01'), deal('d2', '30000.00', '2031-03-01')]]]),
        ledger: new Map([[periodKey('a1', Q1), [entry(Q1, 'accrual', '3200.00', 'd1'), entry(Q1, 'accrual', '1200.00', 'd2'), entry(Q1, 'settlement', '4400.00', null)]]]),
        paid: new Map([[periodKey('a1', Q1), new Set(['d1', 'd2'])]]),
      }),
    );
    expect(r.entries).toEqual([]);
    expect(r.statement).toMatchObject({ periodStart: Q2, adjustments: '0.00', payable: '0.00' });
  });

  it('the term’s last period settled: locked when nothing changed, an error naming the agreement when a deal was reversed or an adjustment waits', () => {
    const settledQ4 = statement(Q4, 'paid', { period_end: '2031-12-31' });
    const out = planAgreement(agreement, '2032-03-31', [settledQ4]);
    if (out.kind !== 'plan') throw new Error(out.kind);
    expect(out.plan).toMatchObject({ closed: true, existing: null, target: { start: Q4 } });
    const ledgerQ4 = [entry(Q4, 'accrual', '7800.00', 'd1'), entry(Q4, 'accrual', '300.00', 'd2'), entry(Q4, 'settlement', '8100.00', null)];
    const basis = [deal('d1', '130000.00', '2031-11-01'), deal('d2', '5000.00', '2031-11-02')];
    const same = computeAgreement(out.plan, facts({ asOf: '2032-04-01', basis: new Map([[periodKey('a1', Q4), basis]]), ledger: new Map([[periodKey('a1', Q4), ledgerQ4]]) }));
    expect(closedTermOutcome(same, facts({}))).toEqual({ kind: 'locked' });
    // d2 reversed after payment.
    const f = facts({ asOf: '2032-04-01', basis: new Map([[periodKey('a1', Q4), [basis[0]]]]), ledger: new Map([[periodKey('a1', Q4), ledgerQ4]]) });
    expect(closedTermOutcome(computeAgreement(out.plan, f), f)).toEqual({ kind: 'error', code: 'REBATE_CLOSED_TERM_CHANGED', message: expect.stringMatching(/\S/) });
    // A dispute adjusted on the closed period, waiting for a statement that will never come.
    const g = facts({ asOf: '2032-04-01', basis: new Map([[periodKey('a1', Q4), basis]]), ledger: new Map([[periodKey('a1', Q4), ledgerQ4]]), adjustments: new Map([['a1', [{ ...entry(Q4, 'adjustment', '50.00', 'dispute-9'), description: 'x' }]]]) });
    expect(closedTermOutcome(computeAgreement(out.plan, g), g)).toMatchObject({ kind: 'error', code: 'REBATE_CLOSED_TERM_CHANGED' });
    // Not the last period: still simply locked.
    expect(planAgreement(agreement, '2031-06-30', [statement(Q2, 'approved', { period_end: '2031-06-30' })])).toEqual({ kind: 'locked' });
  });
});
