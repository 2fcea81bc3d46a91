import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CatalogIds, ChannelStrategy, Industry, Product, ProductLine, Region, Segment, SegmentQuery } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { IndustryEntity, ProductLineEntity, RegionEntity, SegmentEntity } from './catalog.entities';
import { preparedQuery } from '../../database/connection.repository';

const SEGMENT_SELECT = `
  SELECT s.id, s.industry_id, s.region_id, s.market_potential, s.expansion_difficulty, s.strategy, s.notes, s.updated_at,
         i.name_zh AS industry_name_zh, i.name_en AS industry_name_en,
         r.name_zh AS region_name_zh, r.name_en AS region_name_en, r.level AS region_level
    FROM segments s JOIN industries i ON i.id = s.industry_id JOIN regions r ON r.id = s.region_id`;

type SegmentRow = {
  id: string;
  industry_id: string;
  region_id: string;
  market_potential: number;
  expansion_difficulty: number;
  strategy: Segment['strategy'];
  notes: string | null;
  updated_at: Date;
  industry_name_zh: string;
  industry_name_en: string;
  region_name_zh: string;
  region_name_en: string;
  region_level: Segment['regionLevel'];
};

function toSegment(r: SegmentRow): Segment {
  return {
    id: r.id,
    industryId: r.industry_id,
    regionId: r.region_id,
    industryNameZh: r.industry_name_zh,
    industryNameEn: r.industry_name_en,
    regionNameZh: r.region_name_zh,
    regionNameEn: r.region_name_en,
    regionLevel: r.region_level,
    marketPotential: r.market_potential,
    expansionDifficulty: r.expansion_difficulty,
    strategy: r.strategy,
    notes: r.notes,
    updatedAt: r.updated_at.toISOString(),
  };
}

export type RegionContext = { upward: string[]; related: string[]; root: string; aboveRoot: string[] };

