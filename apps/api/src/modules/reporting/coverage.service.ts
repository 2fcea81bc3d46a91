import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  cellDeals,
  cellPartners,
  type CoverageCellDetail,
  type CoverageCellQuery,
  type CoverageInputs,
  type CoverageMatrix,
  type CoveragePlan,
  type CoveragePlanRequest,
  type CoverageQuery,
  coverageMatrix,
  coverageModel,
  type DashboardFreshness,
  dashboardPeriod,
  Dec,
  evaluateCell,
  type GapList,
  type GapsQuery,
  type MoneyFact,
  planCoverage,
  type PresenceFact,
  rankedGaps,
  type Scope,
} from '@partnerline/domain';
import { AppError } from '../../common/errors/app-error';
import { businessToday } from '../../common/time';
import { CoverageRepository } from './coverage.repository';

/** Views older than this are refreshed in the background when read (the job refreshes them every minute anyway). */
const STALE_AFTER_MS = 55_000;

/**
 * The leadership view (issue #16, ADR 0019): reads the reporting views and the small live facts, and answers with the
 * domain's pure roll-up, gap and plan rules (coverage.rules.ts). Nothing here writes but the refresh.
 */
@Injectable()
export class CoverageService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CoverageService.name);
  private refreshing: Promise<void> | null = null;
  private closing = false;

  constructor(private readonly repo: CoverageRepository) {}

  /** At start-up: the views are filled by the migration (empty before the seed), so refresh once in the background. */
  onApplicationBootstrap() {
    void this.refresh().catch(() => undefined);
  }

  /** Lets a refresh still running at shutdown finish quietly (its connection may be gone). */
  async onApplicationShutdown() {
    this.closing = true;
    await this.refreshing?.catch(() => undefined);
  }

  /**
   * Refreshes the views concurrently, one refresh at a time in this process (a second caller waits for the running
   * one). Returns after the refresh time is recorded.
   */
  refresh(): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = this.repo
        .refresh(new Date())
        .then((ms) => {
          if (ms > 2000) this.logger.warn(`coverage views refreshed in ${ms} ms`);
        })
        .catch((err: unknown) => {
          if (!this.closing) this.logger.error(`coverage refresh failed: ${err instanceof Error ? err.message : String(err)}`);
          throw err;
        })
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  /** asOf and staleSeconds; refreshes first when the views were never refreshed, in the background when stale. */
  private async freshness(): Promise<{ asOf: string; staleSeconds: number }> {
    let last = await this.repo.lastRefresh();
    if (!last) {
      await this.refresh();
      last = (await this.repo.lastRefresh()) ?? new Date();
    } else if (Date.now() - last.getTime() > STALE_AFTER_MS) {
      void this.refresh().catch(() => undefined);
    }
    return { asOf: last.toISOString(), staleSeconds: Math.max(0, Math.floor((Date.now() - last.getTime()) / 1000)) };
  }

  /** Everything the rules need for one request, narrowed to the scope's partners. */
  private async inputs(
    scope: Scope,
    periodKey: string | undefined,
    productLineId?: string,
  ): Promise<{ inputs: CoverageInputs; meta: DashboardFreshness; nationwide: NationwidePresence[] }> {
    const fresh = await this.freshness();
    const today = businessToday();
    const period = dashboardPeriod(today, periodKey);
    // One query after another: the embedded database has a single session.
    const industries = await this.repo.industries();
    const regions = await this.repo.regions();
    const segments = await this.repo.segments();
    const presence = await this.repo.presence(scope);
    const money = await this.repo.dealMoney(scope, period, productLineId);
    const partners = await this.repo.partnerFacts(scope, today);
    const holds = await this.repo.holds(scope);
    const nationwide = await this.repo.nationwidePresence(scope);
    return {
      inputs: { today, industries, regions, segments, presence, money: moneyFacts(money), partners, holds },
      meta: { ...fresh, period },
      nationwide,
    };
  }

  /** The drilled-into region: the one asked for (404 when unknown), else the root of the tree ('China'). */
  private parentOf(inputs: CoverageInputs, regionId: string | undefined): string | null {
    if (regionId) {
      if (!inputs.regions.some((r) => r.id === regionId)) throw AppError.notFound('region', regionId);
      return regionId;
    }
    // China is the home market (the other countries are its siblings at the top of the tree).
    const roots = inputs.regions.filter((r) => r.parentId === null);
    return (roots.find((r) => r.code === 'CN') ?? roots[0])?.id ?? null;
  }

  private checkIndustry(inputs: CoverageInputs, industryId: string | undefined): void {
    if (industryId && !inputs.industries.some((i) => i.id === industryId)) throw AppError.notFound('industry', industryId);
  }

  async matrix(scope: Scope, q: CoverageQuery): Promise<CoverageMatrix> {
    const { inputs: read, meta, nationwide } = await this.inputs(scope, q.period, q.productLineId);
    this.checkIndustry(read, q.industryId);
    const parentRegionId = this.parentOf(read, q.regionId);
    const inputs = withNationwide(read, nationwide, matrixCells(read, parentRegionId, q.industryId));
    return coverageMatrix(coverageModel(inputs, q.partnerType), { parentRegionId, industryId: q.industryId, partnerType: q.partnerType, measure: q.measure }, meta);
  }

  async cell(scope: Scope, q: CoverageCellQuery): Promise<CoverageCellDetail> {
    const { inputs: read, meta, nationwide } = await this.inputs(scope, q.period, q.productLineId);
    this.checkIndustry(read, q.industryId);
    this.parentOf(read, q.regionId);
    const inputs = withNationwide(read, nationwide, [{ industryId: q.industryId, regionId: q.regionId }]);
    const model = coverageModel(inputs, q.partnerType);
    const industry = inputs.industries.find((i) => i.id === q.industryId)!;
    const region = inputs.regions.find((r) => r.id === q.regionId)!;
    const deals = await this.repo.cellDeals(scope, q.industryId, q.regionId, meta.period, q.productLineId);
    const listed = cellDeals(model, deals, { industryId: q.industryId, regionId: q.regionId, period: meta.period, partnerType: q.partnerType, limit: q.dealsLimit });
    return {
      asOf: meta.asOf,
      staleSeconds: meta.staleSeconds,
      period: meta.period,
      industry: { id: industry.id, code: industry.code, nameZh: industry.nameZh, nameEn: industry.nameEn },
      region: { id: region.id, code: region.code, nameZh: region.nameZh, nameEn: region.nameEn, level: region.level },
      cell: evaluateCell(model, q.industryId, q.regionId, 'pipeline').cell,
      partners: cellPartners(model, q.industryId, q.regionId, q.partnerType),
      deals: listed.deals,
      dealsTotal: listed.dealsTotal,
    };
  }

  async gaps(scope: Scope, q: GapsQuery): Promise<GapList> {
    const { inputs: read, meta, nationwide } = await this.inputs(scope, q.period, q.productLineId);
    this.checkIndustry(read, q.industryId);
    if (q.regionId) this.parentOf(read, q.regionId);
    const inputs = withNationwide(read, nationwide, segmentCells(read, q.regionId ?? null, q.industryId));
    const all = rankedGaps(coverageModel(inputs, q.partnerType), { regionId: q.regionId, industryId: q.industryId, kind: q.kind });
    return { asOf: meta.asOf, staleSeconds: meta.staleSeconds, period: meta.period, items: all.slice(0, q.limit), total: all.length };
  }

  /** Planning mode: the drafts applied in memory; nothing is written. */
  async plan(scope: Scope, q: CoveragePlanRequest): Promise<CoveragePlan> {
    const { inputs: read, meta, nationwide } = await this.inputs(scope, q.period, q.productLineId);
    this.checkIndustry(read, q.industryId);
    const parentRegionId = this.parentOf(read, q.regionId);
    for (const d of [...q.exclusiveScopes, ...q.recruitmentTargets]) {
      this.checkIndustry(read, d.industryId);
      this.parentOf(read, d.regionId);
    }
    // The plan answers the matrix's cells and the gaps of the drilled-into subtree.
    const inputs = withNationwide(read, nationwide, [...matrixCells(read, parentRegionId, q.industryId), ...segmentCells(read, parentRegionId, q.industryId)]);
    // A drafted scope's partner may lie outside the scope's partner facts: give it its name for the overlap list.
    return planCoverage(
      inputs,
      {
        parentRegionId,
        industryId: q.industryId,
        partnerType: q.partnerType,
        measure: q.measure,
        exclusiveScopes: q.exclusiveScopes,
        recruitmentTargets: q.recruitmentTargets,
      },
      meta,
    );
  }
}

