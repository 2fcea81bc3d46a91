import { Dec } from '../common/money.js';
import type { RenewalFacts, RenewalPolicy } from './renewal.schemas.js';

/**
 * The renewal recommendation (docs/domain.md §8 "Renewal recommendation — the rule"). Advice only: the channel
 * manager decides. Each fact is reduced to ok / at_risk / failing; any failing fact → terminate; otherwise
 * `atRiskFactsToTerminate` (2) facts at risk → terminate; one at risk → renew on probation; all ok → renew.
 */

export const RENEWAL_FACTS = ['attainment', 'qualification', 'payments', 'service', 'competition'] as const;
export type RenewalFactKey = (typeof RENEWAL_FACTS)[number];

export const FACT_STATES = ['ok', 'at_risk', 'failing'] as const;
export type FactState = (typeof FACT_STATES)[number];

export const RENEWAL_OUTCOMES = ['terminate', 'renew_on_probation', 'renew'] as const;
export type RenewalOutcome = (typeof RENEWAL_OUTCOMES)[number];

/** Stable reason codes (the apps word them). */
export const RENEWAL_REASON_CODES = [
  'attainment_met',
  'attainment_below_threshold',
  'attainment_far_below_threshold',
  'qualification_compliant',
  'qualification_short',
  'qualification_certificates_expiring',
  'qualification_review_missing',
  'qualification_review_failed',
  'payments_in_order',
  'payments_on_time_ratio_low',
  'payments_on_time_ratio_very_low',
  'payments_overdue',
  'payments_overdue_long',
  'deposit_unpaid',
  'service_clean',
  'service_minor_incidents',
  'service_major_incident',
  'service_major_incidents',
  'service_critical_incident',
  'competition_compliant',
  'competition_declaration_missing',
  'competition_not_assessed',
  'competition_concern',
  'competition_breach',
] as const;
export type RenewalReasonCode = (typeof RENEWAL_REASON_CODES)[number];

/** Stable "what would change it" codes. */
export const RENEWAL_CHANGE_CODES = [
  'reach_attainment_threshold',
  'certify_staff',
  'renew_expiring_certificates',
  'pass_qualification_review',
  'raise_on_time_ratio',
  'reduce_days_overdue',
  'pay_deposit',
  'fewer_minor_incidents',
  'no_major_incident',
  'no_critical_incident',
  'submit_competition_declaration',
  'competition_finding_compliant',
] as const;
export type RenewalChangeCode = (typeof RENEWAL_CHANGE_CODES)[number];

/** The numbers behind a reason or a change: exact decimals as strings, counts as numbers. */
export type RenewalDetails = { [detail: string]: string | number | null };

type ReasonDraft = { state: FactState; code: RenewalReasonCode } & RenewalDetails;
type ChangeDraft = { code: RenewalChangeCode } & RenewalDetails;

export type RenewalReason = { fact: RenewalFactKey; state: FactState; code: RenewalReasonCode } & RenewalDetails;

/** `alone`: the outcome this change alone would give, all else as is. */
export type RenewalChange = { fact: RenewalFactKey; code: RenewalChangeCode; alone: RenewalOutcome } & RenewalDetails;

export interface RenewalRecommendation {
  outcome: RenewalOutcome;
  states: Record<RenewalFactKey, FactState>;
  reasons: RenewalReason[];
  toChange: RenewalChange[];
}

interface FactAssessment {
  state: FactState;
  reasons: ReasonDraft[];
  changes: ChangeDraft[];
}

const worst = (states: FactState[]): FactState =>
  states.includes('failing') ? 'failing' : states.includes('at_risk') ? 'at_risk' : 'ok';

const ratio = (r: number) => new Dec(r).toFixed(4);

function attainment(facts: RenewalFacts, policy: RenewalPolicy): FactAssessment {
  const { achievement, quota, thresholdPercent } = facts.attainment;
  const q = new Dec(quota);
  const threshold = new Dec(thresholdPercent);
  if (q.isZero()) {
    return { state: 'ok', reasons: [{ state: 'ok', code: 'attainment_met', attainmentPercent: null, thresholdPercent: threshold.toFixed() }], changes: [] };
  }
  const percent = new Dec(achievement).div(q).times(100);
  const numbers = { attainmentPercent: percent.toFixed(2), thresholdPercent: threshold.toFixed() };
  if (percent.gte(threshold)) return { state: 'ok', reasons: [{ state: 'ok', code: 'attainment_met', ...numbers }], changes: [] };
  const needed = q.times(threshold).div(100);
  const shortBy = needed.minus(achievement).toFixed(2);
  const failing = percent.lt(threshold.times(policy.attainmentFailFraction));
  const state: FactState = failing ? 'failing' : 'at_risk';
  return {
    state,
    reasons: [{ state, code: failing ? 'attainment_far_below_threshold' : 'attainment_below_threshold', ...numbers, shortBy }],
    changes: [{ code: 'reach_attainment_threshold', ...numbers, neededAchievement: needed.toFixed(2), shortBy }],
  };
}

