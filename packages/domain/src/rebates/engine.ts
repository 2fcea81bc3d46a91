import { Dec } from '../common/money.js';
import type { RebateProgramme } from './rebates.schemas.js';

/**
 * One line of a period's basis: a won deal (or a sell-out line) with its attribution share (a conflict split gives
 * each partner its share; 1 when not split) and an optional incentive coefficient (激励系数, 1 by default).
 */
export interface BasisLine {
  id: string;
  amount: string;
  share?: string;
  coefficient?: string;
}

/** What the engine is asked: the programme, the period's quota, the basis lines and what was already settled for the period. */
export interface RebateInput {
  programme: RebateProgramme;
  quota: string;
  lines: readonly BasisLine[];
  alreadySettled?: string;
}

/** One band of the arithmetic: the part of the basis between two amounts, at one rate. */
export interface RebateBand {
  from: string;
  to: string | null;
  ratePercent: string;
  base: string;
  amount: string;
}

/** The explanation a partner can follow (data; the apps word it in both languages). */
export interface RebateResult {
  /** Σ amount × share × coefficient, exact. */
  achievement: string;
  quota: string;
  /** achievement ÷ quota × 100, two decimals (half up); null without a quota (volume pricing). */
  attainmentPercent: string | null;
  /** Index into the programme's tiers/bands of the highest one reached; null below the threshold / first band. */
  tierIndex: number | null;
  ratePercent: string | null;
  method: 'retroactive' | 'incremental';
  bands: RebateBand[];
  /** Before the cap, exact. */
  uncapped: string;
  capped: boolean;
  /** Earned for the period, rounded to the cent (half up) once, after summing the bands and applying the cap. */
  earned: string;
  alreadySettled: string;
  /** earned − already settled: positive is owed to the partner, negative is recovered. */
  payable: string;
  /** Each line's part of `earned`; the parts sum to `earned` exactly (see allocate). */
  allocation: { lineId: string; amount: string }[];
  /** The next tier/band: how much more achievement reaches it and what the period would then earn; null at the top. */
  next: { tierIndex: number; ratePercent: string; moreNeeded: string; earnedThen: string; increase: string } | null;
}

const ZERO = new Dec(0);
const HUNDRED = new Dec(100);
const cents = (d: InstanceType<typeof Dec>) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP);

/** A line's contribution to achievement: amount × share × coefficient (exact). */
export function lineAchievement(line: BasisLine): InstanceType<typeof Dec> {
  return new Dec(line.amount).times(line.share ?? 1).times(line.coefficient ?? 1);
}

export function achievementOf(lines: readonly BasisLine[]): InstanceType<typeof Dec> {
  return lines.reduce((acc, l) => acc.plus(lineAchievement(l)), ZERO);
}

/** A programme's steps for one quota: where each tier/band starts (as achievement) and its rate, ascending. */
export interface TierSteps {
  /** False for an attainment programme without a quota (no tier can be reached). */
  usable: boolean;
  from: InstanceType<typeof Dec>[];
  rate: string[];
}

/**
 * The programme's steps as amounts of achievement: an attainment tier starts at max(its percent, the threshold) ×
 * quota ÷ 100 (a tier below the threshold starts at the threshold: nothing is earned below it); a volume band at its
 * volume. Computed once per programme and quota by callers that place many achievements (tierStanding).
 */
export function tierSteps(programme: RebateProgramme, quota: string | InstanceType<typeof Dec>): TierSteps {
  const q = new Dec(quota);
  if (programme.kind === 'volume_pricing')
    return { usable: true, from: programme.bands.map((b) => new Dec(b.fromVolume)), rate: programme.bands.map((b) => new Dec(b.discountPercent).toFixed()) };
  const threshold = new Dec(programme.thresholdPercent);
  return {
    usable: q.gt(0),
    from: programme.tiers.map((t) => Dec.max(new Dec(t.fromPercent), threshold).times(q).div(HUNDRED)),
    rate: programme.tiers.map((t) => new Dec(t.ratePercent).toFixed()),
  };
}

