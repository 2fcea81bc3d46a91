import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AgreementSummary, agreementNumber, type AgreementTerms, type CatalogIds, type ExclusiveHolding, type ScopeEntry } from '@partnerline/domain';

type Cell = { industryId: string; regionId: string };
import type { DataSource, EntityManager } from 'typeorm';

type Row = Record<string, unknown> & {
  id: string;
  partner_id: string;
  partner_name: string;
  type: AgreementSummary['type'];
  status: AgreementSummary['status'];
  version: number;
  start_date: string;
  end_date: string;
  terms: AgreementTerms;
  updated_at: Date;
  pending_amendment: boolean;
};

const SELECT = `SELECT a.*, p.name AS partner_name,
  EXISTS (SELECT 1 FROM agreement_versions v WHERE v.agreement_id = a.id AND v.kind = 'amendment' AND v.status = 'pending') AS pending_amendment
  FROM agreements a JOIN partners p ON p.id = a.partner_id`;

@Injectable()
export class AgreementsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async scopeViews(m: EntityManager, ids: string[]): Promise<Map<string, AgreementSummary['scope']>> {
    const rows: { agreement_id: string; industry_id: string | null; region_id: string | null; izh: string | null; ien: string | null; rzh: string | null; ren: string | null }[] = ids.length
      ? await m.query(
          `SELECT s.agreement_id, s.industry_id, s.region_id, i.name_zh AS izh, i.name_en AS ien, r.name_zh AS rzh, r.name_en AS ren
             FROM agreement_scopes s LEFT JOIN industries i ON i.id = s.industry_id LEFT JOIN regions r ON r.id = s.region_id
            WHERE s.agreement_id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    const out = new Map<string, AgreementSummary['scope']>();
    for (const r of rows) {
      out.set(r.agreement_id, [
        ...(out.get(r.agreement_id) ?? []),
        { industryId: r.industry_id, regionId: r.region_id, industryNameZh: r.izh, industryNameEn: r.ien, regionNameZh: r.rzh, regionNameEn: r.ren },
      ]);
    }
    return out;
  }

  summary(r: Row, scope: AgreementSummary['scope']): AgreementSummary {
    return {
      id: r.id,
      number: agreementNumber(r.type, r.start_date, r.id),
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      type: r.type,
      status: r.status,
      version: r.version,
      startDate: r.start_date,
      endDate: r.end_date,
      scope,
      quotaPerPeriod: r.terms.quotaPerPeriod ?? null,
      evaluationPeriod: r.terms.evaluationPeriod ?? null,
      pendingAmendment: r.pending_amendment,
      updatedAt: r.updated_at.toISOString(),
    };
  }

  async list(
    q: { type?: string; status?: string; partnerId?: string; industryId?: string; regionId?: string; endingWithinDays?: number; page: number; pageSize: number },
    tenant: string | null,
  ): Promise<{ items: AgreementSummary[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (tenant) where.push(`a.partner_id = $${params.push(tenant)}`);
    // Partners see their agreements once submitted for approval, never the vendor's drafts.
    if (tenant) where.push(`a.status <> 'draft'`);
    if (q.type) where.push(`a.type = $${params.push(q.type)}`);
    if (q.status) where.push(`a.status = $${params.push(q.status)}`);
    if (q.partnerId) where.push(`a.partner_id = $${params.push(q.partnerId)}`);
    if (q.endingWithinDays !== undefined) where.push(`a.status = 'active' AND a.end_date <= current_date + $${params.push(q.endingWithinDays)}::int`);
    if (q.industryId || q.regionId) {
      const cond: string[] = [];
      if (q.industryId) cond.push(`(s.industry_id IS NULL OR s.industry_id = $${params.push(q.industryId)})`);
      if (q.regionId) {
        const i = params.push(q.regionId);
        // The scope covers the region asked about (it is the region or one of its ancestors), or lies inside it.
        cond.push(`(s.region_id IS NULL OR EXISTS (SELECT 1 FROM regions x, regions y WHERE x.id = s.region_id AND y.id = $${i} AND (y.path LIKE x.path || '%' OR x.path LIKE y.path || '%')))`);
      }
      where.push(`EXISTS (SELECT 1 FROM agreement_scopes s WHERE s.agreement_id = a.id AND ${cond.join(' AND ')})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM agreements a ${filter}`, params);
    const rows: Row[] = await this.db.query(`${SELECT} ${filter} ORDER BY a.updated_at DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
      ...params,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    ]);
    const scopes = await this.scopeViews(this.db.manager, rows.map((r) => r.id));
    return { total: count, items: rows.map((r) => this.summary(r, scopes.get(r.id) ?? [])) };
  }

  async row(id: string, tenant: string | null, m: EntityManager = this.db.manager, lock = false): Promise<Row | null> {
    if (lock) await m.query(`SELECT 1 FROM agreements WHERE id = $1 FOR UPDATE`, [id]);
    const rows: Row[] = await m.query(`${SELECT} WHERE a.id = $1 AND ($2::uuid IS NULL OR (a.partner_id = $2 AND a.status <> 'draft'))`, [id, tenant]);
    return rows[0] ?? null;
  }

  async replaceScope(m: EntityManager, agreementId: string, scope: ScopeEntry[]): Promise<void> {
    await m.query(`DELETE FROM agreement_scopes WHERE agreement_id = $1`, [agreementId]);
    for (const s of scope) await m.query(`INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) VALUES ($1, $2, $3)`, [agreementId, s.industryId, s.regionId]);
  }

  /** The catalog the scope expansion needs (all industries, the region tree). */
  async catalogIds(m: EntityManager = this.db.manager): Promise<CatalogIds> {
    const [industries, regions] = await Promise.all([
      m.query(`SELECT id FROM industries`) as Promise<{ id: string }[]>,
      m.query(`SELECT id, parent_id AS "parentId" FROM regions`) as Promise<{ id: string; parentId: string | null }[]>,
    ]);
    return { industryIds: industries.map((i) => i.id), regions };
  }

  /** Claims the cells for the term; the exclusion constraint refuses any overlap with another claim (23P01). */
  async claim(m: EntityManager, agreementId: string, cells: Cell[], startDate: string, endDate: string): Promise<void> {
    await m.query(
      `INSERT INTO exclusive_claims (agreement_id, industry_id, region_id, period)
       SELECT $1, c.industry_id, c.region_id, daterange($4::date, $5::date, '[]') FROM unnest($2::uuid[], $3::uuid[]) AS c(industry_id, region_id)`,
      [agreementId, cells.map((c) => c.industryId), cells.map((c) => c.regionId), startDate, endDate],
    );
  }

  async releaseClaims(m: EntityManager, agreementId: string): Promise<void> {
    await m.query(`DELETE FROM exclusive_claims WHERE agreement_id = $1`, [agreementId]);
  }

  /** Ends the agreement's claims at `lastDay` (inclusive): the segments are free from the next day. */
  async endClaims(m: EntityManager, agreementId: string, lastDay: string): Promise<void> {
    await m.query(`DELETE FROM exclusive_claims WHERE agreement_id = $1 AND lower(period) > $2::date`, [agreementId, lastDay]);
    await m.query(`UPDATE exclusive_claims SET period = daterange(lower(period), $2::date, '[]') WHERE agreement_id = $1 AND upper(period) > ($2::date + 1)`, [agreementId, lastDay]);
  }

  /** Exclusive holdings on any of the cells during the term (the preview, and naming the holder on a 409). */
  async overlaps(cells: Cell[], startDate: string, endDate: string, excludeAgreementId: string | null, limit = 200): Promise<ExclusiveHolding[]> {
    const rows: Record<string, string>[] = await this.db.query(
      `SELECT DISTINCT a.id AS agreement_id, a.start_date, p.id AS partner_id, p.name AS partner_name,
              i.name_zh AS izh, i.name_en AS ien, r.name_zh AS rzh, r.name_en AS ren, r.path,
              lower(c.period)::text AS from_date, (upper(c.period) - 1)::text AS until_date
         FROM exclusive_claims c
         JOIN unnest($5::uuid[], $6::uuid[]) AS x(industry_id, region_id) ON x.industry_id = c.industry_id AND x.region_id = c.region_id
         JOIN agreements a ON a.id = c.agreement_id JOIN partners p ON p.id = a.partner_id
         JOIN industries i ON i.id = c.industry_id JOIN regions r ON r.id = c.region_id
        WHERE c.period && daterange($1::date, $2::date, '[]') AND ($3::uuid IS NULL OR c.agreement_id <> $3)
        ORDER BY a.id, izh, r.path LIMIT $4`,
      [startDate, endDate, excludeAgreementId, limit, cells.map((c) => c.industryId), cells.map((c) => c.regionId)],
    );
    return rows.map((r) => ({
      agreementId: r.agreement_id,
      number: agreementNumber('exclusive', r.start_date, r.agreement_id),
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      industryNameZh: r.izh,
      industryNameEn: r.ien,
      regionNameZh: r.rzh,
      regionNameEn: r.ren,
      from: r.from_date,
      until: r.until_date,
    }));
  }

  /** Who holds this exact segment (industry × region) on a day. */
  async holderOn(industryId: string, regionId: string, on: string): Promise<ExclusiveHolding | null> {
    return (await this.overlaps([{ industryId, regionId }], on, on, null, 1))[0] ?? null;
  }

  async hasTrackRecord(m: EntityManager, partnerId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM partner_trials WHERE partner_id = $1 AND outcome = 'success' LIMIT 1`, [partnerId]);
    return rows.length > 0;
  }

  async versions(agreementId: string): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT v.version, v.kind, v.status, v.terms, c.display_name AS created_by, v.created_at, d.display_name AS decided_by, v.decided_at, v.reason
         FROM agreement_versions v JOIN users c ON c.id = v.created_by LEFT JOIN users d ON d.id = v.decided_by
        WHERE v.agreement_id = $1 ORDER BY v.version`,
      [agreementId],
    );
  }
}