function qualification(facts: RenewalFacts): FactAssessment {
  const out: FactAssessment = { state: 'ok', reasons: [], changes: [] };
  const add = (state: FactState, reason: { code: RenewalReasonCode } & RenewalDetails, change: ChangeDraft) => {
    out.reasons.push({ ...reason, state } as ReasonDraft);
    out.changes.push(change);
  };
  for (const r of facts.qualification.requirements) {
    if (r.certified < r.required) {
      const missing = r.required - r.certified;
      add('at_risk', { code: 'qualification_short', requirement: r.requirement, required: r.required, certified: r.certified, missing }, {
        code: 'certify_staff', requirement: r.requirement, required: r.required, certified: r.certified, missing,
      });
    } else if (r.certified - r.expiringBeforeRenewal < r.required) {
      const missing = r.required - (r.certified - r.expiringBeforeRenewal);
      add('at_risk', { code: 'qualification_certificates_expiring', requirement: r.requirement, required: r.required, certified: r.certified, expiring: r.expiringBeforeRenewal, renewalDate: facts.renewalDate }, {
        code: 'renew_expiring_certificates', requirement: r.requirement, expiring: r.expiringBeforeRenewal, missing, renewalDate: facts.renewalDate,
      });
    }
  }
  if (facts.qualification.latestReview === 'fail') {
    add('failing', { code: 'qualification_review_failed' }, { code: 'pass_qualification_review' });
  } else if (facts.qualification.latestReview === null) {
    add('at_risk', { code: 'qualification_review_missing' }, { code: 'pass_qualification_review' });
  }
  out.state = worst(out.reasons.map((r) => r.state));
  if (out.state === 'ok') out.reasons.push({ state: 'ok', code: 'qualification_compliant', requirements: facts.qualification.requirements.length });
  return out;
}

/**
 * An on-time payment ratio against the policy: ok from onTimeRatioMin (0.9), at risk from onTimeRatioFailBelow (0.7),
 * failing below it; null when nothing was due. The renewal review and the partner's payments page read it alike.
 */
export function onTimeState(ratio: number | null, policy: Pick<RenewalPolicy, 'onTimeRatioMin' | 'onTimeRatioFailBelow'>): FactState | null {
  if (ratio === null) return null;
  if (ratio >= policy.onTimeRatioMin) return 'ok';
  return ratio < policy.onTimeRatioFailBelow ? 'failing' : 'at_risk';
}

function payments(facts: RenewalFacts, policy: RenewalPolicy): FactAssessment {
  const out: FactAssessment = { state: 'ok', reasons: [], changes: [] };
  const { integrity, depositStatus } = facts.payments;
  const r = integrity.onTimeRatio;
  const onTime = onTimeState(r, policy);
  if (r !== null && onTime !== 'ok') {
    const failing = onTime === 'failing';
    const numbers = { onTimeRatio: ratio(r), minimum: ratio(policy.onTimeRatioMin), due: integrity.due, onTime: integrity.onTime };
    out.reasons.push({ state: failing ? 'failing' : 'at_risk', code: failing ? 'payments_on_time_ratio_very_low' : 'payments_on_time_ratio_low', ...numbers });
    out.changes.push({ code: 'raise_on_time_ratio', ...numbers });
  }
  const w = integrity.worstDaysOverdue;
  if (w > policy.worstDaysOverdueMax) {
    const failing = w > policy.worstDaysOverdueFailAbove;
    const numbers = { worstDaysOverdue: w, maximum: policy.worstDaysOverdueMax, openOverdue: integrity.openOverdue };
    out.reasons.push({ state: failing ? 'failing' : 'at_risk', code: failing ? 'payments_overdue_long' : 'payments_overdue', ...numbers });
    out.changes.push({ code: 'reduce_days_overdue', ...numbers });
  }
  if (depositStatus === 'due') {
    out.reasons.push({ state: 'at_risk', code: 'deposit_unpaid' });
    out.changes.push({ code: 'pay_deposit' });
  }
  out.state = worst(out.reasons.map((x) => x.state));
  if (out.state === 'ok') out.reasons.push({ state: 'ok', code: 'payments_in_order', onTimeRatio: r === null ? null : ratio(r), worstDaysOverdue: w });
  return out;
}

