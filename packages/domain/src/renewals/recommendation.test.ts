import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../common/money.js';
import {
  FACT_STATES,
  RENEWAL_CHANGE_CODES,
  RENEWAL_FACTS,
  RENEWAL_OUTCOMES,
  RENEWAL_REASON_CODES,
  outcomeFromStates,
  recommendRenewal,
  type FactState,
  type RenewalFactKey,
  type RenewalOutcome,
} from './recommendation.js';
import { DEFAULT_RENEWAL_POLICY, RenewalFactsSchema, type RenewalFacts } from './renewal.schemas.js';

const policy = DEFAULT_RENEWAL_POLICY;

const integrity = (o: Partial<RenewalFacts['payments']['integrity']> = {}) => ({
  due: 10, onTime: 10, onTimeRatio: 1, worstDaysOverdue: 0, averageDaysOverdue: 0, openOverdue: 0, ...o,
});

/** One concrete input per fact and state, so the 3^5 table runs the real rule end to end. */
const FIXTURES: { [K in RenewalFactKey]: Record<FactState, (f: RenewalFacts) => RenewalFacts> } = {
  attainment: {
    ok: (f) => ({ ...f, attainment: { achievement: '8000000.00', quota: '10000000.00', thresholdPercent: 80 } }),
    at_risk: (f) => ({ ...f, attainment: { achievement: '7640000.00', quota: '10000000.00', thresholdPercent: 80 } }),
    failing: (f) => ({ ...f, attainment: { achievement: '5000000.00', quota: '10000000.00', thresholdPercent: 80 } }),
  },
  qualification: {
    ok: (f) => ({ ...f, qualification: { latestReview: 'pass', requirements: [{ requirement: 'presales:NET', required: 2, certified: 3, expiringBeforeRenewal: 1 }] } }),
    at_risk: (f) => ({ ...f, qualification: { latestReview: 'pass', requirements: [{ requirement: 'presales:NET', required: 2, certified: 2, expiringBeforeRenewal: 2 }] } }),
    failing: (f) => ({ ...f, qualification: { latestReview: 'fail', requirements: [{ requirement: 'presales:NET', required: 2, certified: 2, expiringBeforeRenewal: 0 }] } }),
  },
  payments: {
    ok: (f) => ({ ...f, payments: { integrity: integrity(), depositStatus: 'paid' } }),
    at_risk: (f) => ({ ...f, payments: { integrity: integrity({ onTime: 8, onTimeRatio: 0.8, worstDaysOverdue: 12, averageDaysOverdue: 9 }), depositStatus: 'paid' } }),
    failing: (f) => ({ ...f, payments: { integrity: integrity({ onTime: 9, onTimeRatio: 0.9, worstDaysOverdue: 120, averageDaysOverdue: 120, openOverdue: 1 }), depositStatus: 'paid' } }),
  },
  service: {
    ok: (f) => ({ ...f, incidents: [{ date: '2026-03-01', severity: 'minor' }] }),
    at_risk: (f) => ({ ...f, incidents: [{ date: '2026-03-01', severity: 'major' }] }),
    failing: (f) => ({ ...f, incidents: [{ date: '2026-05-09', severity: 'critical' }] }),
  },
  competition: {
    ok: (f) => ({ ...f, competition: { declaration: 'no_competing_products', finding: 'compliant' } }),
    at_risk: (f) => ({ ...f, competition: { declaration: 'no_competing_products', finding: 'concern' } }),
    failing: (f) => ({ ...f, competition: { declaration: 'sells_competing_products', finding: 'breach' } }),
  },
};

const BASE: RenewalFacts = RenewalFactsSchema.parse(
  RENEWAL_FACTS.reduce((f, k) => FIXTURES[k].ok(f), { renewalDate: '2026-12-31' } as RenewalFacts),
);

/**
 * The decision table, written independently of the code:
 *   any fact failing                    → terminate
 *   no failing, 2 or more facts at risk → terminate
 *   no failing, exactly 1 at risk       → renew_on_probation
 *   all ok                              → renew
 */
