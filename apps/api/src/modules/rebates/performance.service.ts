import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  achievementOf,
  agreementNumber,
  agreementPeriods,
  type AgreementPerformance,
  type AgreementTerms,
  attainmentOf,
  computeRebate,
  Dec,
  elapsedFraction,
  type EvaluationPeriod,
  evaluationPeriods,
  explanationOf,
  lineAchievement,
  pacePercent,
  type PerformanceOverviewPage,
  type PerformanceOverviewQuery,
  type PerformanceOverviewRow,
  periodKey,
  periodOf,
  pickPeriod,
  programmeOfTerms,
  quotaEditable,
  quotaFor,
  type RebateProgramme,
  type RebateResult,
  type Scope,
  thresholdOf,
  tierStanding,
  tierSteps,
  watchFlag,
  type WatchFlag,
  weeklySeries,
  whatIf,
  type WhatIf,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { type AgreementRow, AgreementsRepository } from '../agreements/agreements.repository';
import { PerformanceBasisRepository } from '../deal-registrations/performance-basis.repository';
import { PartnersRepository } from '../partners/partners.repository';
import { SellOutRepository } from '../sell-out/sell-out.repository';
import { QuotasRepository } from './quotas.repository';
import { type BasisTarget, RebateBasisService } from './rebate-basis.service';
import type { BasisRow } from './rebate-run.compute';
import { RebateLedgerRepository } from './rebate-ledger.repository';
import { RebateReversalsRepository } from './rebate-reversals.repository';
import { RebateStatementsRepository } from './rebate-statements.repository';

const money = (v: string | number) => new Dec(v).toFixed(2);

/** The period asked for (pickPeriod); a period start that is not one of the agreement's periods is refused. */
export function periodOrFail(periods: readonly EvaluationPeriod[], today: string, requested?: string): EvaluationPeriod {
  const p = pickPeriod(periods, today, requested);
  if (!p) throw new AppError('PERFORMANCE_PERIOD_UNKNOWN', { periodStart: requested });
  return p;
}

/** What a programme's next step starts at, as an amount (for volume pricing's "close to the next band"). */
function nextFrom(programme: RebateProgramme | null, next: RebateResult['next']): string | null {
  return programme?.kind === 'volume_pricing' && next ? programme.bands[next.tierIndex].fromVolume : null;
}

interface Figures {
  programme: RebateProgramme | null;
  quota: string;
  achievement: string;
  attainmentPercent: string | null;
  elapsed: number;
  result: RebateResult | null;
  watch: WatchFlag | null;
}

/** One period's figures from its basis lines: the engine when there is a programme, attainment and pace always. */
function figures(programme: RebateProgramme | null, period: EvaluationPeriod, quota: string, lines: readonly BasisRow[], alreadySettled: string, elapsed: number): Figures {
  const result = programme ? computeRebate({ programme, quota, lines, alreadySettled }) : null;
  const achievement = result ? result.achievement : achievementOf(lines).toFixed();
  const attainmentPercent = attainmentOf(achievement, quota);
  const watch = watchFlag({ quota, attainmentPercent, thresholdPercent: thresholdOf(programme), elapsedFraction: elapsed, next: result?.next ?? null, nextFrom: nextFrom(programme, result?.next ?? null) });
  return { programme, quota, achievement, attainmentPercent, elapsed, result, watch };
}

/** One agreement placed in the overview before the page is chosen. */
interface Standing {
  a: Awaited<ReturnType<AgreementsRepository['activeOn']>>[number];
  period: EvaluationPeriod;
  programme: RebateProgramme | null;
  basis: string[];
  row: PerformanceOverviewRow;
}

/** Memoises a pure function of a string key for one request (20,000 agreements share few terms and periods). */
function memo<T>(f: (k: string) => T): (k: string) => T {
  const cache = new Map<string, T>();
  return (k) => {
    if (!cache.has(k)) cache.set(k, f(k));
    return cache.get(k) as T;
  };
}

/**
 * Performance of agreements (issue #14): one period of one agreement with the engine's explanation and the pace
 * chart; what one more deal would do; every agreement's current period for the vendor's overview (set-based: one
 * basis aggregation for all agreements, the engine per agreement in memory).
 */
