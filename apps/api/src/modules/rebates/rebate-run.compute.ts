import {
  agreementNumber,
  agreementPeriods,
  type AgreementTerms,
  balance,
  type BasisLine,
  computeRebate,
  Dec,
  type EvaluationPeriod,
  explanationOf,
  type LedgerEntry,
  lineAchievement,
  periodKey,
  periodOf,
  programmeOfTerms,
  quotaFor,
  type RebateProgramme,
  type RebateResult,
  statementEntries,
} from '@partnerline/domain';
import type { NewLedgerEntry } from './rebate-ledger.repository';
import type { ExistingStatement, LedgerLineEntry, LineWrite, StatementWrite } from './rebate-statements.repository';

/** An agreement a run covers, as the agreements module gives it. */
export interface Candidate {
  id: string;
  partnerId: string;
  partnerName: string;
  type: 'exclusive' | 'registration' | 'distribution';
  startDate: string;
  endDate: string;
  terms: AgreementTerms;
}

/** One line of a period's basis: a won deal (deal-registrations) or a sell-out line (sell-out), share 1 unless split. */
export interface BasisRow {
  id: string;
  kind: 'deal' | 'sell_out';
  amount: string;
  share: string;
  /** The incentive coefficient (激励系数) of the line: coefficientFor the agreement's rules, '1' without rules. */
  coefficient: string;
  description: string;
  occurredOn: string;
}

/** What a run does with one agreement, before any of it is read from the database. */
export interface AgreementPlan {
  agreement: Candidate;
  programme: RebateProgramme;
  target: EvaluationPeriod;
  /**
   * Earlier periods whose statement is approved or paid: changes to them become lines of the target's statement. Each
   * is recomputed with the programme its statement stored (a later pricing amendment does not re-rate it).
   */
  lookback: LookbackPeriod[];
  existing: ExistingStatement | null;
  /** The target is the term's last period and already settled: computed only to see whether anything changed. */
  closed?: boolean;
}

export type LookbackPeriod = EvaluationPeriod & { programme: RebateProgramme };

export type PlanOutcome = { kind: 'plan'; plan: AgreementPlan } | { kind: 'locked' } | { kind: 'error'; code: string; message?: string };

const LINE_KINDS = new Set(['accrual', 'reversal', 'clawback']);
const eq = (a: string | null, b: string | null) => (a === null || b === null ? a === b : new Dec(a).eq(b));
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Which evaluation period of the agreement the run targets, and which earlier settled periods it looks back at. */
export function planAgreement(a: Candidate, runEnd: string, statements: readonly ExistingStatement[]): PlanOutcome {
  const programme = programmeOfTerms(a.terms);
  if (!programme) return { kind: 'error', code: 'REBATE_PROGRAMME_INVALID' };
  const periods = agreementPeriods(a);
  const target = periodOf(periods, minDate(runEnd, a.endDate));
  if (!target) return { kind: 'error', code: 'REBATE_PERIOD_OUTSIDE_TERM' };
  // A settled statement whose period is not one of the current evaluation periods (start date or evaluation period
  // amended after settlement): recomputing would pay its deals again under another period — reported, nothing booked.
  const moved = statements.find((s) => s.status !== 'draft' && !periods.some((p) => p.start === s.period_start && (s.period_end === undefined || p.end === s.period_end)));
  if (moved) return { kind: 'error', code: 'REBATE_TERMS_CHANGED_AFTER_SETTLEMENT', message: numberOf(a) };
  const byStart = new Map(statements.map((s) => [s.period_start, s]));
  const settled = (p: EvaluationPeriod) => ['approved', 'paid'].includes(byStart.get(p.start)?.status ?? '');
  const lookback = periods.filter((p) => p.start < target.start && settled(p)).map((p) => ({ ...p, programme: byStart.get(p.start)?.programme ?? programme }));
  const existing = byStart.get(target.start) ?? null;
  if (existing && existing.status !== 'draft') {
    // The term's last period is settled: nowhere left to book a change, so the run checks whether there is one.
    if (target.start === periods[periods.length - 1].start) return { kind: 'plan', plan: { agreement: a, programme, target, lookback, existing: null, closed: true } };
    return { kind: 'locked' };
  }
  return { kind: 'plan', plan: { agreement: a, programme, target, lookback, existing } };
}

