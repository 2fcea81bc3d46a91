import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AgreementQuota,
  agreementPeriods,
  type CellDealInput,
  Dec,
  type ExclusiveHold,
  type IndustryInput,
  type NationwidePresence,
  type PartnerFact,
  partnerQuota,
  type PeriodKind,
  periodKey,
  periodOf,
  type PresenceFact,
  quotaFor,
  type RegionInput,
  type Scope,
  type SegmentInput,
} from '@partnerline/domain';
import { DataSource } from 'typeorm';

/** The latest split resolution's share of each split registration (the same rule as the rebate basis). */
const SPLIT_SHARES = `SELECT DISTINCT ON (cp.registration_id) cp.registration_id, cp.share_percent::numeric / 100 AS share
    FROM conflict_parties cp JOIN conflicts c ON c.id = cp.conflict_id
   WHERE c.resolution = 'split' AND cp.share_percent IS NOT NULL AND cp.registration_id IS NOT NULL
   ORDER BY cp.registration_id, c.resolved_at DESC NULLS LAST`;

const iso = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
const isoOrNull = (d: unknown): string | null => (d === null || d === undefined ? null : iso(d));
const dec = (v: unknown): string => (v === null || v === undefined ? '0' : String(v));

/** One row of the deals view: the money of one partner in one segment, by status and day won. */
export interface DealMoneyRow {
  industryId: string;
  regionId: string;
  partnerId: string;
  status: 'approved' | 'won';
  /** null for approved deals. */
  wonOn: string | null;
  amount: string;
}

/**
 * The leadership view's reads (issue #16, ADR 0019). Segment facts come from the materialized views of migration
 * 1765010000000 (`coverage_presence_mv`, `coverage_deals_mv`), refreshed concurrently; the catalog (industries, regions,
 * segments), the partners' own facts and the exclusive holds are small and read live. Like ReportingRepository it only
 * reads other modules' tables. A manager scope keeps only the partners assigned to that manager (a join, not other
 * views); business dates come in as parameters.
 */