/** The deals view's rows summed per segment and partner: approved → pipeline, won in the period → won revenue. */
function moneyFacts(rows: readonly { industryId: string; regionId: string; partnerId: string; status: 'approved' | 'won'; amount: string }[]): MoneyFact[] {
  const out = new Map<string, { industryId: string; regionId: string; partnerId: string; pipeline: Dec; won: Dec }>();
  for (const r of rows) {
    const key = `${r.industryId}|${r.regionId}|${r.partnerId}`;
    const acc = out.get(key) ?? { industryId: r.industryId, regionId: r.regionId, partnerId: r.partnerId, pipeline: new Dec(0), won: new Dec(0) };
    if (r.status === 'approved') acc.pipeline = acc.pipeline.plus(r.amount);
    else acc.won = acc.won.plus(r.amount);
    out.set(key, acc);
  }
  return [...out.values()].map((a) => ({ industryId: a.industryId, regionId: a.regionId, partnerId: a.partnerId, openPipeline: a.pipeline.toFixed(), wonRevenue: a.won.toFixed() }));
}

/** A partner present through an agreement scope with no region (the whole country); null industry = every industry. */
type NationwidePresence = { industryId: string | null; partnerId: string };
type CellRef = { industryId: string; regionId: string };

/** The matrix's cells: its industries (or the one asked for) × the drilled-into region and its child regions. */
function matrixCells(inputs: CoverageInputs, parentRegionId: string | null, industryId?: string): CellRef[] {
  const regionIds = [...(parentRegionId ? [parentRegionId] : []), ...inputs.regions.filter((r) => r.parentId === parentRegionId).map((r) => r.id)];
  const industryIds = industryId ? [industryId] : inputs.industries.map((i) => i.id);
  return industryIds.flatMap((i) => regionIds.map((r) => ({ industryId: i, regionId: r })));
}

