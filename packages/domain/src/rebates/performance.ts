import { Dec } from '../common/money.js';
import { attainmentOf, type RebateResult, type TierSteps, tierSteps } from './engine.js';
import type { EvaluationPeriod } from './periods.js';
import type { RebateProgramme } from './rebates.schemas.js';

/**
 * Pure rules of the performance views (issue #14): pace against time, the watch flag of the vendor overview, the
 * weekly series of the pace chart, and the facts deposits move on (performance reached, termination for breach).
 */

const HUNDRED = new Dec(100);

/** A period's quota: the one set for it, else the terms' quota per period, else 0 (two decimals). */
export function quotaFor(terms: { quotaPerPeriod?: string | null }, set: string | undefined): { amount: string; source: 'set' | 'terms' | 'none' } {
  if (set !== undefined) return { amount: new Dec(set).toFixed(2), source: 'set' };
  if (terms.quotaPerPeriod) return { amount: new Dec(terms.quotaPerPeriod).toFixed(2), source: 'terms' };
  return { amount: '0.00', source: 'none' };
}

/** The attainment expected by now if the quota were earned evenly over the period: elapsed × 100, two decimals. */
export function pacePercent(elapsedFraction: number): string {
  return new Dec(elapsedFraction).times(HUNDRED).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/** The threshold a partner must reach: the programme's, or 100 % of quota when there is no attainment programme. */
export function thresholdOf(programme: RebateProgramme | null): string {
  return programme?.kind === 'attainment' ? programme.thresholdPercent : '100';
}

export type WatchFlag = 'close_to_next_tier' | 'at_risk';

/** A share of quota within which the next tier counts as close (10 %). */
export const CLOSE_TO_NEXT_TIER_SHARE = '0.1';
/** Pace below this share of the time-elapsed expectation is at risk (80 %). */
export const AT_RISK_PACE_SHARE = '0.8';

/**
 * The overview's watch flag for one agreement's current period:
 * - 'at_risk': attainment below the threshold AND below 80 % of the attainment expected by now (elapsed × 100);
 * - 'close_to_next_tier': not at risk, and the next tier (the threshold when below it) is at most 10 % of the
 *   quota away (for volume pricing without a quota: 10 % of the next band's volume);
 * - null otherwise (on track, or at the top tier).
 * At risk is checked first: at the end of a period a partner just short of the threshold is at risk, not "close".
 */
export function watchFlag(f: {
  quota: string;
  attainmentPercent: string | null;
  thresholdPercent: string;
  elapsedFraction: number;
  /** The engine's `next` (null at the top tier or without a programme). */
  next: Pick<NonNullable<RebateResult['next']>, 'moreNeeded'> | null;
  /** For volume pricing: the next band's starting volume. */
  nextFrom?: string | null;
}): WatchFlag | null {
  const quota = new Dec(f.quota);
  if (f.attainmentPercent !== null) {
    const attained = new Dec(f.attainmentPercent);
    const expected = new Dec(f.elapsedFraction).times(HUNDRED);
    if (attained.lt(f.thresholdPercent) && attained.lt(expected.times(AT_RISK_PACE_SHARE))) return 'at_risk';
  }
  if (f.next) {
    const scale = quota.gt(0) ? quota : f.nextFrom ? new Dec(f.nextFrom) : null;
    if (scale && scale.gt(0) && new Dec(f.next.moreNeeded).lte(scale.times(CLOSE_TO_NEXT_TIER_SHARE))) return 'close_to_next_tier';
  }
  return null;
}

/**
 * The cumulative achievement by week for the pace chart: one point every 7 days from the period's first day, up to
 * the earlier of `today` and the period's last day, plus that day itself. Each point sums the lines dated on or
 * before it (exact decimals). Empty before the period starts.
 */
export function weeklySeries(period: EvaluationPeriod, today: string, lines: readonly { date: string; achievement: string }[]): { date: string; achievement: string }[] {
  if (today < period.start) return [];
  const last = today < period.end ? today : period.end;
  const dates: string[] = [];
  const startMs = Date.parse(`${period.start}T00:00:00Z`);
  for (let k = 0; ; k++) {
    const d = new Date(startMs + k * 7 * 86_400_000).toISOString().slice(0, 10);
    if (d >= last) break;
    dates.push(d);
  }
  dates.push(last);
  const sorted = [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: { date: string; achievement: string }[] = [];
  let acc = new Dec(0);
  let i = 0;
  for (const d of dates) {
    while (i < sorted.length && sorted[i].date <= d) acc = acc.plus(sorted[i++].achievement);
    out.push({ date: d, achievement: acc.toFixed(2) });
  }
  return out;
}

/**
 * Deposit rule (DOMAIN §4): performance was reached when the periods given that have ended by `today` attained at
 * least `thresholdPercent` of their quota together (Σ achievement ÷ Σ quota). Deposits pass the latest ended period and
 * 100: the last finished period reached its full quota. Exact: 99.9999 % shows as "100.00" but is not reached.
 * Before any period has ended, or without a quota, it was not reached. `attainmentPercent` is for display.
 */
export function performanceReached(
  periods: readonly { end: string; achievement: string; quota: string }[],
  today: string,
  thresholdPercent: string | number,
): { reached: boolean; attainmentPercent: string | null } {
  const ended = periods.filter((p) => p.end < today);
  const quota = ended.reduce((acc, p) => acc.plus(p.quota), new Dec(0));
  if (!ended.length || quota.lte(0)) return { reached: false, attainmentPercent: null };
  const achieved = ended.reduce((acc, p) => acc.plus(p.achievement), new Dec(0));
  return { reached: achieved.times(HUNDRED).gte(quota.times(thresholdPercent)), attainmentPercent: attainmentOf(achieved, quota) };
}

/** Deposits: performance is reached at 100 % of quota (decided for issue #14). */
export const DEPOSIT_PERFORMANCE_THRESHOLD = '100';

/**
 * Performance as a deposit reads it (DOMAIN §4, decided for issue #14): the latest evaluation period ended by `today`
 * attained its full quota (DEPOSIT_PERFORMANCE_THRESHOLD), exactly. `endedPeriods` in term order.
 */
export function depositPerformance(
  endedPeriods: readonly { end: string; achievement: string; quota: string }[],
  today: string,
): { performanceReached: boolean; attainmentPercent: string | null; thresholdPercent: string } {
  const p = performanceReached(endedPeriods.slice(-1), today, DEPOSIT_PERFORMANCE_THRESHOLD);
  return { performanceReached: p.reached, attainmentPercent: p.attainmentPercent, thresholdPercent: DEPOSIT_PERFORMANCE_THRESHOLD };
}

/**
 * An agreement terminated for breach (DOMAIN §4, forfeit): its status is terminated and its recorded termination
 * reason names a breach — the reason starts with "breach" (any case) or contains 违约. Agreements record the reason as
 * text (POST /agreements/:id/terminate {reason}); this is the one place that reads it as a cause.
 */
export function terminatedForBreach(status: string, terminationReason: string | null): boolean {
  if (status !== 'terminated' || !terminationReason) return false;
  const r = terminationReason.trim().toLowerCase();
  return r.startsWith('breach') || r.includes('违约');
}

/** Where an achievement stands in a programme: the tier reached and the gap to the next one — the engine's own figures. */
export interface TierStanding {
  tierIndex: number | null;
  ratePercent: string | null;
  next: { tierIndex: number; ratePercent: string; from: string; moreNeeded: string } | null;
}

/**
 * The tier reached and the gap to the next tier, without the rebate arithmetic: the same `tierIndex`, `ratePercent`
 * and `next.moreNeeded` as computeRebate (a property test holds them equal), at a fraction of its cost — the vendor's
 * overview sorts and flags 20,000 agreements on these and runs the full engine only for the rows it shows.
 * Steps as in the engine: an attainment tier starts at max(its percent, the threshold) × quota ÷ 100 (no tier without
 * a quota); a volume band at its volume.
 */
export function tierStanding(programme: RebateProgramme, quota: string, achievement: string, steps: TierSteps = tierSteps(programme, quota)): TierStanding {
  const achieved = new Dec(achievement);
  let tierIndex: number | null = null;
  if (steps.usable) for (let i = 0; i < steps.from.length; i++) if (achieved.gte(steps.from[i])) tierIndex = i;
  const nextIndex = tierIndex === null ? 0 : tierIndex + 1;
  const next =
    steps.usable && nextIndex < steps.from.length
      ? {
          tierIndex: nextIndex,
          ratePercent: steps.rate[nextIndex],
          from: steps.from[nextIndex].toFixed(),
          moreNeeded: Dec.max(steps.from[nextIndex].minus(achieved), 0).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2),
        }
      : null;
  return { tierIndex, ratePercent: tierIndex === null ? null : steps.rate[tierIndex], next };
}