@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  industries(): Promise<Industry[]> {
    return this.db.getRepository(IndustryEntity).find({ order: { code: 'ASC' } });
  }

  async regions(): Promise<Region[]> {
    const rows = await this.db.getRepository(RegionEntity).find({ order: { path: 'ASC' } });
    return rows.map(({ path: _path, ...r }) => r);
  }

  productLines(): Promise<ProductLine[]> {
    return this.db.getRepository(ProductLineEntity).find({ order: { code: 'ASC' } });
  }

  async products(): Promise<Product[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT p.id, p.sku, p.product_line_id, l.code AS product_line_code, p.name_zh, p.name_en, p.list_price, p.standard
         FROM products p JOIN product_lines l ON l.id = p.product_line_id ORDER BY l.code, p.sku`,
    );
    return rows.map((r) => ({
      id: r.id as string,
      sku: r.sku as string,
      productLineId: r.product_line_id as string,
      productLineCode: r.product_line_code as string,
      nameZh: r.name_zh as string,
      nameEn: r.name_en as string,
      listPrice: r.list_price as string,
      standard: r.standard as boolean,
    }));
  }

  async segments(query: SegmentQuery): Promise<{ items: Segment[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.industryId) where.push(`s.industry_id = $${params.push(query.industryId)}`);
    if (query.regionId) {
      const i = params.push(query.regionId);
      where.push(
        query.includeDescendants === false
          ? `s.region_id = $${i}`
          : `r.path LIKE (SELECT replace(replace(path, '%', '\\%'), '_', '\\_') || '%' FROM regions WHERE id = $${i})`,
      );
    }
    if (query.strategy) where.push(`s.strategy = $${params.push(query.strategy)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM segments s JOIN regions r ON r.id = s.region_id ${filter}`,
      params,
    );
    const rows: SegmentRow[] = await this.db.query(
      `${SEGMENT_SELECT} ${filter} ORDER BY i.code, r.path LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(toSegment), total: count };
  }

  async segment(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<Segment | null> {
    if (lock) await manager.query(`SELECT 1 FROM segments WHERE id = $1 FOR UPDATE`, [id]);
    const rows: SegmentRow[] = await manager.query(`${SEGMENT_SELECT} WHERE s.id = $1`, [id]);
    return rows[0] ? toSegment(rows[0]) : null;
  }

  /** Writes a segment's ratings, notes and derived quadrant. */
  async updateSegment(
    m: EntityManager,
    id: string,
    change: Pick<SegmentEntity, 'marketPotential' | 'expansionDifficulty' | 'notes' | 'strategy'>,
  ): Promise<void> {
    await m.update(SegmentEntity, { id }, change);
  }

  /** Every segment's ratings and quadrant (for re-deriving the quadrants when the thresholds change). */
  segmentRatings(m: EntityManager): Promise<Pick<SegmentEntity, 'id' | 'marketPotential' | 'expansionDifficulty' | 'strategy'>[]> {
    return m.find(SegmentEntity, { select: { id: true, marketPotential: true, expansionDifficulty: true, strategy: true } });
  }

  async setSegmentStrategy(m: EntityManager, strategy: ChannelStrategy, ids: string[]): Promise<void> {
    if (ids.length) await m.query(`UPDATE segments SET strategy = $1 WHERE id = ANY($2::uuid[])`, [strategy, ids]);
  }

  /** The catalog the scope expansion needs (all industries, the region tree). */
  async catalogIds(m: EntityManager = this.db.manager): Promise<CatalogIds> {
    const [industries, regions] = await Promise.all([
      m.query(`SELECT id FROM industries`) as Promise<{ id: string }[]>,
      m.query(`SELECT id, parent_id AS "parentId" FROM regions`) as Promise<{ id: string; parentId: string | null }[]>,
    ]);
    return { industryIds: industries.map((i) => i.id), regions };
  }

  /** Codes and names of some industries and regions (with the region's path), by id: other modules label with them. */
  async labels(
    m: EntityManager,
    industryIds: readonly string[],
    regionIds: readonly string[],
  ): Promise<{
    industries: Map<string, { code: string; nameZh: string; nameEn: string }>;
    regions: Map<string, { path: string; nameZh: string; nameEn: string }>;
  }> {
    const [industries, regions] = await Promise.all([
      industryIds.length
        ? (m.query(`SELECT id, code, name_zh, name_en FROM industries WHERE id = ANY($1::uuid[])`, [[...new Set(industryIds)]]) as Promise<
            { id: string; code: string; name_zh: string; name_en: string }[]
          >)
        : [],
      regionIds.length
        ? (m.query(`SELECT id, path, name_zh, name_en FROM regions WHERE id = ANY($1::uuid[])`, [[...new Set(regionIds)]]) as Promise<
            { id: string; path: string; name_zh: string; name_en: string }[]
          >)
        : [],
    ]);
    return {
      industries: new Map(industries.map((i) => [i.id, { code: i.code, nameZh: i.name_zh, nameEn: i.name_en }])),
      regions: new Map(regions.map((r) => [r.id, { path: r.path, nameZh: r.name_zh, nameEn: r.name_en }])),
    };
  }

  /** A region and every region inside it (its subtree in the region tree). */
  async regionIdsWithin(m: EntityManager, regionId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM regions WHERE path LIKE (SELECT replace(replace(path, '%', '\\%'), '_', '\\_') || '%' FROM regions WHERE id = $1)`,
      [regionId],
    );
    return rows.map((r) => r.id);
  }

  /** A region and the regions containing it (up to the country); empty when there is no such region. */
  async regionIdsUpward(m: EntityManager, regionId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT x.id FROM regions x, regions y WHERE y.id = $1 AND y.path LIKE x.path || '%'`, [
      regionId,
    ]);
    return rows.map((r) => r.id);
  }

  /**
   * Everything a registration submission needs to know about its region, in one statement: the region and those
   * containing it (`upward`), those containing it or inside it (`related`), the province it lies in (`root`, the region
   * itself above province level) and the regions above that root (`aboveRoot`). Same answers as regionIdsUpward and
   * regionIdsRelated.
   */
  async regionContext(m: EntityManager, regionId: string): Promise<RegionContext> {
    // The region tree is written only by the seed, before the API serves: an answer stays true for the process's life.
    const known = this.regionContexts.get(regionId);
    if (known) return known;
    const context = await this.readRegionContext(m, regionId);
    if (context.upward.length && this.regionContexts.size < 100_000) this.regionContexts.set(regionId, context);
    return context;
  }

  private readonly regionContexts = new Map<string, RegionContext>();

  private async readRegionContext(m: EntityManager, regionId: string): Promise<RegionContext> {
    const [row]: { upward: string[] | null; related: string[] | null; root: string; above_root: string[] | null }[] = await preparedQuery(
      m,
      `WITH y AS (SELECT path FROM regions WHERE id = $1),
            up AS (SELECT x.id, x.level, x.path FROM regions x, y WHERE y.path LIKE x.path || '%'),
            root AS (SELECT COALESCE((SELECT id FROM up WHERE level = 'province' LIMIT 1), $1::uuid) AS id)
       SELECT (SELECT array_agg(id) FROM up) AS upward,
              (SELECT array_agg(x.id) FROM regions x, y WHERE y.path LIKE x.path || '%' OR x.path LIKE y.path || '%') AS related,
              (SELECT id FROM root) AS root,
              (SELECT array_agg(x.id) FROM regions x, regions r WHERE r.id = (SELECT id FROM root) AND r.path LIKE x.path || '%' AND x.id <> r.id) AS above_root`,
      [regionId],
    );
    return { upward: row.upward ?? [], related: row.related ?? [], root: row.root, aboveRoot: row.above_root ?? [] };
  }

  /** A region, the regions containing it and the regions inside it (what a scope on the region may cover or lie in). */
  async regionIdsRelated(m: EntityManager, regionId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT x.id FROM regions x, regions y WHERE y.id = $1 AND (y.path LIKE x.path || '%' OR x.path LIKE y.path || '%')`,
      [regionId],
    );
    return rows.map((r) => r.id);
  }

  /** The channel strategy of some segments (industry × region), keyed `industryId:regionId`. */
  async strategiesOf(m: EntityManager, cells: readonly { industryId: string; regionId: string }[]): Promise<Map<string, ChannelStrategy>> {
    if (!cells.length) return new Map();
    const rows: { industry_id: string; region_id: string; strategy: ChannelStrategy }[] = await m.query(
      `SELECT s.industry_id, s.region_id, s.strategy FROM segments s JOIN unnest($1::uuid[], $2::uuid[]) AS c(industry_id, region_id) ON c.industry_id = s.industry_id AND c.region_id = s.region_id`,
      [cells.map((c) => c.industryId), cells.map((c) => c.regionId)],
    );
    return new Map(rows.map((r) => [`${r.industry_id}:${r.region_id}`, r.strategy]));
  }

  /** Which of these ids name neither an industry nor a region. */
  async unknownIndustryOrRegionIds(m: EntityManager, ids: string[]): Promise<string[]> {
    const found: { id: string }[] = await m.query(
      `SELECT id FROM industries WHERE id = ANY($1::uuid[]) UNION ALL SELECT id FROM regions WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return ids.filter((id) => !found.some((f) => f.id === id));
  }

  /** Product and product-line names in both languages (the printable agreement names them). */
  async productNames(): Promise<{
    products: { id: string; name_zh: string; name_en: string }[];
    lines: { id: string; name_zh: string; name_en: string }[];
  }> {
    const [products, lines] = await Promise.all([
      this.db.query(`SELECT id, name_zh, name_en FROM products`) as Promise<{ id: string; name_zh: string; name_en: string }[]>,
      this.db.query(`SELECT id, name_zh, name_en FROM product_lines`) as Promise<{ id: string; name_zh: string; name_en: string }[]>,
    ]);
    return { products, lines };
  }

  /** Product-line codes by id, read through the caller's transaction. */
  async productLineCodes(m: EntityManager = this.db.manager): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await m.query(`SELECT id, code FROM product_lines`);
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  /** Product codes (SKUs) by product id, for some products, read through the caller's transaction. */
  async productSkus(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; sku: string }[] = await m.query(`SELECT id, sku FROM products WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.sku]));
  }

  async productLineExists(m: EntityManager, id: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM product_lines WHERE id = $1`, [id])).length > 0;
  }
}
