import { scopesOverlap, termsOverlap } from '../agreements/agreement.rules.js';
import type { ChannelStrategy, RegionLevel } from '../catalog/catalog.schema.js';
import { ancestorsOf, type RegionNode, regionCovers } from '../catalog/region-tree.js';
import { Dec } from '../common/money.js';
import type { PartnerType } from '../partners/partner.schema.js';
import { attainmentOf } from '../rebates/engine.js';
import { pacePercent } from '../rebates/performance.js';
import { elapsedFraction, type EvaluationPeriod } from '../rebates/periods.js';
import { quarterOf, runPeriodBounds } from '../rebates/rebates.requests.js';
import {
  type CellPartner,
  type CoverageCell,
  type CoverageMatrix,
  type CoverageMeasure,
  type CoveragePlan,
  type DraftExclusiveScope,
  type DraftRecruitmentTarget,
  type ExclusiveOverlap,
  GAP_KINDS,
  type GapItem,
  type GapKind,
  type LinkTarget,
  type SuggestedAction,
} from './coverage.schemas.js';

/**
 * The coverage matrix, its gaps and planning mode as pure functions (issue #16, docs/domain.md §9 "Coverage and gaps —
 * the rules", ADR 0019). The API feeds them the reporting views' rows; no clock, no database: `today` comes in.
 */

// ---------------------------------------------------------------------------------------------------------------------
// Inputs (what the reporting views hold)

export interface IndustryInput {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}
export interface RegionInput extends RegionNode {
  code: string;
  nameZh: string;
  nameEn: string;
  level: RegionLevel;
}
/** A rated segment (catalog): its market potential and stored strategy. */
export interface SegmentInput {
  id: string;
  industryId: string;
  regionId: string;
  marketPotential: number;
  strategy: ChannelStrategy;
}
/** An active partner present in a segment (its agreement scope or profile), at whatever level the region is. */
export interface PresenceFact {
  industryId: string;
  regionId: string;
  partnerId: string;
}
/**
 * A partner present in every region: the scope of its active agreement has no region (the whole country). Null
 * industry = every industry. Counted as present in every cell of its industry (partners only; money keeps the deals'
 * regions).
 */
export interface NationwidePresence {
  industryId: string | null;
  partnerId: string;
}
/** Money of one partner in one segment for the period, split shares already applied (see `moneyFactsOfDeals`). */
export interface MoneyFact {
  industryId: string;
  regionId: string;
  partnerId: string;
  openPipeline: string;
  wonRevenue: string;
}
/** Facts of a partner that belong to the partner, not to a region: counted once per cell however many regions hold it. */
export interface PartnerFact {
  id: string;
  name: string;
  type: PartnerType;
  certifiedHeadcount: number;
  /** Valid certifications that expire before the partner's agreement ends (`certificationsLapsingBefore`). */
  certificationsLapsing: number;
  /** The last day of the partner's agreement in force (the latest, when several), null when none. */
  agreementEndsOn: string | null;
  /** Quota and achievement of the partner's current evaluation period (0 when it has none). */
  quota: string;
  achievement: string;
  /** That evaluation period, for the pace; null when the partner has no quota'd agreement in force. */
  period: EvaluationPeriod | null;
}
/** An exclusive scope entry in force or planned: null industry / region = all. `agreementId` null = a plan's draft. */
export interface ExclusiveHold {
  agreementId: string | null;
  partnerId: string;
  partnerName: string;
  industryId: string | null;
  regionId: string | null;
  from: string;
  until: string;
}

export interface CoverageInputs {
  /** The business day. */
  today: string;
  industries: readonly IndustryInput[];
  regions: readonly RegionInput[];
  segments: readonly SegmentInput[];
  presence: readonly PresenceFact[];
  /** Partners present in every region of their industry (none when absent). */
  nationwide?: readonly NationwidePresence[];
  money: readonly MoneyFact[];
  partners: readonly PartnerFact[];
  holds: readonly ExclusiveHold[];
}