const DECISION_TABLE: { failing: 'none' | 'some'; atRisk: '0' | '1' | '2+' | 'any'; outcome: RenewalOutcome }[] = [
  { failing: 'some', atRisk: 'any', outcome: 'terminate' },
  { failing: 'none', atRisk: '2+', outcome: 'terminate' },
  { failing: 'none', atRisk: '1', outcome: 'renew_on_probation' },
  { failing: 'none', atRisk: '0', outcome: 'renew' },
];
function expected(states: FactState[]): RenewalOutcome {
  const failing = states.some((s) => s === 'failing') ? 'some' : 'none';
  const n = states.filter((s) => s === 'at_risk').length;
  const atRisk = n === 0 ? '0' : n === 1 ? '1' : '2+';
  const rows = DECISION_TABLE.filter((r) => r.failing === failing && (r.atRisk === 'any' || r.atRisk === atRisk));
  expect(rows).toHaveLength(1);
  return rows[0]!.outcome;
}

function allCombinations(): FactState[][] {
  let out: FactState[][] = [[]];
  for (let i = 0; i < RENEWAL_FACTS.length; i++) out = out.flatMap((c) => FACT_STATES.map((s) => [...c, s]));
  return out;
}

const rank = (o: RenewalOutcome) => RENEWAL_OUTCOMES.indexOf(o);

describe('recommendRenewal — every combination of fact states (3^5)', () => {
  const combos = allCombinations();
  it('generates all 243 combinations', () => {
    expect(combos).toHaveLength(243);
    expect(new Set(combos.map((c) => c.join())).size).toBe(243);
  });

  it.each(combos.map((c) => [c.join(' / '), c] as const))('%s', (_label, combo) => {
    const facts = RenewalFactsSchema.parse(RENEWAL_FACTS.reduce((f, k, i) => FIXTURES[k][combo[i]!](f), BASE));
    const r = recommendRenewal(facts, policy);
    const want = expected(combo);
    expect(r.outcome).toBe(want);
    expect(outcomeFromStates(r.states, policy)).toBe(want);
    RENEWAL_FACTS.forEach((k, i) => {
      expect(r.states[k]).toBe(combo[i]);
      const reasons = r.reasons.filter((x) => x.fact === k);
      expect(reasons.length).toBeGreaterThan(0);
      // the fact's worst reason is its state
      expect(reasons.some((x) => x.state === combo[i])).toBe(true);
      expect(reasons.every((x) => FACT_STATES.indexOf(x.state) <= FACT_STATES.indexOf(combo[i]!))).toBe(true);
      const changes = r.toChange.filter((x) => x.fact === k);
      expect(changes.length > 0).toBe(combo[i] !== 'ok');
      for (const c of changes) {
        const alone = [...combo];
        alone[i] = 'ok';
        expect(c.alone).toBe(expected(alone));
      }
    });
    expect(r.toChange.length === 0).toBe(want === 'renew');
    for (const x of r.reasons) expect(RENEWAL_REASON_CODES).toContain(x.code);
    for (const x of r.toChange) expect(RENEWAL_CHANGE_CODES).toContain(x.code);
  });
});