@Injectable()
export class CoverageRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `AND <col> IN (partners of the manager)` for a manager scope, nothing otherwise. */
  private partnerFilter(scope: Scope, col: string, params: unknown[]): string {
    if (scope.kind === 'manager') return `AND ${col} IN (SELECT id FROM partners WHERE manager_id = $${params.push(scope.managerId)}::uuid)`;
    if (scope.kind === 'partner') return `AND ${col} = $${params.push(scope.partnerId)}::uuid`;
    return '';
  }

  /** The catalog the roll-up needs — industries (by code), regions (by path) and rated segments — in one round trip. */
  async catalog(): Promise<{ industries: IndustryInput[]; regions: RegionInput[]; segments: SegmentInput[] }> {
    const [r] = await this.db.query(
      `SELECT (SELECT COALESCE(json_agg(json_build_object('id', id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en) ORDER BY code), '[]')
                 FROM industries) AS industries,
              (SELECT COALESCE(json_agg(json_build_object('id', id, 'parentId', parent_id, 'code', code, 'nameZh', name_zh, 'nameEn', name_en,
                                                          'level', level) ORDER BY path), '[]')
                 FROM regions) AS regions,
              (SELECT COALESCE(json_agg(json_build_object('id', id, 'industryId', industry_id, 'regionId', region_id,
                                                          'marketPotential', market_potential, 'strategy', strategy)), '[]')
                 FROM segments) AS segments`,
    );
    return {
      industries: r.industries as IndustryInput[],
      regions: r.regions as RegionInput[],
      segments: (r.segments as SegmentInput[]).map((s) => ({ ...s, marketPotential: Number(s.marketPotential) })),
    };
  }

  async presence(scope: Scope): Promise<PresenceFact[]> {
    const params: unknown[] = [];
    const rows = await this.db.query(
      `SELECT industry_id, region_id, partner_id FROM coverage_presence_mv WHERE true ${this.partnerFilter(scope, 'partner_id', params)}`,
      params,
    );
    return rows.map((r: Record<string, string>) => ({ industryId: r.industry_id, regionId: r.region_id, partnerId: r.partner_id }));
  }

  /**
   * Nationwide presence: the active partners with an active agreement whose scope has no region (the whole country;
   * a null industry = every industry). The presence view records such a scope at the top of the tree only; the domain
   * counts these partners in every cell of their industry (`CoverageInputs.nationwide`). Read live (a handful of rows:
   * scopes with a null region).
   */
  async nationwidePresence(scope: Scope): Promise<NationwidePresence[]> {
    const params: unknown[] = [];
    const rows = await this.db.query(
      `SELECT DISTINCT s.industry_id, a.partner_id
         FROM agreements a
         JOIN partners p ON p.id = a.partner_id AND p.status = 'active'
         JOIN agreement_scopes s ON s.agreement_id = a.id AND s.region_id IS NULL
        WHERE a.status = 'active' ${this.partnerFilter(scope, 'a.partner_id', params)}`,
      params,
    );
    return rows.map((r: Record<string, string | null>) => ({ industryId: r.industry_id ?? null, partnerId: r.partner_id as string }));
  }

  /**
   * The deals view's rows: every approved row, and won rows won within [start, end]. With a product line, the same
   * figures computed from the registrations themselves (a deal counts when one of its products is of that line): the
   * view has no product dimension, and a filtered request is the rarer one.
   */
  async dealMoney(scope: Scope, period: { start: string; end: string }, productLineId?: string): Promise<DealMoneyRow[]> {
    const params: unknown[] = [period.start, period.end];
    const source = productLineId
      ? `(SELECT r.industry_id, r.region_id, r.partner_id, r.status, COALESCE(r.won_on, DATE '0001-01-01') AS won_on,
                 sum(CASE WHEN r.status = 'won' THEN COALESCE(r.won_amount, r.estimated_amount) ELSE r.estimated_amount END * COALESCE(sh.share, 1)) AS amount
            FROM deal_registrations r LEFT JOIN (${SPLIT_SHARES}) sh ON sh.registration_id = r.id
           WHERE r.status IN ('approved', 'won')
             AND EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(r.details->'products', '[]'::jsonb)) x
                           JOIN products pr ON pr.id::text = x->>'productId' WHERE pr.product_line_id = $${params.push(productLineId)}::uuid)
           GROUP BY 1, 2, 3, 4, 5) d`
      : 'coverage_deals_mv';
    const rows = await this.db.query(
      `SELECT industry_id, region_id, partner_id, status, won_on, amount::text AS amount
         FROM ${source}
        WHERE (status = 'approved' OR won_on BETWEEN $1::date AND $2::date) ${this.partnerFilter(scope, 'partner_id', params)}`,
      params,
    );
    return rows.map((r: Record<string, unknown>) => ({
      industryId: r.industry_id as string,
      regionId: r.region_id as string,
      partnerId: r.partner_id as string,
      status: r.status as 'approved' | 'won',
      wonOn: r.status === 'won' ? iso(r.won_on) : null,
      amount: dec(r.amount),
    }));
  }

  /**
   * Each active partner's own facts on the business day: distinct certified people (valid certifications), those
   * lapsing before its agreement's last day, the last day of its agreements in force, and the quota and achievement
   * (won registrations × share, won within the period up to today) of its current quota period.
   */
  async partnerFacts(scope: Scope, today: string): Promise<PartnerFact[]> {
    const params: unknown[] = [today];
    const rows = await this.db.query(
      `WITH p AS (
         SELECT id, name, type FROM partners WHERE status = 'active' ${this.partnerFilter(scope, 'id', params)}
       ), ends AS (
         SELECT a.partner_id, max(COALESCE(a.termination_effective, a.end_date)) AS ends_on
           FROM agreements a JOIN p ON p.id = a.partner_id
          WHERE a.status = 'active' AND a.start_date <= $1::date AND COALESCE(a.termination_effective, a.end_date) >= $1::date
          GROUP BY a.partner_id
       ), certs AS (
         SELECT c.partner_id, count(DISTINCT c.user_id)::int AS certified,
                count(*) FILTER (WHERE c.expires_on < e.ends_on)::int AS lapsing
           FROM certifications c JOIN p ON p.id = c.partner_id LEFT JOIN ends e ON e.partner_id = c.partner_id
          WHERE c.revoked_at IS NULL AND c.expires_on >= $1::date
          GROUP BY c.partner_id
       )
       SELECT p.id, p.name, p.type, COALESCE(certs.certified, 0) AS certified, COALESCE(certs.lapsing, 0) AS lapsing, ends.ends_on
         FROM p LEFT JOIN ends ON ends.partner_id = p.id LEFT JOIN certs ON certs.partner_id = p.id`,
      params,
    );
    const quotas = await this.currentQuotas(scope, today);
    return rows.map((r: Record<string, unknown>) => {
      const q = quotas.get(r.id as string);
      return {
        id: r.id as string,
        name: r.name as string,
        type: r.type as PartnerFact['type'],
        certifiedHeadcount: Number(r.certified),
        certificationsLapsing: Number(r.lapsing),
        agreementEndsOn: isoOrNull(r.ends_on),
        quota: q?.quota ?? '0',
        achievement: q?.achievement ?? '0',
        period: q?.period ?? null,
      };
    });
  }

  /**
   * Each partner's quota and achievement in the current evaluation period of its agreements in force (§7: the
   * agreement's periods, the quota set for the period or the terms' quota per period; achievement = its won
   * registrations × split share won in the period up to today, reversed ones left out), combined per partner by the
   * domain's `partnerQuota`.
   */
  private async currentQuotas(scope: Scope, today: string): Promise<Map<string, AgreementQuota>> {
    const params: unknown[] = [today];
    const agreements: { id: string; partner_id: string; start_date: string; end_date: string; terms: Record<string, unknown> }[] = await this.db.query(
      `SELECT a.id, a.partner_id, a.start_date::text AS start_date, a.end_date::text AS end_date, a.terms
         FROM agreements a JOIN partners p ON p.id = a.partner_id AND p.status = 'active'
        WHERE a.status = 'active' AND a.start_date <= $1::date AND a.end_date >= $1::date ${this.partnerFilter(scope, 'a.partner_id', params)}`,
      params,
    );
    if (agreements.length === 0) return new Map();
    const set = new Map<string, string>(
      (
        await this.db.query(`SELECT agreement_id, period_start::text AS period_start, quota::text AS quota FROM rebate_quotas WHERE agreement_id = ANY($1::uuid[])`, [
          agreements.map((a) => a.id),
        ])
      ).map((r: Record<string, string>) => [periodKey(r.agreement_id, r.period_start), r.quota]),
    );
    const current = agreements.flatMap((a) => {
      const terms = a.terms as { evaluationPeriod?: PeriodKind | null; quotaPerPeriod?: string | null };
      const period = periodOf(agreementPeriods({ startDate: a.start_date, endDate: a.end_date, terms }), today);
      if (!period) return [];
      const quota = quotaFor(terms, set.get(periodKey(a.id, period.start))).amount;
      return new Dec(quota).gt(0) ? [{ agreementId: a.id, partnerId: a.partner_id, period, quota }] : [];
    });
    if (current.length === 0) return new Map();
    const achieved = new Map<string, string>(
      (
        await this.db.query(
          `SELECT t.aid AS agreement_id, sum(COALESCE(r.won_amount, r.estimated_amount) * COALESCE(sh.share, 1))::text AS achievement
             FROM unnest($1::uuid[], $2::date[], $3::date[]) AS t(aid, s, e)
             JOIN deal_registrations r ON r.agreement_id = t.aid AND r.status = 'won' AND r.won_on BETWEEN t.s AND LEAST(t.e, $4::date)
             LEFT JOIN (${SPLIT_SHARES}) sh ON sh.registration_id = r.id
            WHERE NOT EXISTS (SELECT 1 FROM rebate_reversals rr WHERE rr.registration_id = r.id)
            GROUP BY t.aid`,
          [current.map((c) => c.agreementId), current.map((c) => c.period.start), current.map((c) => c.period.end), today],
        )
      ).map((r: Record<string, string>) => [r.agreement_id, r.achievement]),
    );
    const byPartner = new Map<string, AgreementQuota[]>();
    for (const c of current) {
      byPartner.set(c.partnerId, [...(byPartner.get(c.partnerId) ?? []), { quota: c.quota, achievement: achieved.get(c.agreementId) ?? '0', period: c.period }]);
    }
    return new Map([...byPartner].map(([partnerId, list]) => [partnerId, partnerQuota(list)!]));
  }

  /** Exclusive scopes of active exclusive agreements (their term; null industry / region = all). */
  async holds(scope: Scope): Promise<ExclusiveHold[]> {
    const params: unknown[] = [];
    const rows = await this.db.query(
      `SELECT a.id AS agreement_id, a.partner_id, p.name AS partner_name, s.industry_id, s.region_id,
              a.start_date, COALESCE(a.termination_effective, a.end_date) AS until
         FROM agreements a JOIN partners p ON p.id = a.partner_id JOIN agreement_scopes s ON s.agreement_id = a.id
        WHERE a.type = 'exclusive' AND a.status = 'active' ${this.partnerFilter(scope, 'a.partner_id', params)}`,
      params,
    );
    return rows.map((r: Record<string, unknown>) => ({
      agreementId: r.agreement_id as string,
      partnerId: r.partner_id as string,
      partnerName: r.partner_name as string,
      industryId: (r.industry_id as string | null) ?? null,
      regionId: (r.region_id as string | null) ?? null,
      from: iso(r.start_date),
      until: iso(r.until),
    }));
  }

  /** The approved and in-period won registrations of one industry in a region's subtree (the cell's deals). */
  async cellDeals(scope: Scope, industryId: string, regionId: string, period: { start: string; end: string }, productLineId?: string): Promise<CellDealInput[]> {
    const params: unknown[] = [industryId, regionId, period.start, period.end];
    const line = productLineId
      ? `AND EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(r.details->'products', '[]'::jsonb)) x
                      JOIN products pr ON pr.id::text = x->>'productId' WHERE pr.product_line_id = $${params.push(productLineId)}::uuid)`
      : '';
    const rows = await this.db.query(
      `SELECT r.id, r.customer_name, r.partner_id, p.name AS partner_name, r.industry_id, r.region_id, r.status, r.won_on,
              (CASE WHEN r.status = 'won' THEN COALESCE(r.won_amount, r.estimated_amount) ELSE r.estimated_amount END)::text AS amount,
              COALESCE(sh.share, 1)::text AS share
         FROM deal_registrations r
         JOIN partners p ON p.id = r.partner_id
         JOIN regions rg ON rg.id = r.region_id
         JOIN regions top ON top.id = $2::uuid AND rg.path LIKE top.path || '%'
         LEFT JOIN (${SPLIT_SHARES}) sh ON sh.registration_id = r.id
        WHERE r.industry_id = $1::uuid
          AND (r.status = 'approved' OR (r.status = 'won' AND r.won_on BETWEEN $3::date AND $4::date))
          ${line} ${this.partnerFilter(scope, 'r.partner_id', params)}`,
      params,
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      customerName: r.customer_name as string,
      partnerId: r.partner_id as string,
      partnerName: r.partner_name as string,
      industryId: r.industry_id as string,
      regionId: r.region_id as string,
      status: r.status as 'approved' | 'won',
      amount: dec(r.amount),
      share: normalizeDecimal(dec(r.share)),
      closedOn: isoOrNull(r.won_on),
    }));
  }

  /** The last refresh of the views, or null when they were never refreshed. */
  async lastRefresh(): Promise<Date | null> {
    const [r] = await this.db.query(`SELECT refreshed_at FROM coverage_refreshes WHERE id = 1`);
    return r ? new Date(r.refreshed_at) : null;
  }

  /**
   * Recomputes the views. CONCURRENTLY: readers keep reading the previous contents meanwhile (each statement is its
   * own short autocommit, never one long transaction — the embedded database has a single session). Records the time.
   */
  async refresh(at: Date): Promise<number> {
    const started = Date.now();
    await this.db.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY coverage_presence_mv`);
    await this.db.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY coverage_deals_mv`);
    const ms = Date.now() - started;
    await this.db.query(
      `INSERT INTO coverage_refreshes (id, refreshed_at, duration_ms) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, duration_ms = EXCLUDED.duration_ms`,
      [at.toISOString(), ms],
    );
    return ms;
  }
}

/** "1.0000000000" → "1", "0.6000" → "0.6" (the share as the schema's decimal string). */
function normalizeDecimal(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