const numberOf = (a: Candidate) => agreementNumber(a.type, a.startDate, a.id);

/**
 * A closed term (its last period settled): locked when the engine agrees with the ledger and no dispute adjustment
 * waits, else an error naming the agreement so a manager sees it (nothing is booked for it).
 */
export function closedTermOutcome(r: AgreementResult, facts: BatchFacts): { kind: 'locked' } | { kind: 'error'; code: string; message: string } {
  if (!r.entries.length && !(facts.adjustments.get(r.plan.agreement.id)?.length ?? 0)) return { kind: 'locked' };
  return { kind: 'error', code: 'REBATE_CLOSED_TERM_CHANGED', message: numberOf(r.plan.agreement) };
}

/** Everything the batch read for its agreements, grouped by periodKey(agreementId, periodStart). */
export interface BatchFacts {
  asOf: string;
  runId: string;
  startedBy: string;
  basis: Map<string, BasisRow[]>;
  quotas: Map<string, string>;
  ledger: Map<string, LedgerLineEntry[]>;
  paid: Map<string, Set<string>>;
  /** Line entries about earlier periods already booked onto a draft statement, by statement id. */
  cross: Map<string, LedgerLineEntry[]>;
  adjustments: Map<string, (LedgerLineEntry & { description: string })[]>;
  descriptions: Map<string, string>;
}

/** The statement, its lines (statement id to be filled in) and the ledger entries one agreement's plan produces. */
export interface AgreementResult {
  plan: AgreementPlan;
  statement: StatementWrite;
  lines: Omit<LineWrite, 'statementId'>[];
  entries: Omit<NewLedgerEntry, 'statementId'>[];
  unchanged: boolean;
}

function basisLinesOf(rows: readonly BasisRow[]): BasisLine[] {
  return rows.map((r) => ({ id: r.id, amount: r.amount, share: r.share, coefficient: r.coefficient }));
}

function lineEntries(entries: readonly LedgerLineEntry[]): LedgerEntry[] {
  return entries.filter((e) => LINE_KINDS.has(e.kind)).map((e) => ({ kind: e.kind, amount: e.amount, lineId: e.source_id, bookedOn: e.booked_on }));
}

/** The engine for one period of the plan: its result and the ledger entries that make the ledger match it. */
function periodResult(plan: AgreementPlan, p: EvaluationPeriod | LookbackPeriod, facts: BatchFacts): { result: RebateResult; entries: LedgerEntry[]; basis: BasisRow[] } {
  const key = periodKey(plan.agreement.id, p.start);
  const basis = facts.basis.get(key) ?? [];
  const ledger = facts.ledger.get(key) ?? [];
  const result = computeRebate({
    programme: 'programme' in p ? p.programme : plan.programme,
    quota: quotaFor(plan.agreement.terms, facts.quotas.get(key)).amount,
    lines: basisLinesOf(basis),
    alreadySettled: balance(ledger.filter((e) => e.kind === 'settlement')),
  });
  const entries = statementEntries(lineEntries(ledger), result.allocation, facts.paid.get(key) ?? new Set(), facts.asOf);
  return { result, entries, basis };
}

/**
 * One agreement of a run: the target period's statement (deal lines from the engine's allocation), the changes to
 * earlier settled periods (booked onto this statement as clawback/adjustment lines, exactly once because the ledger
 * then holds the target), pending dispute adjustments, and whether anything changed since the draft was written.
 */
