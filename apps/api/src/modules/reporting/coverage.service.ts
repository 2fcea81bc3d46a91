import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
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
  evaluateCell,
  type GapList,
  type GapsQuery,
  moneyFactsOfDeals,
  planCoverage,
  rankedGaps,
  type Scope,
  staleSeconds,
} from '@partnerline/domain';
import { AppError } from '../../common/errors/app-error';
import { businessToday } from '../../common/time';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CoverageRepository } from './coverage.repository';

/** Where no job runs, views older than this are refreshed in the background when read. */
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
  /** Jobs disabled (the embedded database): no minute job (CoverageRefresher), so start-up and stale reads refresh. */
  private readonly refreshOnRead: boolean;

  constructor(
    private readonly repo: CoverageRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.refreshOnRead = !config.JOBS_ENABLED;
  }

  /**
   * At start-up, where no job runs: the views are filled by the migration (empty before the seed), so refresh once in
   * the background. Where jobs run, the minute job does it.
   */
  onApplicationBootstrap() {
    if (this.refreshOnRead) void this.refresh().catch(() => undefined);
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

  /**
   * asOf and staleSeconds; refreshes first when the views were never refreshed, and, where no job runs, in the
   * background when stale.
   */
  private async freshness(): Promise<{ asOf: string; staleSeconds: number }> {
    let last = await this.repo.lastRefresh();
    if (!last) {
      await this.refresh();
      last = (await this.repo.lastRefresh()) ?? new Date();
    } else if (this.refreshOnRead && Date.now() - last.getTime() > STALE_AFTER_MS) {
      void this.refresh().catch(() => undefined);
    }
    return { asOf: last.toISOString(), staleSeconds: staleSeconds(last.toISOString(), new Date().toISOString()) };
  }

  /** Everything the rules need for one request, narrowed to the scope's partners. */
  private async inputs(
    scope: Scope,
    periodKey: string | undefined,
    productLineId?: string,
  ): Promise<{ inputs: CoverageInputs; meta: DashboardFreshness }> {
    const fresh = await this.freshness();
    const today = businessToday();
    const period = dashboardPeriod(today, periodKey);
    // One query after another: the embedded database has a single session.
    const { industries, regions, segments } = await this.repo.catalog();
    const presence = await this.repo.presence(scope);
    // The views' amounts have the split share applied already (share 1 here).
    const money = await this.repo.dealMoney(scope, period, productLineId);
    const partners = await this.repo.partnerFacts(scope, today);
    const holds = await this.repo.holds(scope);
    const nationwide = await this.repo.nationwidePresence(scope);
    return {
      inputs: { today, industries, regions, segments, presence, nationwide, money: moneyFactsOfDeals(money.map((d) => ({ ...d, share: '1', closedOn: d.wonOn })), period), partners, holds },
      meta: { ...fresh, period },
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
    const { inputs, meta } = await this.inputs(scope, q.period, q.productLineId);
    this.checkIndustry(inputs, q.industryId);
    const parentRegionId = this.parentOf(inputs, q.regionId);
    return coverageMatrix(coverageModel(inputs, q.partnerType), { parentRegionId, industryId: q.industryId, partnerType: q.partnerType, measure: q.measure }, meta);
  }

  async cell(scope: Scope, q: CoverageCellQuery): Promise<CoverageCellDetail> {
    const { inputs, meta } = await this.inputs(scope, q.period, q.productLineId);
    this.checkIndustry(inputs, q.industryId);
    this.parentOf(inputs, q.regionId);
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
    const { inputs, meta } = await this.inputs(scope, q.period, q.productLineId);
    this.checkIndustry(inputs, q.industryId);
    if (q.regionId) this.parentOf(inputs, q.regionId);
    const all = rankedGaps(coverageModel(inputs, q.partnerType), { regionId: q.regionId, industryId: q.industryId, kind: q.kind });
    return { asOf: meta.asOf, staleSeconds: meta.staleSeconds, period: meta.period, items: all.slice(0, q.limit), total: all.length };
  }

  /** Planning mode: the drafts applied in memory; nothing is written. */
  async plan(scope: Scope, q: CoveragePlanRequest): Promise<CoveragePlan> {
    const { inputs, meta } = await this.inputs(scope, q.period, q.productLineId);
    this.checkIndustry(inputs, q.industryId);
    const parentRegionId = this.parentOf(inputs, q.regionId);
    for (const d of [...q.exclusiveScopes, ...q.recruitmentTargets]) {
      this.checkIndustry(inputs, d.industryId);
      this.parentOf(inputs, d.regionId);
    }
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