function service(facts: RenewalFacts, policy: RenewalPolicy): FactAssessment {
  const count = (s: string) => facts.incidents.filter((i) => i.severity === s).length;
  const minor = count('minor');
  const major = count('major');
  const critical = count('critical');
  const numbers = { minor, major, critical };
  if (critical > 0) {
    return { state: 'failing', reasons: [{ state: 'failing', code: 'service_critical_incident', ...numbers }], changes: [{ code: 'no_critical_incident', ...numbers }] };
  }
  if (major >= policy.majorIncidentsFailing) {
    return { state: 'failing', reasons: [{ state: 'failing', code: 'service_major_incidents', ...numbers, maximum: policy.majorIncidentsFailing - 1 }], changes: [{ code: 'no_major_incident', ...numbers }] };
  }
  const out: FactAssessment = { state: 'ok', reasons: [], changes: [] };
  if (major > 0) {
    out.reasons.push({ state: 'at_risk', code: 'service_major_incident', ...numbers });
    out.changes.push({ code: 'no_major_incident', ...numbers });
  }
  if (minor >= policy.minorIncidentsAtRisk) {
    out.reasons.push({ state: 'at_risk', code: 'service_minor_incidents', ...numbers, maximum: policy.minorIncidentsAtRisk - 1 });
    out.changes.push({ code: 'fewer_minor_incidents', ...numbers, maximum: policy.minorIncidentsAtRisk - 1 });
  }
  out.state = worst(out.reasons.map((x) => x.state));
  if (out.state === 'ok') out.reasons.push({ state: 'ok', code: 'service_clean', ...numbers });
  return out;
}

function competition(facts: RenewalFacts): FactAssessment {
  const { declaration, finding } = facts.competition;
  if (finding === 'breach') {
    return { state: 'failing', reasons: [{ state: 'failing', code: 'competition_breach', declaration }], changes: [{ code: 'competition_finding_compliant', finding }] };
  }
  const out: FactAssessment = { state: 'ok', reasons: [], changes: [] };
  if (declaration === 'not_submitted') {
    out.reasons.push({ state: 'at_risk', code: 'competition_declaration_missing' });
    out.changes.push({ code: 'submit_competition_declaration' });
  }
  if (finding === 'concern' || finding === null) {
    out.reasons.push({ state: 'at_risk', code: finding === null ? 'competition_not_assessed' : 'competition_concern', declaration });
    out.changes.push({ code: 'competition_finding_compliant', finding });
  }
  out.state = worst(out.reasons.map((x) => x.state));
  if (out.state === 'ok') out.reasons.push({ state: 'ok', code: 'competition_compliant', declaration });
  return out;
}

/** The outcome from the five fact states alone (the decision table). */
export function outcomeFromStates(states: Record<RenewalFactKey, FactState>, policy: Pick<RenewalPolicy, 'atRiskFactsToTerminate'>): RenewalOutcome {
  const all = RENEWAL_FACTS.map((f) => states[f]);
  if (all.includes('failing')) return 'terminate';
  const atRisk = all.filter((s) => s === 'at_risk').length;
  if (atRisk >= policy.atRiskFactsToTerminate) return 'terminate';
  return atRisk > 0 ? 'renew_on_probation' : 'renew';
}

/** Advice for a renewal review: the outcome, every fact's reasons with its numbers, and what would move the outcome up. */
export function recommendRenewal(facts: RenewalFacts, policy: RenewalPolicy): RenewalRecommendation {
  const assessed: Record<RenewalFactKey, FactAssessment> = {
    attainment: attainment(facts, policy),
    qualification: qualification(facts),
    payments: payments(facts, policy),
    service: service(facts, policy),
    competition: competition(facts),
  };
  const states = Object.fromEntries(RENEWAL_FACTS.map((f) => [f, assessed[f].state])) as Record<RenewalFactKey, FactState>;
  const outcome = outcomeFromStates(states, policy);
  const reasons: RenewalReason[] = [];
  const toChange: RenewalChange[] = [];
  for (const fact of RENEWAL_FACTS) {
    const a = assessed[fact];
    for (const r of a.reasons) reasons.push({ ...r, fact } as RenewalReason);
    if (a.state === 'ok') continue;
    const alone = outcomeFromStates({ ...states, [fact]: 'ok' }, policy);
    for (const c of a.changes) toChange.push({ ...c, fact, alone } as RenewalChange);
  }
  return { outcome, states, reasons, toChange };
}