describe('recommendRenewal — worked examples', () => {
  it('attainment 76.40 % against 80 %: probation, short by 360,000.00, and reaching it alone renews', () => {
    const r = recommendRenewal(FIXTURES.attainment.at_risk(BASE), policy);
    expect(r.outcome).toBe('renew_on_probation');
    expect(r.reasons.find((x) => x.fact === 'attainment')).toEqual({
      fact: 'attainment', state: 'at_risk', code: 'attainment_below_threshold', attainmentPercent: '76.40', thresholdPercent: '80', shortBy: '360000.00',
    });
    expect(r.toChange).toEqual([
      { fact: 'attainment', code: 'reach_attainment_threshold', alone: 'renew', attainmentPercent: '76.40', thresholdPercent: '80', neededAchievement: '8000000.00', shortBy: '360000.00' },
    ]);
  });

  it('exact decimals: 4,817,019.99 of 6,305,000.00 at 76.4 % threshold is 76.40 % but still short by 0.01', () => {
    const facts = { ...BASE, attainment: { achievement: '4817019.99', quota: '6305000.00', thresholdPercent: 76.4 } };
    const r = recommendRenewal(facts, policy);
    expect(r.states.attainment).toBe('at_risk');
    expect(r.reasons[0]).toMatchObject({ code: 'attainment_below_threshold', attainmentPercent: '76.40', thresholdPercent: '76.4', shortBy: '0.01' });
    const met = recommendRenewal({ ...facts, attainment: { ...facts.attainment, achievement: '4817020.00' } }, policy);
    expect(met.outcome).toBe('renew');
  });

  it('the fail line is threshold × 0.75: 60.00 % of an 80 % threshold is at risk, 59.99 % fails', () => {
    const at = (a: string) => recommendRenewal({ ...BASE, attainment: { achievement: a, quota: '1000000.00', thresholdPercent: 80 } }, policy);
    expect(at('600000.00').states.attainment).toBe('at_risk');
    expect(at('599900.00').states.attainment).toBe('failing');
    expect(at('599900.00').reasons[0]).toMatchObject({ code: 'attainment_far_below_threshold', attainmentPercent: '59.99', shortBy: '200100.00' });
  });

  it('below threshold with late payments: terminate, and each fix alone only lifts it to probation', () => {
    const facts = FIXTURES.payments.at_risk(FIXTURES.attainment.at_risk(BASE));
    const r = recommendRenewal(facts, policy);
    expect(r.outcome).toBe('terminate');
    expect(r.reasons.filter((x) => x.state !== 'ok').map((x) => x.code)).toEqual(['attainment_below_threshold', 'payments_on_time_ratio_low']);
    expect(r.toChange.map((c) => [c.code, c.alone])).toEqual([
      ['reach_attainment_threshold', 'renew_on_probation'],
      ['raise_on_time_ratio', 'renew_on_probation'],
    ]);
    expect(r.toChange[1]).toMatchObject({ onTimeRatio: '0.8000', minimum: '0.9000', due: 10, onTime: 8 });
  });

  it('out of qualification compliance (华信智联): probation, certify 1 more presales engineer to renew', () => {
    const facts = { ...BASE, qualification: { latestReview: 'pass' as const, requirements: [
      { requirement: 'presales:NET', required: 3, certified: 2, expiringBeforeRenewal: 0 },
      { requirement: 'sales:NET', required: 2, certified: 4, expiringBeforeRenewal: 1 },
    ] } };
    const r = recommendRenewal(facts, policy);
    expect(r.outcome).toBe('renew_on_probation');
    expect(r.toChange).toEqual([{ fact: 'qualification', code: 'certify_staff', alone: 'renew', requirement: 'presales:NET', required: 3, certified: 2, missing: 1 }]);
  });

  it('2 presales certificates expire before the renewal date: at risk, with the date', () => {
    const r = recommendRenewal(FIXTURES.qualification.at_risk(BASE), policy);
    expect(r.reasons.find((x) => x.fact === 'qualification')).toMatchObject({
      code: 'qualification_certificates_expiring', requirement: 'presales:NET', expiring: 2, renewalDate: '2026-12-31',
    });
    expect(r.toChange[0]).toMatchObject({ code: 'renew_expiring_certificates', missing: 2 });
  });

  it('a competition breach or a critical incident terminates on its own', () => {
    expect(recommendRenewal(FIXTURES.competition.failing(BASE), policy).outcome).toBe('terminate');
    const r = recommendRenewal(FIXTURES.service.failing(BASE), policy);
    expect(r.outcome).toBe('terminate');
    expect(r.toChange).toEqual([{ fact: 'service', code: 'no_critical_incident', alone: 'renew', minor: 0, major: 0, critical: 1 }]);
  });

  it('service: 2 minor incidents hold, 3 are at risk; 2 majors fail', () => {
    const inc = (...s: ('minor' | 'major')[]) => recommendRenewal({ ...BASE, incidents: s.map((severity) => ({ date: '2026-04-01', severity })) }, policy);
    expect(inc('minor', 'minor').states.service).toBe('ok');
    expect(inc('minor', 'minor', 'minor').states.service).toBe('at_risk');
    expect(inc('major', 'major').states.service).toBe('failing');
  });

  it('payments: nothing due holds; unpaid deposit is at risk; boundaries are inclusive', () => {
    const pay = (o: Partial<RenewalFacts['payments']['integrity']>, depositStatus: RenewalFacts['payments']['depositStatus'] = null) =>
      recommendRenewal({ ...BASE, payments: { integrity: integrity(o), depositStatus } }, policy).states.payments;
    expect(pay({ due: 0, onTime: 0, onTimeRatio: null })).toBe('ok');
    expect(pay({}, 'due')).toBe('at_risk');
    expect(pay({ onTimeRatio: 0.9, worstDaysOverdue: 30 })).toBe('ok');
    expect(pay({ onTimeRatio: 0.7, worstDaysOverdue: 90 })).toBe('at_risk');
    expect(pay({ onTimeRatio: 0.6999 })).toBe('failing');
    expect(pay({ worstDaysOverdue: 91 })).toBe('failing');
  });

  it('competition: no declaration or no finding yet is at risk', () => {
    const comp = (declaration: RenewalFacts['competition']['declaration'], finding: RenewalFacts['competition']['finding']) =>
      recommendRenewal({ ...BASE, competition: { declaration, finding } }, policy).states.competition;
    expect(comp('not_submitted', 'compliant')).toBe('at_risk');
    expect(comp('no_competing_products', null)).toBe('at_risk');
    expect(comp('sells_competing_products', 'compliant')).toBe('ok');
  });

  it('no quota set: attainment holds', () => {
    expect(recommendRenewal({ ...BASE, attainment: { achievement: '0', quota: '0', thresholdPercent: 80 } }, policy).states.attainment).toBe('ok');
  });
});