/** A registration as the cell's detail and the money facts see it. */
export interface DealFact {
  industryId: string;
  regionId: string;
  partnerId: string;
  status: 'approved' | 'won';
  amount: string;
  /** The partner's split share ("1" unless a conflict split the deal; the shares of one deal add up to 1). */
  share: string;
  closedOn: string | null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Periods

/** The calendar period a dashboard shows: the one asked for, else the business day's quarter. */
export function dashboardPeriod(today: string, requested?: string): { key: string; start: string; end: string } {
  const key = requested ?? quarterOf(today);
  return { key, ...runPeriodBounds(key) };
}

/** What one deal adds to its cell: amount × share; to the pipeline when approved, to won revenue when won in the period. */
export function countedAmount(deal: Pick<DealFact, 'amount' | 'share'>): string {
  return new Dec(deal.amount).times(deal.share).toFixed();
}

/** Money facts from deal lines: approved → open pipeline; won and closed within the period → won revenue. */
export function moneyFactsOfDeals(deals: readonly DealFact[], period: { start: string; end: string }): MoneyFact[] {
  const out = new Map<string, { f: PresenceFact; pipeline: Dec; won: Dec }>();
  for (const d of deals) {
    const key = `${d.industryId}|${d.regionId}|${d.partnerId}`;
    const acc = out.get(key) ?? { f: d, pipeline: new Dec(0), won: new Dec(0) };
    const counted = new Dec(d.amount).times(d.share);
    if (d.status === 'approved') acc.pipeline = acc.pipeline.plus(counted);
    else if (d.closedOn !== null && period.start <= d.closedOn && d.closedOn <= period.end) acc.won = acc.won.plus(counted);
    out.set(key, acc);
  }
  return [...out.values()].map(({ f, pipeline, won }) => ({
    industryId: f.industryId,
    regionId: f.regionId,
    partnerId: f.partnerId,
    openPipeline: pipeline.toFixed(),
    wonRevenue: won.toFixed(),
  }));
}

/** One quota'd agreement in force of a partner: its quota and achievement in its current evaluation period. */
export interface AgreementQuota {
  quota: string;
  achievement: string;
  period: EvaluationPeriod;
}

/**
 * A partner's quota facts over its quota'd agreements in force: quotas and achievements add up; the pace period is
 * that of the agreement with the largest quota (the first of them on a tie). Null when it has none.
 */
export function partnerQuota(agreements: readonly AgreementQuota[]): AgreementQuota | null {
  if (agreements.length === 0) return null;
  let out = agreements[0];
  let largest = out.quota;
  for (const a of agreements.slice(1)) {
    out = {
      quota: new Dec(out.quota).plus(a.quota).toFixed(),
      achievement: new Dec(out.achievement).plus(a.achievement).toFixed(),
      period: new Dec(a.quota).gt(largest) ? a.period : out.period,
    };
    largest = Dec.max(largest, a.quota).toFixed();
  }
  return out;
}

/** Certifications valid on `today` that expire before the agreement's last day (they lapse while it still runs). */
export function certificationsLapsingBefore(certs: readonly { expiresOn: string; revoked: boolean }[], agreementEndsOn: string | null, today: string): number {
  if (agreementEndsOn === null) return 0;
  return certs.filter((c) => !c.revoked && today <= c.expiresOn && c.expiresOn < agreementEndsOn).length;
}

// ---------------------------------------------------------------------------------------------------------------------
// The region tree

export interface RegionIndex {
  byId: ReadonlyMap<string, RegionInput>;
  /** Children by parent id ('' = the roots), sorted by code. */
  children(parentId: string | null): RegionInput[];
  /** The region itself and its ancestors, nearest first (memoised). */
  selfAndAncestors(regionId: string): readonly string[];
  depth(regionId: string): number;
}

export function regionIndex(regions: readonly RegionInput[]): RegionIndex {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const kids = new Map<string, RegionInput[]>();
  for (const r of regions) kids.set(r.parentId ?? '', [...(kids.get(r.parentId ?? '') ?? []), r]);
  for (const list of kids.values()) list.sort((a, b) => cmp(a.code, b.code) || cmp(a.id, b.id));
  const memo = new Map<string, string[]>();
  const selfAndAncestors = (id: string) => {
    let v = memo.get(id);
    if (!v) memo.set(id, (v = [id, ...ancestorsOf(id, byId)]));
    return v;
  };
  return {
    byId,
    children: (parentId) => kids.get(parentId ?? '') ?? [],
    selfAndAncestors,
    depth: (id) => selfAndAncestors(id).length - 1,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Roll-up

/** The additive part of a cell before partner facts are joined: distinct partners and exact sums. */
export interface CoverageBucket {
  partnerIds: Set<string>;
  openPipeline: Dec;
  wonRevenue: Dec;
}

const cellKey = (industryId: string, regionId: string) => `${industryId}|${regionId}`;
/** The bucket of an industry's nationwide partners: part of every cell of that industry. */
const everywhereKey = (industryId: string) => cellKey(industryId, '*');

/**
 * Rolls presence and money up the region tree: each fact is added to its own region and every ancestor, so a cell
 * holds its whole subtree. Money is summed exactly (a deal has one region, so nothing counts twice); partners are a
 * set of ids, so a partner present in two child regions is one partner of the parent. Nationwide partners go to one
 * bucket per industry (`everywhereKey`) that every cell of the industry adds (`bucketOf`). `partnerType` narrows all.
 */
export function rollUp(
  inputs: Pick<CoverageInputs, 'presence' | 'nationwide' | 'money' | 'partners' | 'industries'>,
  tree: RegionIndex,
  partnerType?: PartnerType,
): Map<string, CoverageBucket> {
  const typeOf = new Map(inputs.partners.map((p) => [p.id, p.type]));
  const keep = (partnerId: string) => partnerType === undefined || typeOf.get(partnerId) === partnerType;
  const out = new Map<string, CoverageBucket>();
  const bucket = (key: string) => {
    let b = out.get(key);
    if (!b) out.set(key, (b = { partnerIds: new Set(), openPipeline: new Dec(0), wonRevenue: new Dec(0) }));
    return b;
  };
  for (const p of inputs.presence) {
    if (!keep(p.partnerId)) continue;
    for (const r of tree.selfAndAncestors(p.regionId)) bucket(cellKey(p.industryId, r)).partnerIds.add(p.partnerId);
  }
  for (const n of inputs.nationwide ?? []) {
    if (!keep(n.partnerId)) continue;
    const industryIds = n.industryId === null ? inputs.industries.map((i) => i.id) : [n.industryId];
    for (const i of industryIds) bucket(everywhereKey(i)).partnerIds.add(n.partnerId);
  }
  for (const m of inputs.money) {
    if (!keep(m.partnerId)) continue;
    for (const r of tree.selfAndAncestors(m.regionId)) {
      const b = bucket(cellKey(m.industryId, r));
      b.openPipeline = b.openPipeline.plus(m.openPipeline);
      b.wonRevenue = b.wonRevenue.plus(m.wonRevenue);
    }
  }
  return out;
}

/** The partner-level measures of a set of distinct partners: by type, headcount, Σ quota / Σ achievement, lapsing. */
export function partnerMeasures(partnerIds: Iterable<string>, partners: ReadonlyMap<string, PartnerFact>) {
  let strategic = 0;
  let smb = 0;
  let certified = 0;
  let lapsing = 0;
  let quota = new Dec(0);
  let achievement = new Dec(0);
  const lapsingPartners: string[] = [];
  for (const id of partnerIds) {
    const p = partners.get(id);
    if (!p) continue;
    if (p.type === 'strategic') strategic++;
    else smb++;
    certified += p.certifiedHeadcount;
    lapsing += p.certificationsLapsing;
    if (p.certificationsLapsing > 0) lapsingPartners.push(p.id);
    quota = quota.plus(p.quota);
    achievement = achievement.plus(p.achievement);
  }
  return {
    partners: { strategic, smb, total: strategic + smb },
    certifiedHeadcount: certified,
    certificationsLapsing: lapsing,
    lapsingPartners: lapsingPartners.sort(),
    quota: quota.toFixed(2),
    achievement: achievement.toFixed(2),
    // Σ achievement ÷ Σ quota — a quota-weighted attainment, never a mean of the partners' percentages.
    attainmentPercent: attainmentOf(achievement, quota),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Exclusive holders and pace

/** The hold whose scope covers the whole cell on `today` (real scopes before drafts, then by partner name and id). */
export function exclusiveHolderOf(holds: readonly ExclusiveHold[], industryId: string, regionId: string, tree: RegionIndex, today: string): ExclusiveHold | null {
  const covering = holds.filter(
    (h) =>
      (h.agreementId === null || (h.from <= today && today <= h.until)) &&
      (h.industryId === null || h.industryId === industryId) &&
      (h.regionId === null || regionCovers(h.regionId, regionId, tree.byId)),
  );
  covering.sort((a, b) => Number(a.agreementId === null) - Number(b.agreementId === null) || cmp(a.partnerName, b.partnerName) || cmp(a.partnerId, b.partnerId));
  return covering[0] ?? null;
}

/** A partner's pace: attainment now vs the attainment expected by the elapsed share of its period. */
export function paceOf(p: Pick<PartnerFact, 'quota' | 'achievement' | 'period'>, today: string): { attainmentPercent: string | null; pacePercent: string | null; behind: boolean; shortfall: string } {
  const attainment = attainmentOf(p.achievement, p.quota);
  if (attainment === null || p.period === null) return { attainmentPercent: attainment, pacePercent: null, behind: false, shortfall: '0' };
  const pace = pacePercent(elapsedFraction(p.period, today));
  const behind = new Dec(attainment).lt(pace);
  return { attainmentPercent: attainment, pacePercent: pace, behind, shortfall: behind ? new Dec(pace).minus(attainment).toFixed(2) : '0' };
}

// ---------------------------------------------------------------------------------------------------------------------
// Gap flags, size, action

export interface GapContext {
  strategy: ChannelStrategy | null;
  partners: { strategic: number; smb: number; total: number };
  holderPace: { behind: boolean; shortfall: string } | null;
  certificationsLapsing: number;
  certifiedHeadcount: number;
}

/** The cell's gap flags, in `GAP_KINDS` order. Partner counts must be unfiltered by partner type. */
export function gapFlags(c: GapContext): GapKind[] {
  const out: GapKind[] = [];
  if (c.strategy === 'strategic' && c.partners.strategic === 0) out.push('no_strategic_partner');
  if (c.strategy === 'smb' && c.partners.total === 0) out.push('no_smb_partner');
  if (c.holderPace?.behind) out.push('exclusive_behind_pace');
  if (c.certificationsLapsing > 0) out.push('certifications_lapse');
  return out;
}

const ONE = new Dec(1);

/**
 * How big a gap is, 0–1 (4 decimals): an uncovered segment is a whole gap (1); an exclusive holder's pace shortfall
 * in percentage points ÷ 100 (behind by 25 points → 0.25); the lapsing certifications ÷ the certified headcount
 * (capped at 1; 1 when nobody is certified).
 */
export function gapSize(kind: GapKind, c: GapContext): string {
  switch (kind) {
    case 'no_strategic_partner':
    case 'no_smb_partner':
      return '1.0000';
    case 'exclusive_behind_pace':
      return Dec.min(ONE, new Dec(c.holderPace?.shortfall ?? 0).div(100)).toFixed(4);
    case 'certifications_lapse':
      return c.certifiedHeadcount <= 0 ? '1.0000' : Dec.min(ONE, new Dec(c.certificationsLapsing).div(c.certifiedHeadcount)).toFixed(4);
  }
}

/** Ranking score: market potential (0–100; 0 when unrated) × gap size. */
export function gapScore(marketPotential: number | null, size: string): string {
  return new Dec(marketPotential ?? 0).times(size).toFixed(4);
}

/**
 * The action a gap suggests. Coverage gaps recruit the partner type their quadrant calls for. In the direct-sales
 * quadrant (high potential, easy to win — DOMAIN §2) the vendor sells itself, so a lagging exclusive holder or lapsing
 * certifications there suggest leaving the segment to direct sales rather than investing in the partner.
 */
export function suggestedAction(kind: GapKind, strategy: ChannelStrategy | null): SuggestedAction {
  switch (kind) {
    case 'no_strategic_partner':
      return 'recruit_strategic';
    case 'no_smb_partner':
      return 'recruit_smb';
    case 'exclusive_behind_pace':
      return strategy === 'direct' ? 'leave_to_direct_sales' : 'review_exclusive_holder';
    case 'certifications_lapse':
      return strategy === 'direct' ? 'leave_to_direct_sales' : 'renew_certifications';
  }
}

/** Where the action starts in the admin app (a route and its filters; the app builds the link). */
export function actionLink(action: SuggestedAction, industryId: string, regionId: string, holderAgreementId: string | null): LinkTarget {
  switch (action) {
    case 'recruit_strategic':
      return { to: '/partners', search: { view: 'queue', type: 'strategic', industryId, regionId } };
    case 'recruit_smb':
      return { to: '/partners', search: { view: 'queue', type: 'smb', industryId, regionId } };
    case 'review_exclusive_holder':
      return holderAgreementId
        ? { to: '/agreements/$agreementId', params: { agreementId: holderAgreementId } }
        : { to: '/segments', search: { industryId, regionId } };
    case 'renew_certifications':
      return { to: '/training/certifications', search: { status: 'expiring', industryId, regionId } };
    case 'leave_to_direct_sales':
      return { to: '/segments', search: { industryId, regionId } };
  }
}

/** The value the heat map colours a cell by; null where the measure has none (attainment without quota). */
export function heatValue(measure: CoverageMeasure, c: Pick<CoverageCell, 'partners' | 'openPipeline' | 'wonRevenue' | 'certifiedHeadcount' | 'attainmentPercent' | 'gaps'>): string | null {
  switch (measure) {
    case 'partners':
      return String(c.partners.total);
    case 'pipeline':
      return c.openPipeline;
    case 'won':
      return c.wonRevenue;
    case 'certified':
      return String(c.certifiedHeadcount);
    case 'attainment':
      return c.attainmentPercent;
    case 'gaps':
      return String(c.gaps.length);
  }
}

/** Smallest and largest non-null heat value (exact compare), null when every cell is null. */
export function heatRange(values: readonly (string | null)[]): { min: string; max: string } | null {
  const v = values.filter((x): x is string => x !== null);
  if (v.length === 0) return null;
  let min = v[0];
  let max = v[0];
  for (const x of v) {
    if (new Dec(x).lt(min)) min = x;
    if (new Dec(x).gt(max)) max = x;
  }
  return { min, max };
}

// ---------------------------------------------------------------------------------------------------------------------
// Cells and the matrix

/** Everything needed to evaluate cells of one set of inputs (built once per request). */
export interface CoverageModel {
  inputs: CoverageInputs;
  tree: RegionIndex;
  partners: ReadonlyMap<string, PartnerFact>;
  segments: ReadonlyMap<string, SegmentInput>;
  /** Unfiltered roll-up: gap flags always look at every partner. */
  all: Map<string, CoverageBucket>;
  /** Roll-up narrowed by the partner-type filter (the same map when there is none). */
  shown: Map<string, CoverageBucket>;
}

export function coverageModel(inputs: CoverageInputs, partnerType?: PartnerType): CoverageModel {
  const tree = regionIndex(inputs.regions);
  const all = rollUp(inputs, tree);
  return {
    inputs,
    tree,
    partners: new Map(inputs.partners.map((p) => [p.id, p])),
    segments: new Map(inputs.segments.map((s) => [cellKey(s.industryId, s.regionId), s])),
    all,
    shown: partnerType ? rollUp(inputs, tree, partnerType) : all,
  };
}

const EMPTY: CoverageBucket = { partnerIds: new Set(), openPipeline: new Dec(0), wonRevenue: new Dec(0) };

/** A cell's rolled-up bucket with its industry's nationwide partners added. */
function bucketOf(rolled: ReadonlyMap<string, CoverageBucket>, industryId: string, regionId: string): CoverageBucket {
  const b = rolled.get(cellKey(industryId, regionId)) ?? EMPTY;
  const everywhere = rolled.get(everywhereKey(industryId));
  return everywhere ? { ...b, partnerIds: new Set([...b.partnerIds, ...everywhere.partnerIds]) } : b;
}

/** A cell with its roll-up, holder, flags and the figures the gap list needs. */
export function evaluateCell(model: CoverageModel, industryId: string, regionId: string, measure: CoverageMeasure) {
  const key = cellKey(industryId, regionId);
  const segment = model.segments.get(key) ?? null;
  const shown = bucketOf(model.shown, industryId, regionId);
  const every = bucketOf(model.all, industryId, regionId);
  const m = partnerMeasures(shown.partnerIds, model.partners);
  const unfiltered = model.shown === model.all ? m : partnerMeasures(every.partnerIds, model.partners);
  const hold = exclusiveHolderOf(model.inputs.holds, industryId, regionId, model.tree, model.inputs.today);
  const holderFact = hold ? model.partners.get(hold.partnerId) : undefined;
  const pace = hold && holderFact ? paceOf(holderFact, model.inputs.today) : null;
  const ctx: GapContext = {
    strategy: segment?.strategy ?? null,
    partners: unfiltered.partners,
    holderPace: pace,
    certificationsLapsing: unfiltered.certificationsLapsing,
    certifiedHeadcount: unfiltered.certifiedHeadcount,
  };
  const gaps = gapFlags(ctx);
  const base = {
    industryId,
    regionId,
    segmentId: segment?.id ?? null,
    strategy: segment?.strategy ?? null,
    marketPotential: segment?.marketPotential ?? null,
    partners: m.partners,
    exclusiveHolder: hold ? { id: hold.partnerId, name: hold.partnerName, agreementId: hold.agreementId } : null,
    openPipeline: shown.openPipeline.toFixed(2),
    wonRevenue: shown.wonRevenue.toFixed(2),
    certifiedHeadcount: m.certifiedHeadcount,
    quota: m.quota,
    achievement: m.achievement,
    attainmentPercent: m.attainmentPercent,
    gaps,
  };
  const cell: CoverageCell = { ...base, heat: heatValue(measure, base) };
  return { cell, ctx, hold, pace, lapsingPartners: unfiltered.lapsingPartners };
}

export interface MatrixOptions {
  parentRegionId: string | null;
  industryId?: string;
  partnerType?: PartnerType;
  measure: CoverageMeasure;
}
export interface DashboardFreshness {
  asOf: string;
  staleSeconds: number;
  period: { key: string; start: string; end: string };
}

const regionRef = (r: RegionInput) => ({ id: r.id, code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, level: r.level });
const industryRef = (i: IndustryInput) => ({ id: i.id, code: i.code, nameZh: i.nameZh, nameEn: i.nameEn });
const sortedIndustries = (inputs: CoverageInputs, industryId?: string) =>
  inputs.industries.filter((i) => !industryId || i.id === industryId).sort((a, b) => cmp(a.code, b.code) || cmp(a.id, b.id));

/** The matrix: rows = industries, columns = the children of the parent region (the roots at the top). */
export function coverageMatrix(model: CoverageModel, o: MatrixOptions, meta: DashboardFreshness): CoverageMatrix {
  const { tree } = model;
  const parent = o.parentRegionId ? (tree.byId.get(o.parentRegionId) ?? null) : null;
  const columns = tree.children(parent?.id ?? null);
  const rows = sortedIndustries(model.inputs, o.industryId).map((i) => ({
    industry: industryRef(i),
    cells: columns.map((c) => evaluateCell(model, i.id, c.id, o.measure).cell),
    total: parent ? evaluateCell(model, i.id, parent.id, o.measure).cell : null,
  }));
  return {
    asOf: meta.asOf,
    staleSeconds: meta.staleSeconds,
    period: meta.period,
    measure: o.measure,
    parent: parent ? regionRef(parent) : null,
    breadcrumb: parent ? [...tree.selfAndAncestors(parent.id)].reverse().map((id) => regionRef(tree.byId.get(id)!)) : [],
    columns: columns.map((c) => ({ ...regionRef(c), hasChildren: tree.children(c.id).length > 0 })),
    rows,
    heatRange: heatRange(rows.flatMap((r) => r.cells.map((c) => c.heat))),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Behind a cell

/**
 * The partners of a cell (narrowed by partner type), each once, with the child regions of the cell it is present in
 * (the cell's own region when present at the cell's level); sorted by name, then id.
 */
export function cellPartners(model: CoverageModel, industryId: string, regionId: string, partnerType?: PartnerType): CellPartner[] {
  const { tree, inputs } = model;
  const regionsOf = new Map<string, Set<string>>();
  for (const p of inputs.presence) {
    if (p.industryId !== industryId) continue;
    const path = tree.selfAndAncestors(p.regionId);
    const at = path.indexOf(regionId);
    if (at < 0) continue;
    const fact = model.partners.get(p.partnerId);
    if (!fact || (partnerType && fact.type !== partnerType)) continue;
    const set = regionsOf.get(p.partnerId) ?? new Set<string>();
    set.add(at === 0 ? regionId : path[at - 1]);
    regionsOf.set(p.partnerId, set);
  }
  // A nationwide partner is present at the cell's own level.
  for (const n of inputs.nationwide ?? []) {
    if (n.industryId !== null && n.industryId !== industryId) continue;
    const fact = model.partners.get(n.partnerId);
    if (!fact || (partnerType && fact.type !== partnerType)) continue;
    regionsOf.set(n.partnerId, (regionsOf.get(n.partnerId) ?? new Set<string>()).add(regionId));
  }
  const holders = new Set(
    inputs.holds
      .filter((h) => h.from <= inputs.today && inputs.today <= h.until && (h.industryId === null || h.industryId === industryId))
      .filter((h) => h.regionId === null || regionCovers(h.regionId, regionId, tree.byId) || regionCovers(regionId, h.regionId, tree.byId))
      .map((h) => h.partnerId),
  );
  return [...regionsOf.entries()]
    .map(([id, regions]) => {
      const p = model.partners.get(id)!;
      const pace = paceOf(p, inputs.today);
      return {
        id,
        name: p.name,
        type: p.type,
        regionIds: [...regions].sort(),
        exclusive: holders.has(id),
        certifiedHeadcount: p.certifiedHeadcount,
        certificationsLapsing: p.certificationsLapsing,
        agreementEndsOn: p.agreementEndsOn,
        quota: new Dec(p.quota).toFixed(2),
        achievement: new Dec(p.achievement).toFixed(2),
        attainmentPercent: pace.attainmentPercent,
        pacePercent: pace.pacePercent,
      };
    })
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
}

/** A deal as the cell's detail lists it. */
export interface CellDealInput extends DealFact {
  id: string;
  customerName: string;
  partnerName: string;
}

/**
 * The deals behind a cell's money: approved ones (pipeline) and those won in the period (won revenue), in the cell's
 * subtree, narrowed by partner type; largest counted amount first, then id; at most `limit`, with the total count.
 */
export function cellDeals(
  model: CoverageModel,
  deals: readonly CellDealInput[],
  q: { industryId: string; regionId: string; period: { start: string; end: string }; partnerType?: PartnerType; limit: number },
) {
  const inCell = deals.filter((d) => {
    if (d.industryId !== q.industryId || !model.tree.selfAndAncestors(d.regionId).includes(q.regionId)) return false;
    if (q.partnerType && model.partners.get(d.partnerId)?.type !== q.partnerType) return false;
    return d.status === 'approved' || (d.closedOn !== null && q.period.start <= d.closedOn && d.closedOn <= q.period.end);
  });
  const rows = inCell.map((d) => ({
    id: d.id,
    customerName: d.customerName,
    partnerId: d.partnerId,
    partnerName: d.partnerName,
    regionId: d.regionId,
    status: d.status,
    amount: d.amount,
    share: d.share,
    counted: countedAmount(d),
    closedOn: d.closedOn,
  }));
  rows.sort((a, b) => new Dec(b.counted).cmp(a.counted) || cmp(a.id, b.id));
  return { deals: rows.slice(0, q.limit), dealsTotal: rows.length };
}

// ---------------------------------------------------------------------------------------------------------------------
// The gap list

const LEVEL_ORDER: Record<RegionLevel, number> = { country: 0, province: 1, city: 2 };

/**
 * Ranks gaps: score (potential × size) descending; ties by kind (`GAP_KINDS` order), then the broader region first
 * (country, province, city), then industry code, region code, industry id, region id — the same inputs always give the
 * same order.
 */
export function compareGaps(a: Omit<GapItem, 'rank'>, b: Omit<GapItem, 'rank'>): number {
  return (
    new Dec(b.score).cmp(a.score) ||
    GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind) ||
    LEVEL_ORDER[a.region.level] - LEVEL_ORDER[b.region.level] ||
    cmp(a.industry.code, b.industry.code) ||
    cmp(a.region.code, b.region.code) ||
    cmp(a.industry.id, b.industry.id) ||
    cmp(a.region.id, b.region.id)
  );
}

export interface GapOptions {
  regionId?: string;
  industryId?: string;
  kind?: GapKind;
}

/**
 * The gaps of the rated segments in the region's subtree (the region itself included; every level), ranked. A holder
 * behind pace, or the same partners' lapsing certifications, flag every cell under the scope; such a gap is listed
 * once, at the broadest rated segment that carries it (a descendant with the same cause is left out).
 */
export function rankedGaps(model: CoverageModel, o: GapOptions = {}): GapItem[] {
  const { tree } = model;
  const candidates: (Omit<GapItem, 'rank'> & { cause: string | null })[] = [];
  for (const s of model.inputs.segments) {
    if (o.industryId && s.industryId !== o.industryId) continue;
    if (o.regionId && !tree.selfAndAncestors(s.regionId).includes(o.regionId)) continue;
    const region = tree.byId.get(s.regionId);
    const industry = model.inputs.industries.find((i) => i.id === s.industryId);
    if (!region || !industry) continue;
    const e = evaluateCell(model, s.industryId, s.regionId, 'gaps');
    for (const kind of e.cell.gaps) {
      if (o.kind && kind !== o.kind) continue;
      const size = gapSize(kind, e.ctx);
      const action = suggestedAction(kind, s.strategy);
      candidates.push({
        kind,
        industry: industryRef(industry),
        region: regionRef(region),
        strategy: s.strategy,
        marketPotential: s.marketPotential,
        size,
        score: gapScore(s.marketPotential, size),
        action,
        link: actionLink(action, s.industryId, s.regionId, e.hold?.agreementId ?? null),
        holder: kind === 'exclusive_behind_pace' && e.hold ? { id: e.hold.partnerId, name: e.hold.partnerName, agreementId: e.hold.agreementId } : null,
        attainmentPercent: kind === 'exclusive_behind_pace' ? (e.pace?.attainmentPercent ?? null) : e.cell.attainmentPercent,
        pacePercent: kind === 'exclusive_behind_pace' ? (e.pace?.pacePercent ?? null) : null,
        certificationsLapsing: e.ctx.certificationsLapsing,
        certifiedHeadcount: e.ctx.certifiedHeadcount,
        cause:
          kind === 'exclusive_behind_pace' ? `holder:${e.hold?.agreementId ?? e.hold?.partnerId}` : kind === 'certifications_lapse' ? `lapse:${e.lapsingPartners.join(',')}` : null,
      });
    }
  }
  const byCause = new Set(candidates.filter((c) => c.cause).map((c) => `${c.industry.id}|${c.region.id}|${c.kind}|${c.cause}`));
  const kept = candidates.filter(
    (c) => c.cause === null || !tree.selfAndAncestors(c.region.id).slice(1).some((a) => byCause.has(`${c.industry.id}|${a}|${c.kind}|${c.cause}`)),
  );
  return kept
    .map(({ cause: _cause, ...g }) => g)
    .sort(compareGaps)
    .map((g, i) => ({ rank: i + 1, ...g }));
}

// ---------------------------------------------------------------------------------------------------------------------
// Planning mode

/** The drafted partner id of the n-th recruit of target t (never a real id; only counted, never listed). */
const recruitId = (t: number, n: number) => `plan:recruit:${t}:${n}`;

/**
 * Draft exclusive scopes that would overlap an exclusive scope already held — or an earlier draft of the same plan —
 * on a common day: the same industry (or an all-industries holder) and one region covering the other (the same
 * region, the holder's region an ancestor of the draft's, or the draft's an ancestor of the holder's).
 */
export function exclusiveOverlaps(drafts: readonly DraftExclusiveScope[], holds: readonly ExclusiveHold[], tree: RegionIndex, partnerNames: ReadonlyMap<string, string>): ExclusiveOverlap[] {
  const out: ExclusiveOverlap[] = [];
  const covers = (scope: string, region: string) => regionCovers(scope, region, tree.byId);
  const existing: ExclusiveHold[] = [...holds];
  drafts.forEach((d, draftIndex) => {
    for (const h of existing) {
      if (!termsOverlap({ startDate: d.start, endDate: d.end }, { startDate: h.from, endDate: h.until })) continue;
      if (!scopesOverlap({ industryId: d.industryId, regionId: d.regionId }, { industryId: h.industryId, regionId: h.regionId }, covers)) continue;
      const relation = h.regionId === d.regionId ? 'same_region' : h.regionId === null || covers(h.regionId, d.regionId) ? 'holder_covers_draft' : 'draft_covers_holder';
      out.push({
        draftIndex,
        relation,
        holder: { id: h.partnerId, name: h.partnerName, agreementId: h.agreementId },
        industryId: h.industryId,
        regionId: h.regionId,
        from: h.from,
        until: h.until,
      });
    }
    existing.push(draftHold(d, partnerNames));
  });
  return out;
}

const draftHold = (d: DraftExclusiveScope, names: ReadonlyMap<string, string>): ExclusiveHold => ({
  agreementId: null,
  partnerId: d.partnerId,
  partnerName: names.get(d.partnerId) ?? '',
  industryId: d.industryId,
  regionId: d.regionId,
  from: d.start,
  until: d.end,
});

/**
 * The inputs as they would be with the drafts: each recruitment target adds `count` partners of its type present in
 * the segment (no certified staff, no quota yet); each exclusive scope makes its partner present in the segment and a
 * holder of every cell it covers (drafts count as in force whatever their dates; overlaps are reported separately).
 */
export function applyDrafts(inputs: CoverageInputs, drafts: { exclusiveScopes: readonly DraftExclusiveScope[]; recruitmentTargets: readonly DraftRecruitmentTarget[] }): CoverageInputs {
  const presence = [...inputs.presence];
  const partners = [...inputs.partners];
  drafts.recruitmentTargets.forEach((t, ti) => {
    for (let n = 0; n < t.count; n++) {
      const id = recruitId(ti, n);
      partners.push({ id, name: '', type: t.partnerType, certifiedHeadcount: 0, certificationsLapsing: 0, agreementEndsOn: null, quota: '0', achievement: '0', period: null });
      presence.push({ industryId: t.industryId, regionId: t.regionId, partnerId: id });
    }
  });
  const names = new Map(inputs.partners.map((p) => [p.id, p.name]));
  for (const d of drafts.exclusiveScopes) presence.push({ industryId: d.industryId, regionId: d.regionId, partnerId: d.partnerId });
  return { ...inputs, presence, partners, holds: [...inputs.holds, ...drafts.exclusiveScopes.map((d) => draftHold(d, names))] };
}

const gapKey = (g: { industry: { id: string }; region: { id: string }; kind: GapKind }) => `${g.industry.id}|${g.region.id}|${g.kind}`;

/** Planning mode: the matrix and gaps as they would be, the gaps the drafts close and open, and exclusive overlaps. */
export function planCoverage(
  inputs: CoverageInputs,
  o: MatrixOptions & { exclusiveScopes: readonly DraftExclusiveScope[]; recruitmentTargets: readonly DraftRecruitmentTarget[] },
  meta: DashboardFreshness,
): CoveragePlan {
  const shown = o.industryId ? narrowToIndustries(inputs, new Set([o.industryId])) : inputs;
  // Drafts name one industry each, so only those industries' gaps can change: "before" is computed for them alone.
  const touched = new Set([...o.exclusiveScopes, ...o.recruitmentTargets].map((d) => d.industryId));
  const before = coverageModel(narrowToIndustries(shown, touched), o.partnerType);
  const after = coverageModel(applyDrafts(shown, o), o.partnerType);
  const matrix = coverageMatrix(after, o, meta);
  const gapOptions = { regionId: o.parentRegionId ?? undefined, industryId: o.industryId };
  const gapsBefore = rankedGaps(before, gapOptions);
  const gaps = rankedGaps(after, gapOptions);
  const beforeKeys = new Set(gapsBefore.map(gapKey));
  const afterKeys = new Set(gaps.map(gapKey));
  const key = (g: GapItem) => ({ industryId: g.industry.id, regionId: g.region.id, kind: g.kind });
  for (const row of matrix.rows) for (const cell of [...row.cells, ...(row.total ? [row.total] : [])]) annotate(cell, o, after);
  return {
    matrix,
    gaps,
    closedGaps: gapsBefore.filter((g) => !afterKeys.has(gapKey(g))).map(key),
    openedGaps: gaps.filter((g) => touched.has(g.industry.id) && !beforeKeys.has(gapKey(g))).map(key),
    overlaps: exclusiveOverlaps(o.exclusiveScopes, inputs.holds, before.tree, new Map(inputs.partners.map((p) => [p.id, p.name]))),
  };
}

/** The inputs of some industries only (partners, holds and the tree stay whole). */
export function narrowToIndustries(inputs: CoverageInputs, industryIds: ReadonlySet<string>): CoverageInputs {
  const keep = (f: { industryId: string }) => industryIds.has(f.industryId);
  return {
    ...inputs,
    industries: inputs.industries.filter((i) => industryIds.has(i.id)),
    segments: inputs.segments.filter(keep),
    presence: inputs.presence.filter(keep),
    nationwide: inputs.nationwide?.filter((n) => n.industryId === null || industryIds.has(n.industryId)),
    money: inputs.money.filter(keep),
  };
}

/** Marks what the drafts add to a cell: recruits whose segment lies in the cell, a drafted scope covering it. */
function annotate(cell: CoverageCell, o: Parameters<typeof planCoverage>[1], model: CoverageModel): void {
  const recruits = { strategic: 0, smb: 0 };
  for (const t of o.recruitmentTargets) {
    if (t.industryId === cell.industryId && model.tree.selfAndAncestors(t.regionId).includes(cell.regionId)) recruits[t.partnerType] += t.count;
  }
  const draft = exclusiveHolderOf(
    model.inputs.holds.filter((h) => h.agreementId === null),
    cell.industryId,
    cell.regionId,
    model.tree,
    model.inputs.today,
  );
  if (recruits.strategic + recruits.smb > 0 || draft) {
    cell.planned = { recruits, exclusiveHolder: draft ? { id: draft.partnerId, name: draft.partnerName } : null };
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