@Injectable()
export class PerformanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsRepository,
    private readonly basis: RebateBasisService,
    private readonly basisTotals: PerformanceBasisRepository,
    private readonly partners: PartnersRepository,
    private readonly sellOut: SellOutRepository,
    private readonly ledger: RebateLedgerRepository,
    private readonly quotas: QuotasRepository,
    private readonly reversals: RebateReversalsRepository,
    private readonly statements: RebateStatementsRepository,
  ) {}

  /** The agreement as `scope` sees it: another partner's agreement does not exist (404). */
  async agreement(id: string, scope: Scope): Promise<AgreementRow> {
    const row = await this.agreements.row(id, scope);
    if (!row) throw AppError.notFound('agreement', id);
    return row;
  }

  private termsOf(row: AgreementRow) {
    return { startDate: row.start_date, endDate: row.end_date, terms: row.terms };
  }

  /**
   * The basis lines of one (agreement, period): won deals (split share), reversed deals left out; for a distribution
   * agreement also its sell-out lines (share 1).
   */
  private async lines(row: AgreementRow, period: EvaluationPeriod): Promise<BasisRow[]> {
    return (await this.linesOf([{ key: 0, agreementId: row.id, sellOut: row.type === 'distribution', rules: row.terms.incentiveCoefficients ?? [], start: period.start, end: period.end }])).get(0) ?? [];
  }

  /** The basis lines of several (agreement, period) pairs, by key (RebateBasisService: the same lines as statements). */
  private async linesOf(targets: readonly BasisTarget[], m: EntityManager = this.db.manager): Promise<Map<number, BasisRow[]>> {
    return (await this.basis.linesOf(targets, m)).lines;
  }

  private async quotaOf(row: AgreementRow, period: EvaluationPeriod) {
    const set = (await this.quotas.forPairs([{ agreementId: row.id, periodStart: period.start }])).get(periodKey(row.id, period.start));
    return quotaFor(row.terms, set);
  }

  private async settled(agreementId: string, periodStart: string): Promise<string> {
    return (await this.ledger.settledFor([{ agreementId, periodStart }])).get(periodKey(agreementId, periodStart)) ?? '0';
  }

  async performance(id: string, scope: Scope, today: string, requested?: string): Promise<AgreementPerformance> {
    const row = await this.agreement(id, scope);
    const periods = agreementPeriods(this.termsOf(row));
    const period = periodOrFail(periods, today, requested);
    const [quota, lines, alreadySettled, statement] = [
      await this.quotaOf(row, period),
      await this.lines(row, period),
      await this.settled(row.id, period.start),
      await this.statements.statementOf(row.id, period.start),
    ];
    const f = figures(programmeOfTerms(row.terms), period, quota.amount, lines, alreadySettled, elapsedFraction(period, today));
    const visible = statement && (scope.kind !== 'partner' || statement.status !== 'draft') ? statement : null;
    return {
      agreement: {
        id: row.id,
        number: agreementNumber(row.type, row.start_date, row.id),
        partnerId: row.partner_id,
        partnerName: row.partner_name,
        type: row.type,
        status: row.status,
        startDate: row.start_date,
        endDate: row.end_date,
        evaluationPeriod: row.terms.evaluationPeriod ?? 'quarter',
      },
      programme: f.programme,
      periods,
      period,
      asOf: today,
      final: today > period.end,
      quota: { ...quota, editable: quotaEditable(period, today) },
      achievement: money(f.achievement),
      attainmentPercent: f.attainmentPercent,
      elapsedFraction: f.elapsed,
      pacePercent: pacePercent(f.elapsed),
      result: f.result ? explanationOf(f.result) : null,
      watch: f.watch,
      series: weeklySeries(
        period,
        today,
        lines.map((l) => ({ date: l.occurredOn, achievement: lineAchievement(l).toFixed() })),
      ),
      lines: lines.length,
      statement: visible ? { ...visible, payable: money(visible.payable) } : null,
    };
  }

  /** What a deal of `amount` would do to the agreement's current period (the period holding today). */
  async whatIf(id: string, scope: Scope, today: string, amount: string): Promise<WhatIf> {
    const row = await this.agreement(id, scope);
    const period = periodOrFail(agreementPeriods(this.termsOf(row)), today);
    const [quota, lines, alreadySettled] = [await this.quotaOf(row, period), await this.lines(row, period), await this.settled(row.id, period.start)];
    const programme = programmeOfTerms(row.terms);
    const achieved = achievementOf(lines);
    const base = { agreementId: row.id, periodStart: period.start, periodEnd: period.end, amount: money(amount) };
    const attainmentBefore = attainmentOf(achieved.toFixed(), quota.amount);
    const attainmentAfter = attainmentOf(achieved.plus(amount).toFixed(), quota.amount);
    if (!programme)
      return { ...base, before: '0.00', after: '0.00', increase: '0.00', tierBefore: null, tierAfter: null, rateBefore: null, rateAfter: null, attainmentBefore, attainmentAfter };
    const w = whatIf({ programme, quota: quota.amount, lines, alreadySettled }, amount);
    return {
      ...base,
      before: w.before.earned,
      after: w.after.earned,
      increase: w.increase,
      tierBefore: w.before.tierIndex,
      tierAfter: w.after.tierIndex,
      rateBefore: w.before.ratePercent,
      rateAfter: w.after.ratePercent,
      attainmentBefore,
      attainmentAfter,
    };
  }

  /**
   * Achievement and quota of every evaluation period that has ended by `today` (deposits: performance reached over the
   * term so far): one basis total per period, in one statement.
   */
  async endedPeriods(row: AgreementRow, today: string, m: EntityManager = this.db.manager): Promise<{ end: string; achievement: string; quota: string }[]> {
    const ended = agreementPeriods(this.termsOf(row)).filter((p) => p.end < today);
    if (!ended.length) return [];
    const rules = row.terms.incentiveCoefficients ?? [];
    const totals = rules.length
      ? // With incentive coefficients the won lines are weighted one by one (as in statements).
        new Map(
          [...(await this.linesOf(ended.map((p, i) => ({ key: i, agreementId: row.id, sellOut: false, rules, start: p.start, end: p.end })), m)).entries()].map(([k, ls]) => [
            k,
            achievementOf(ls).toFixed(),
          ]),
        )
      : new Map(
          (await this.basisTotals.wonTotals(ended.map((p, i) => ({ key: i, agreementId: row.id, start: p.start, end: p.end })), await this.reversals.reversedIds(m), m)).map((t) => [
            t.key,
            t.achievement,
          ]),
        );
    const set = await this.quotas.forPairs(ended.map((p) => ({ agreementId: row.id, periodStart: p.start })), m);
    return ended.map((p, i) => ({ end: p.end, achievement: totals.get(i) ?? '0', quota: quotaFor(row.terms, set.get(periodKey(row.id, p.start))).amount }));
  }

  /**
   * Every active agreement's current period, with the watch flag; filtered, sorted and paged in memory. Set-based: one
   * statement per source for all agreements (agreements, quotas, won totals, settlements, sell-out totals, names), then
   * the engine per agreement; programmes, periods and pace are computed once per distinct pricing / term.
   */
  async overview(q: PerformanceOverviewQuery, today: string): Promise<PerformanceOverviewPage> {
    const m = this.db.manager;
    const programmeOf = memo((json: string) => programmeOfTerms({ pricing: JSON.parse(json) }));
    const currentOf = memo((k: string) => {
      const [start, end, kind] = k.split('|');
      return periodOf(evaluationPeriods(start, end, kind as 'quarter' | 'half' | 'year'), today);
    });
    // Tier steps per distinct pricing and quota (keyed by the pricing's text, then by the quota).
    const stepsByPricing = memo((json: string) => memo((quota: string) => tierSteps(programmeOf(json)!, quota)));
    const paceOf = memo((k: string) => {
      const [start, end] = k.split('|');
      const elapsed = elapsedFraction({ index: 0, start, end }, today);
      return { elapsed, pace: pacePercent(elapsed) };
    });
    const active = (await this.agreements.activeOn(m, today)).filter((a) => (!q.partnerId || a.partnerId === q.partnerId) && (!q.type || a.type === q.type));
    const current = active
      .map((a, i) => ({ a, key: i, period: currentOf(`${a.startDate}|${a.endDate}|${a.evaluationPeriod ?? 'quarter'}`) }))
      .filter((c): c is typeof c & { period: EvaluationPeriod } => c.period !== null);
    const pairs = current.map((c) => ({ agreementId: c.a.id, periodStart: c.period.start }));
    const reversed = await this.reversals.reversedIds(m);
    // Agreements with incentive coefficients (激励系数, few) are weighted line by line, as statements are; the others
    // keep the plain sums in SQL.
    const rulesOf = memo((json: string) => JSON.parse(json) as AgreementTerms['incentiveCoefficients']);
    const plain = current.filter((c) => !c.a.coefficientsJson);
    const weighted = current.filter((c) => c.a.coefficientsJson);
    const [set, totals, settled, sold, names, weightedLines] = [
      await this.quotas.forPairs(pairs, m),
      await this.basisTotals.wonTotals(
        plain.map((c) => ({ key: c.key, agreementId: c.a.id, start: c.period.start, end: c.period.end })),
        reversed,
        m,
      ),
      await this.ledger.settledFor(pairs, m),
      await this.sellOut.totalsFor(
        plain.filter((c) => c.a.type === 'distribution').map((c) => ({ agreementId: c.a.id, start: c.period.start, end: c.period.end })),
        m,
      ),
      new Map((await this.partners.briefs(m, [...new Set(active.map((a) => a.partnerId))])).map((p) => [p.id, p.name])),
      await this.linesOf(
        weighted.map((c) => ({ key: c.key, agreementId: c.a.id, sellOut: c.a.type === 'distribution', rules: rulesOf(c.a.coefficientsJson!), start: c.period.start, end: c.period.end })),
        m,
      ),
    ];
    for (const [k, ls] of weightedLines) totals.push({ key: k, achievement: achievementOf(ls).toFixed(), lines: ls.length });
    const achieved = new Map(totals.map((t) => [t.key, t.achievement]));
    // Every agreement is placed by its attainment, tier and gap (tierStanding: the engine's figures without the rebate
    // arithmetic), so the sort, the watch list and its counts cover all of them; the full engine runs for the page.
    let rows: Standing[] = current.map(({ a, key: k, period }) => {
      const quota = quotaFor(a, set.get(periodKey(a.id, period.start))).amount;
      const basis = [achieved.get(k), sold.get(a.id)?.amount].filter((x): x is string => !!x && x !== '0');
      const achievement = basis.length === 1 ? basis[0] : basis.reduce((acc, x) => acc.plus(x), new Dec(0)).toFixed();
      const programme = a.pricingJson ? programmeOf(a.pricingJson) : null;
      const { elapsed, pace } = paceOf(`${period.start}|${period.end}`);
      const standing = programme ? tierStanding(programme, quota, achievement, stepsByPricing(a.pricingJson!)(quota)) : null;
      const attainmentPercent = attainmentOf(achievement, quota);
      const watch = watchFlag({ quota, attainmentPercent, thresholdPercent: thresholdOf(programme), elapsedFraction: elapsed, next: standing?.next ?? null, nextFrom: programme?.kind === 'volume_pricing' ? (standing?.next?.from ?? null) : null });
      return {
        a,
        period,
        programme,
        basis,
        row: {
          agreementId: a.id,
          agreementNumber: '',
          agreementType: a.type,
          partnerId: a.partnerId,
          partnerName: names.get(a.partnerId) ?? '',
          periodStart: period.start,
          periodEnd: period.end,
          quota,
          achievement,
          attainmentPercent,
          pacePercent: pace,
          tierIndex: standing?.tierIndex ?? null,
          ratePercent: standing?.ratePercent ?? null,
          earned: '0.00',
          moreNeeded: standing?.next?.moreNeeded ?? null,
          nextRatePercent: standing?.next?.ratePercent ?? null,
          watch,
        },
      };
    });
    const counts = { close_to_next_tier: 0, at_risk: 0 };
    for (const r of rows) if (r.row.watch) counts[r.row.watch]++;
    if (q.watch) rows = rows.filter((r) => (q.watch === 'any' ? r.row.watch !== null : r.row.watch === q.watch));
    sortRows(rows, q.sort, q.order);
    const total = rows.length;
    const items = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(({ a, programme, basis, row }) => {
      const settledFor = settled.get(periodKey(a.id, row.periodStart)) ?? '0';
      const result = programme ? computeRebate({ programme, quota: row.quota, lines: basis.map((amount, i) => ({ id: `${a.id}:${i}`, amount })), alreadySettled: settledFor }) : null;
      return {
        ...row,
        agreementNumber: agreementNumber(a.type, a.startDate, a.id),
        achievement: money(row.achievement),
        tierIndex: result?.tierIndex ?? null,
        ratePercent: result?.ratePercent ?? null,
        earned: result?.earned ?? '0.00',
        moreNeeded: result?.next?.moreNeeded ?? null,
        nextRatePercent: result?.next?.ratePercent ?? null,
      };
    });
    return { items, total, page: q.page, pageSize: q.pageSize, asOf: today, counts };
  }
}