/** The rated segments the gap list ranks: those in the region's subtree (every segment without one), of the industry. */
function segmentCells(inputs: CoverageInputs, regionId: string | null, industryId?: string): CellRef[] {
  const parentOf = new Map(inputs.regions.map((r) => [r.id, r.parentId]));
  const under = (id: string): boolean => {
    for (let at: string | null | undefined = id, guard = 0; at && guard < 64; at = parentOf.get(at), guard++) if (at === regionId) return true;
    return false;
  };
  return inputs.segments
    .filter((s) => (!industryId || s.industryId === industryId) && (regionId === null || under(s.regionId)))
    .map((s) => ({ industryId: s.industryId, regionId: s.regionId }));
}

/**
 * Nationwide presence made explicit where it is answered: the presence view records a scope with no region at the top
 * of the tree only, so without this such a partner would be missing from every province and city. Each nationwide
 * partner becomes present in each given cell of its industry (every industry when its scope has none); the roll-up
 * counts partners as a set, so a partner is counted once per cell, and money is untouched (deals keep their region).
 */
function withNationwide(inputs: CoverageInputs, nationwide: readonly NationwidePresence[], cells: readonly CellRef[]): CoverageInputs {
  if (nationwide.length === 0 || cells.length === 0) return inputs;
  const everyIndustry = nationwide.filter((n) => n.industryId === null).map((n) => n.partnerId);
  const byIndustry = new Map<string, string[]>();
  for (const n of nationwide) if (n.industryId !== null) byIndustry.set(n.industryId, [...(byIndustry.get(n.industryId) ?? []), n.partnerId]);
  const added: PresenceFact[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    for (const partnerId of [...everyIndustry, ...(byIndustry.get(c.industryId) ?? [])]) {
      const key = `${c.industryId}|${c.regionId}|${partnerId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      added.push({ industryId: c.industryId, regionId: c.regionId, partnerId });
    }
  }
  return added.length === 0 ? inputs : { ...inputs, presence: [...inputs.presence, ...added] };
}