// ── properties ────────────────────────────────────────────────────────────────────────────────────────
const cents = fc.bigInt({ min: 0n, max: 2_000_000_000n }).map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);
const factsArb: fc.Arbitrary<RenewalFacts> = fc.record({
  renewalDate: fc.constant('2026-12-31'),
  attainment: fc.record({ achievement: cents, quota: cents, thresholdPercent: fc.integer({ min: 50, max: 120 }) }),
  qualification: fc.record({
    latestReview: fc.constantFrom('pass' as const, 'fail' as const, null),
    requirements: fc.array(
      fc.record({ requirement: fc.constantFrom('presales:NET', 'sales:NET', 'service:SEC'), required: fc.integer({ min: 0, max: 4 }), certified: fc.integer({ min: 0, max: 5 }), expiringBeforeRenewal: fc.integer({ min: 0, max: 5 }) })
        .map((r) => ({ ...r, expiringBeforeRenewal: Math.min(r.expiringBeforeRenewal, r.certified) })),
      { maxLength: 3 },
    ),
  }),
  payments: fc.record({
    integrity: fc.record({ due: fc.constant(10), onTime: fc.constant(0), onTimeRatio: fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000), { nil: null }), worstDaysOverdue: fc.integer({ min: 0, max: 200 }), averageDaysOverdue: fc.constant(0), openOverdue: fc.integer({ min: 0, max: 3 }) }),
    depositStatus: fc.constantFrom('due' as const, 'paid' as const, 'offset' as const, null),
  }),
  incidents: fc.array(fc.record({ date: fc.constant('2026-06-01'), severity: fc.constantFrom('minor' as const, 'major' as const, 'critical' as const) }), { maxLength: 5 }),
  competition: fc.record({
    declaration: fc.constantFrom('not_submitted' as const, 'no_competing_products' as const, 'sells_competing_products' as const),
    finding: fc.constantFrom('compliant' as const, 'concern' as const, 'breach' as const, null),
  }),
});