const COLLATOR = new Intl.Collator('zh-CN');

/**
 * Sort of the overview. By attainment or gap: rows without the figure (no quota, top tier) go last either way, ties by
 * agreement id; by partner: the partner's name in Chinese collation, then agreement id. The figures are read as numbers
 * once per row — ordering only, no arithmetic (two-decimal figures compare exactly as numbers at these magnitudes).
 */
function sortRows(rows: Standing[], sort: PerformanceOverviewQuery['sort'], order: 'asc' | 'desc'): void {
  const dir = order === 'asc' ? 1 : -1;
  const byId = (a: Standing, b: Standing) => (a.row.agreementId < b.row.agreementId ? -1 : a.row.agreementId > b.row.agreementId ? 1 : 0);
  if (sort === 'partner') {
    rows.sort((a, b) => dir * (COLLATOR.compare(a.row.partnerName, b.row.partnerName) || byId(a, b)));
    return;
  }
  const keyed = rows.map((r) => {
    const f = sort === 'attainment' ? r.row.attainmentPercent : r.row.moreNeeded;
    return { r, k: f === null ? null : Number(f) };
  });
  keyed.sort((x, y) => {
    if (x.k === null || y.k === null) return x.k === y.k ? byId(x.r, y.r) : x.k === null ? 1 : -1;
    return dir * (x.k - y.k) || byId(x.r, y.r);
  });
  keyed.forEach((x, i) => (rows[i] = x.r));
}