/** achievement ÷ quota × 100 (two decimals, half up), for any quota > 0; else null. */
export function attainmentOf(achievement: string | InstanceType<typeof Dec>, quota: string | InstanceType<typeof Dec>): string | null {
  const q = new Dec(quota);
  if (q.lte(0)) return null;
  return new Dec(achievement).div(q).times(HUNDRED).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/** Earned before rounding and the bands behind it, for one achievement amount. */
function earn(programme: RebateProgramme, quota: InstanceType<typeof Dec>, achieved: InstanceType<typeof Dec>) {
  const t = tierSteps(programme, quota);
  const s = t.from.map((from, i) => ({ from, rate: new Dec(t.rate[i]) }));
  const method = programme.kind === 'attainment' ? programme.method : 'incremental';
  let tierIndex: number | null = null;
  if (t.usable) for (let i = 0; i < s.length; i++) if (achieved.gte(s[i].from)) tierIndex = i;
  const bands: RebateBand[] = [];
  let uncapped = ZERO;
  if (tierIndex !== null) {
    if (method === 'retroactive') {
      const amount = achieved.times(s[tierIndex].rate).div(HUNDRED);
      bands.push({ from: '0', to: achieved.toFixed(), ratePercent: s[tierIndex].rate.toFixed(), base: achieved.toFixed(), amount: amount.toFixed() });
      uncapped = amount;
    } else {
      for (let i = 0; i <= tierIndex; i++) {
        const top = i + 1 < s.length ? Dec.min(s[i + 1].from, achieved) : achieved;
        const base = Dec.max(top.minus(s[i].from), ZERO);
        const amount = base.times(s[i].rate).div(HUNDRED);
        bands.push({ from: s[i].from.toFixed(), to: i + 1 < s.length ? s[i + 1].from.toFixed() : null, ratePercent: s[i].rate.toFixed(), base: base.toFixed(), amount: amount.toFixed() });
        uncapped = uncapped.plus(amount);
      }
    }
  }
  const cap = programme.capAmount === null || programme.capAmount === undefined ? null : new Dec(programme.capAmount);
  const capped = cap !== null && uncapped.gt(cap);
  return { tierIndex, bands, uncapped, capped, earned: cents(capped ? cap! : uncapped), method, steps: s, usable: t.usable };
}

/**
 * Splits `total` (in cents) over the lines in proportion to their achievement, by the largest-remainder rule: each
 * exact part is rounded down to the cent, then the cents left over (fewer than the number of lines) go one each to the
 * lines with the largest rounded-off fractions (the first of equals). The parts always sum to `total` exactly and, for
 * a non-negative total over non-negative lines, none is negative.
 */
export function allocate(total: string, lines: readonly BasisLine[]): { lineId: string; amount: string }[] {
  const sum = achievementOf(lines);
  const whole = new Dec(total);
  if (!lines.length) return [];
  if (sum.isZero()) return lines.map((l, i) => ({ lineId: l.id, amount: (i === 0 ? whole : ZERO).toFixed(2) }));
  const exact = lines.map((l) => whole.times(lineAchievement(l)).div(sum));
  const parts = exact.map((x) => x.toDecimalPlaces(2, Dec.ROUND_FLOOR));
  const left = whole.minus(parts.reduce((a, p) => a.plus(p), ZERO));
  const leftCents = left.times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  const order = exact.map((x, i) => ({ i, frac: x.minus(parts[i]) })).sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (let k = 0; k < Math.abs(leftCents); k++) {
    const i = order[k % order.length].i;
    parts[i] = parts[i].plus(leftCents > 0 ? '0.01' : '-0.01');
  }
  return lines.map((l, i) => ({ lineId: l.id, amount: parts[i].toFixed(2) }));
}

/** The one calculation behind accrual, settlement and what-if (DOMAIN §7). */
export function computeRebate(input: RebateInput): RebateResult {
  const quota = new Dec(input.quota);
  const achieved = achievementOf(input.lines);
  const e = earn(input.programme, quota, achieved);
  const settled = new Dec(input.alreadySettled ?? 0);
  let next: RebateResult['next'] = null;
  const nextIndex = e.tierIndex === null ? 0 : e.tierIndex + 1;
  if (nextIndex < e.steps.length && e.usable) {
    const target = e.steps[nextIndex].from;
    const then = earn(input.programme, quota, Dec.max(target, achieved));
    next = {
      tierIndex: nextIndex,
      ratePercent: e.steps[nextIndex].rate.toFixed(),
      moreNeeded: cents(Dec.max(target.minus(achieved), ZERO)).toFixed(2),
      earnedThen: then.earned.toFixed(2),
      increase: then.earned.minus(e.earned).toFixed(2),
    };
  }
  return {
    achievement: achieved.toFixed(),
    quota: quota.toFixed(),
    attainmentPercent: input.programme.kind === 'attainment' ? attainmentOf(achieved, quota) : null,
    tierIndex: e.tierIndex,
    ratePercent: e.tierIndex === null ? null : e.steps[e.tierIndex].rate.toFixed(),
    method: e.method,
    bands: e.bands,
    uncapped: e.uncapped.toFixed(),
    capped: e.capped,
    earned: e.earned.toFixed(2),
    alreadySettled: settled.toFixed(2),
    payable: e.earned.minus(settled).toFixed(2),
    allocation: allocate(e.earned.toFixed(2), input.lines),
    next,
  };
}

/** The engine's result as explained and stored with a statement: everything but the per-line allocation. */
export function explanationOf(result: RebateResult): Omit<RebateResult, 'allocation'> {
  const { allocation: _allocation, ...rest } = result;
  return rest;
}

/** What one more deal of `amount` would do to the period (the registration form's "what would this deal earn"). */
export function whatIf(input: RebateInput, amount: string): { before: RebateResult; after: RebateResult; increase: string } {
  const before = computeRebate(input);
  const after = computeRebate({ ...input, lines: [...input.lines, { id: 'what-if', amount }] });
  return { before, after, increase: new Dec(after.earned).minus(before.earned).toFixed(2) };
}