/** Each improves one fact and nothing else. */
const improvements: ((f: RenewalFacts, n: number) => RenewalFacts)[] = [
  (f, n) => ({ ...f, attainment: { ...f.attainment, achievement: new Dec(f.attainment.achievement).plus(n).toFixed(2) } }),
  (f) => ({ ...f, qualification: { ...f.qualification, latestReview: 'pass' } }),
  (f, n) => ({ ...f, qualification: { ...f.qualification, requirements: f.qualification.requirements.map((r) => ({ ...r, certified: r.certified + (n % 3) })) } }),
  (f) => ({ ...f, qualification: { ...f.qualification, requirements: f.qualification.requirements.map((r) => ({ ...r, expiringBeforeRenewal: 0 })) } }),
  (f, n) => ({ ...f, payments: { ...f.payments, integrity: { ...f.payments.integrity, onTimeRatio: f.payments.integrity.onTimeRatio === null ? null : Math.min(1, f.payments.integrity.onTimeRatio + (n % 50) / 100) } } }),
  (f, n) => ({ ...f, payments: { ...f.payments, integrity: { ...f.payments.integrity, worstDaysOverdue: Math.max(0, f.payments.integrity.worstDaysOverdue - n) } } }),
  (f) => ({ ...f, payments: { ...f.payments, depositStatus: 'paid' } }),
  (f, n) => ({ ...f, incidents: f.incidents.filter((_, i) => i !== n % Math.max(1, f.incidents.length)) }),
  (f) => ({ ...f, incidents: f.incidents.map((i) => ({ ...i, severity: i.severity === 'critical' ? 'major' : i.severity === 'major' ? 'minor' : 'minor' })) }),
  (f) => ({ ...f, competition: { ...f.competition, finding: f.competition.finding === 'breach' ? 'concern' : 'compliant' } }),
  (f) => ({ ...f, competition: { ...f.competition, declaration: f.competition.declaration === 'not_submitted' ? 'no_competing_products' : f.competition.declaration } }),
];

describe('recommendRenewal — properties', () => {
  it('improving any one fact never worsens the outcome', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 0, max: improvements.length - 1 }), fc.integer({ min: 0, max: 10_000_000 }), (facts, which, n) => {
        const before = recommendRenewal(facts, policy);
        const after = recommendRenewal(improvements[which]!(facts, n), policy);
        expect(rank(after.outcome)).toBeGreaterThanOrEqual(rank(before.outcome));
      }),
      { numRuns: 500 },
    );
  });

  it('improving one fact state never worsens the outcome (decision table)', () => {
    const states = fc.tuple(...RENEWAL_FACTS.map(() => fc.constantFrom(...FACT_STATES)));
    fc.assert(
      fc.property(states, fc.integer({ min: 0, max: 4 }), (s, i) => {
        const as = (arr: FactState[]) => Object.fromEntries(RENEWAL_FACTS.map((k, j) => [k, arr[j]])) as Record<RenewalFactKey, FactState>;
        const better = [...s];
        better[i] = FACT_STATES[Math.max(0, FACT_STATES.indexOf(s[i]!) - 1)]!;
        expect(rank(outcomeFromStates(as(better), policy))).toBeGreaterThanOrEqual(rank(outcomeFromStates(as(s), policy)));
      }),
    );
  });

  it('toChange is empty exactly when the outcome is renew, and every change alone never worsens it', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const r = recommendRenewal(facts, policy);
        expect(r.toChange.length === 0).toBe(r.outcome === 'renew');
        for (const c of r.toChange) expect(rank(c.alone)).toBeGreaterThanOrEqual(rank(r.outcome));
      }),
      { numRuns: 500 },
    );
  });
});