export function computeAgreement(plan: AgreementPlan, facts: BatchFacts): AgreementResult {
  const a = plan.agreement;
  const entries: Omit<NewLedgerEntry, 'statementId'>[] = [];
  const book = (p: EvaluationPeriod, es: readonly LedgerEntry[]) =>
    es.forEach((e) =>
      entries.push({ partnerId: a.partnerId, agreementId: a.id, periodStart: p.start, kind: e.kind, amount: e.amount, sourceId: e.lineId ?? null, runId: facts.runId, bookedOn: facts.asOf, createdBy: facts.startedBy }),
    );
  for (const p of plan.lookback) book(p, periodResult(plan, p, facts).entries);
  const lookbackEntries = [...entries];
  const own = periodResult(plan, plan.target, facts);
  book(plan.target, own.entries);

  // Earlier periods' changes carried by this statement: those booked by earlier runs onto this draft plus the new ones.
  const carried = new Map<string, { periodStart: string; sourceId: string | null; amount: InstanceType<typeof Dec> }>();
  const previous = plan.existing ? (facts.cross.get(plan.existing.id) ?? []) : [];
  for (const e of [...previous.map((x) => ({ periodStart: x.period_start, sourceId: x.source_id, amount: x.amount })), ...lookbackEntries.map((x) => ({ periodStart: x.periodStart!, sourceId: x.sourceId ?? null, amount: x.amount }))]) {
    const k = `${e.periodStart}|${e.sourceId}`;
    const c = carried.get(k) ?? { periodStart: e.periodStart, sourceId: e.sourceId, amount: new Dec(0) };
    c.amount = c.amount.plus(e.amount);
    carried.set(k, c);
  }

  const lines: Omit<LineWrite, 'statementId'>[] = [];
  const allocation = new Map(own.result.allocation.map((x) => [x.lineId, x.amount]));
  for (const b of own.basis) {
    const whole = b.share === '1' && b.coefficient === '1';
    lines.push({
      lineNo: lines.length + 1,
      kind: b.kind,
      sourceId: b.id,
      sourcePeriodStart: null,
      description: b.description,
      occurredOn: b.occurredOn,
      amount: b.amount,
      share: b.share,
      coefficient: b.coefficient,
      achievement: whole ? b.amount : lineAchievement(b).toFixed(),
      rebate: allocation.get(b.id) ?? '0.00',
    });
  }
  let adjustments = new Dec(0);
  for (const c of [...carried.values()].sort((x, y) => x.periodStart.localeCompare(y.periodStart) || String(x.sourceId).localeCompare(String(y.sourceId)))) {
    if (c.amount.isZero()) continue;
    adjustments = adjustments.plus(c.amount);
    lines.push({
      lineNo: lines.length + 1,
      kind: c.amount.lt(0) ? 'clawback' : 'adjustment',
      sourceId: c.sourceId,
      sourcePeriodStart: c.periodStart,
      description: (c.sourceId && facts.descriptions.get(c.sourceId)) || '',
      occurredOn: null,
      amount: null,
      share: null,
      coefficient: null,
      achievement: null,
      rebate: c.amount.toFixed(2),
    });
  }
  for (const adj of facts.adjustments.get(a.id) ?? []) {
    adjustments = adjustments.plus(adj.amount);
    lines.push({
      lineNo: lines.length + 1,
      kind: 'adjustment',
      sourceId: adj.source_id,
      sourcePeriodStart: adj.period_start,
      description: adj.description,
      occurredOn: adj.booked_on,
      amount: null,
      share: null,
      coefficient: null,
      achievement: null,
      rebate: new Dec(adj.amount).toFixed(2),
    });
  }

  const r = own.result;
  const payable = new Dec(r.payable).plus(adjustments).toFixed(2);
  const statement: StatementWrite = {
    agreementId: a.id,
    partnerId: a.partnerId,
    periodStart: plan.target.start,
    periodEnd: plan.target.end,
    runId: facts.runId,
    asOf: facts.asOf,
    final: facts.asOf > plan.target.end,
    quota: r.quota,
    achievement: r.achievement,
    attainmentPercent: r.attainmentPercent,
    tierIndex: r.tierIndex,
    ratePercent: r.ratePercent,
    method: r.method,
    earned: r.earned,
    alreadySettled: r.alreadySettled,
    adjustments: adjustments.toFixed(2),
    payable,
    // The programme the figures were computed with, kept with them (the terms may be amended later).
    explanation: { ...explanationOf(r), programme: plan.programme },
  };
  const x = plan.existing;
  const unchanged =
    x !== null &&
    entries.length === 0 &&
    eq(x.earned, r.earned) &&
    eq(x.achievement, r.achievement) &&
    eq(x.quota, r.quota) &&
    eq(x.payable, payable) &&
    eq(x.adjustments, statement.adjustments) &&
    x.tier_index === r.tierIndex &&
    x.final === statement.final &&
    x.line_count === lines.length;
  return { plan, statement, lines, entries, unchanged };
}
