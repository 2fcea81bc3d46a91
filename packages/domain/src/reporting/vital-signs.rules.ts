import { Dec } from '../common/money.js';
import type { PartnerType } from '../partners/partner.schema.js';
import { attainmentOf } from '../rebates/engine.js';
import { type LedgerEntry, ledgerTotals } from '../rebates/ledger.js';
import { type AttainmentBucket, AttainmentBucketSchema, type Kpis, type LinkTarget, type RankedPartner } from './coverage.schemas.js';

/**
 * The channel's vital signs (issue #16, GET /api/dashboards/kpis; docs/domain.md §9): conversions, medians, the
 * attainment distribution and the top/bottom partners, as pure functions over counts and rows the reporting views give.
 */

const HUNDRED = new Dec(100);

/** part ÷ whole × 100 to two decimals (half up); null when the whole is 0 (no conversion to speak of). */
export function conversionPercent(part: number, whole: number): string | null {
  // The same percentage as quota attainment (achievement ÷ quota).
  return attainmentOf(new Dec(part), new Dec(whole));
}

/** The registration funnel submitted → approved → won (each stage counts registrations submitted in the period). */
export function registrationFunnel(c: { submitted: number; approved: number; won: number }): Kpis['funnel'] {
  return {
    ...c,
    approvedOfSubmitted: conversionPercent(c.approved, c.submitted),
    wonOfApproved: conversionPercent(c.won, c.approved),
    wonOfSubmitted: conversionPercent(c.won, c.submitted),
  };
}

/** Exact median of decimal values: the middle one of an odd count, the mean of the two middle ones of an even count. */
export function median(values: readonly (string | number)[]): Dec | null {
  if (values.length === 0) return null;
  const sorted = values.map((v) => new Dec(v)).sort((a, b) => a.cmp(b));
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1].plus(sorted[mid]).div(2);
}

/** Hours between two instants (ISO date-times with offset), exact. */
export function hoursBetween(from: string, to: string): Dec {
  return new Dec(Date.parse(to) - Date.parse(from)).div(3_600_000);
}

/** Conflicts of the period: opened, resolved, still open, and the median hours to resolve (two decimals) of the resolved. */
export function conflictVitals(conflicts: readonly { openedAt: string; resolvedAt: string | null }[]): Kpis['conflicts'] {
  const resolved = conflicts.filter((c): c is { openedAt: string; resolvedAt: string } => c.resolvedAt !== null);
  const m = median(resolved.map((c) => hoursBetween(c.openedAt, c.resolvedAt).toFixed()));
  return {
    opened: conflicts.length,
    resolved: resolved.length,
    stillOpen: conflicts.length - resolved.length,
    medianHoursToResolve: m === null ? null : m.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2),
  };
}

export function slaBreaches(breached: number, reviewed: number): Kpis['slaBreaches'] {
  return { breached, reviewed, percent: conversionPercent(breached, reviewed) };
}

/** Buckets by attainment %: [0, 50), [50, 80), [80, 100), [100, 120), [120, ∞) — each lower bound inclusive. */
export function attainmentBucket(attainmentPercent: string): AttainmentBucket {
  const a = new Dec(attainmentPercent);
  if (a.lt(50)) return 'lt50';
  if (a.lt(80)) return 'from50to80';
  if (a.lt(100)) return 'from80to100';
  if (a.lt(120)) return 'from100to120';
  return 'gte120';
}

/**
 * The attainment distribution of partners in the period: every bucket, in order, even when empty. Attainment is
 * compared exactly (achievement ÷ quota, not the rounded percent: 79.996 % is below 80); partners without a quota are
 * counted apart.
 */
export function attainmentDistribution(partners: readonly { quota: string; achievement: string }[]): Kpis['attainment'] {
  const counts = new Map<AttainmentBucket, number>(AttainmentBucketSchema.options.map((b) => [b, 0]));
  let withoutQuota = 0;
  for (const p of partners) {
    if (new Dec(p.quota).lte(0)) {
      withoutQuota++;
      continue;
    }
    const bucket = attainmentBucket(new Dec(p.achievement).div(p.quota).times(HUNDRED).toFixed());
    counts.set(bucket, counts.get(bucket)! + 1);
  }
  return { buckets: AttainmentBucketSchema.options.map((bucket) => ({ bucket, count: counts.get(bucket)! })), withoutQuota };
}

export interface PartnerAttainmentRow {
  id: string;
  name: string;
  type: PartnerType;
  quota: string;
  achievement: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The top and bottom `n` partners with a quota, by exact attainment. Top: attainment descending, then achievement
 * descending, name, id; bottom: attainment ascending, then achievement ascending, name, id. A partner appears in one
 * list only: the bottom list is taken from those not in the top one (with fewer than 2n partners it is shorter).
 */
export function topAndBottom(partners: readonly PartnerAttainmentRow[], n: number): { top: RankedPartner[]; bottom: RankedPartner[] } {
  const rows = partners
    .filter((p) => new Dec(p.quota).gt(0))
    .map((p) => ({ p, ratio: new Dec(p.achievement).div(p.quota), achievement: new Dec(p.achievement) }));
  const ties = (a: (typeof rows)[number], b: (typeof rows)[number]) => cmp(a.p.name, b.p.name) || cmp(a.p.id, b.p.id);
  const top = [...rows].sort((a, b) => b.ratio.cmp(a.ratio) || b.achievement.cmp(a.achievement) || ties(a, b)).slice(0, n);
  const inTop = new Set(top.map((r) => r.p.id));
  const bottom = rows
    .filter((r) => !inTop.has(r.p.id))
    .sort((a, b) => a.ratio.cmp(b.ratio) || a.achievement.cmp(b.achievement) || ties(a, b))
    .slice(0, n);
  const ranked = (r: (typeof rows)[number]): RankedPartner => ({
    id: r.p.id,
    name: r.p.name,
    type: r.p.type,
    quota: new Dec(r.p.quota).toFixed(2),
    achievement: new Dec(r.p.achievement).toFixed(2),
    attainmentPercent: attainmentOf(r.p.achievement, r.p.quota)!,
  });
  return { top: top.map(ranked), bottom: bottom.map(ranked) };
}

/** Rebate liability from the ledger (the same totals as the rebates pages): accrued vs paid, and what is still owed. */
export function rebateLiability(entries: readonly Pick<LedgerEntry, 'kind' | 'amount'>[]): Kpis['rebateLiability'] {
  const t = ledgerTotals(entries);
  return { accrued: t.accrued, paid: t.paid, outstanding: t.liability };
}

/** Renewals due by the open review's recommendation; `null` = no review open yet. */
export function renewalsDue(rows: readonly { outcome: 'renew' | 'renew_on_probation' | 'terminate' | null }[], withinDays: number): Kpis['renewalsDue'] {
  const byRecommendation = { renew: 0, renew_on_probation: 0, terminate: 0, none: 0 };
  for (const r of rows) byRecommendation[r.outcome ?? 'none']++;
  return { withinDays, total: rows.length, byRecommendation };
}

/** How stale the figures are: whole seconds from the views' last refresh to now (never negative). */
export function staleSeconds(lastRefreshAt: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(lastRefreshAt)) / 1000));
}

/** The vital signs' reference to the vendor-rating trend (the renewals ratings page) for the dashboard's period. */
export function vendorRatingLink(period: { start: string; end: string }): Kpis['vendorRating'] {
  const link: LinkTarget = { to: '/renewals/ratings', search: { from: period.start, to: period.end } };
  return { link };
}
