import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AgreementSummary,
  agreementNumber,
  type AgreementTerms,
  type ExclusiveHolding,
  type Scope,
  type ScopeEntry,
} from '@partnerline/domain';
import { scopeCondition } from '../../common/database/scope-sql';
import { AuthRepository } from '../auth/auth.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { PartnersRepository } from '../partners/partners.repository';

type Cell = { industryId: string; regionId: string };

/** $1..$2: the run period. An agreement with pricing (a rebate programme) whose term overlaps it. */
const REBATE_CANDIDATE = `a.status IN ('active', 'expired', 'terminated') AND coalesce(a.terms->'pricing', 'null'::jsonb) <> 'null'::jsonb
  AND a.start_date <= $2::date AND a.end_date >= $1::date`;
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/connection.repository';

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

/** An agreement as `row` reads it (what other modules' services hold). */
export type AgreementRow = Row;

// Partner names come from the partners module (PartnersRepository.briefs), never from its table.
const SELECT = `SELECT a.*,
  EXISTS (SELECT 1 FROM agreement_versions v WHERE v.agreement_id = a.id AND v.kind = 'amendment' AND v.status = 'pending') AS pending_amendment
  FROM agreements a`;

@Injectable()
export class AgreementsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly partners: PartnersRepository,
    private readonly users: AuthRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  /** Fills `partner_name` of rows read from agreements, through the partners module. */
  private async named<T extends { partner_id: string; partner_name?: string }>(
    m: EntityManager,
    rows: T[],
  ): Promise<(T & { partner_name: string })[]> {
    const names = new Map((await this.partners.briefs(m, [...new Set(rows.map((r) => r.partner_id))])).map((p) => [p.id, p.name]));
    return rows.map((r) => Object.assign(r, { partner_name: names.get(r.partner_id) ?? '' }));
  }

  async scopeViews(m: EntityManager, ids: string[]): Promise<Map<string, AgreementSummary['scope']>> {
    const rows: { agreement_id: string; industry_id: string | null; region_id: string | null }[] = ids.length
      ? await m.query(`SELECT agreement_id, industry_id, region_id FROM agreement_scopes WHERE agreement_id = ANY($1::uuid[])`, [ids])
      : [];
    // Industry and region names come from the catalog module.
    const labels = await this.catalog.labels(
      m,
      rows.flatMap((r) => (r.industry_id ? [r.industry_id] : [])),
      rows.flatMap((r) => (r.region_id ? [r.region_id] : [])),
    );
    const out = new Map<string, AgreementSummary['scope']>();
    for (const r of rows) {
      const i = r.industry_id ? labels.industries.get(r.industry_id) : undefined;
      const g = r.region_id ? labels.regions.get(r.region_id) : undefined;
      out.set(r.agreement_id, [
        ...(out.get(r.agreement_id) ?? []),
        {
          industryId: r.industry_id,
          regionId: r.region_id,
          industryNameZh: i?.nameZh ?? null,
          industryNameEn: i?.nameEn ?? null,
          regionNameZh: g?.nameZh ?? null,
          regionNameEn: g?.nameEn ?? null,
        },
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
    q: {
      type?: string;
      status?: string;
      partnerId?: string;
      industryId?: string;
      regionId?: string;
      endingWithinDays?: number;
      page: number;
      pageSize: number;
    },
    scope: Scope,
    today: string,
  ): Promise<{ items: AgreementSummary[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const scoped = scopeCondition(scope, 'a.partner_id', params);
    if (scoped) where.push(scoped);
    // Partners see their agreements once submitted for approval, never the vendor's drafts.
    if (scope.kind === 'partner') where.push(`a.status <> 'draft'`);
    if (q.type) where.push(`a.type = $${params.push(q.type)}`);
    if (q.status) where.push(`a.status = $${params.push(q.status)}`);
    if (q.partnerId) where.push(`a.partner_id = $${params.push(q.partnerId)}`);
    if (q.endingWithinDays !== undefined)
      where.push(`a.status = 'active' AND a.end_date <= $${params.push(today)}::date + $${params.push(q.endingWithinDays)}::int`);
    if (q.industryId || q.regionId) {
      const cond: string[] = [];
      if (q.industryId) cond.push(`(s.industry_id IS NULL OR s.industry_id = $${params.push(q.industryId)})`);
      if (q.regionId) {
        // The scope covers the region asked about (it is the region or one of its ancestors), or lies inside it.
        const i = params.push(await this.catalog.regionIdsRelated(this.db.manager, q.regionId));
        cond.push(`(s.region_id IS NULL OR s.region_id = ANY($${i}::uuid[]))`);
      }
      where.push(`EXISTS (SELECT 1 FROM agreement_scopes s WHERE s.agreement_id = a.id AND ${cond.join(' AND ')})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM agreements a ${filter}`, params);
    const rows: Row[] = await this.named(
      this.db.manager,
      await this.db.query(`${SELECT} ${filter} ORDER BY a.updated_at DESC, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        q.pageSize,
        (q.page - 1) * q.pageSize,
      ]),
    );
    const scopes = await this.scopeViews(
      this.db.manager,
      rows.map((r) => r.id),
    );
    return { total: count, items: rows.map((r) => this.summary(r, scopes.get(r.id) ?? [])) };
  }

  /**
   * One agreement as `scope` sees it (a partner never sees a draft); `lock` locks the row for a change.
   * A partner id or null (vendor-wide) is still accepted while callers move to Scope.
   */
  async row(id: string, scopeOrTenant: Scope | string | null, m: EntityManager = this.db.manager, lock = false): Promise<Row | null> {
    const scope: Scope =
      scopeOrTenant === null
        ? { kind: 'vendor' }
        : typeof scopeOrTenant === 'string'
          ? { kind: 'partner', partnerId: scopeOrTenant }
          : scopeOrTenant;
    if (lock) await m.query(`SELECT 1 FROM agreements WHERE id = $1 FOR UPDATE`, [id]);
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'a.partner_id', params);
    const rows: Row[] = await m.query(
      `${SELECT} WHERE a.id = $1${scoped ? ` AND ${scoped}` : ''}${scope.kind === 'partner' ? ` AND a.status <> 'draft'` : ''}`,
      params,
    );
    return rows[0] ? (await this.named(m, rows))[0] : null;
  }

  /** A new draft with its first version; returns its id. */
  async insertDraft(m: EntityManager, terms: AgreementTerms, actorId: string): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by) VALUES ($1, $2, 'draft', $3, $4, $5, $6) RETURNING id`,
      [terms.partnerId, terms.type, terms.startDate, terms.endDate, JSON.stringify(terms), actorId],
    );
    await this.replaceScope(m, row.id, terms.scope);
    await m.query(
      `INSERT INTO agreement_versions (agreement_id, version, kind, status, terms, created_by) VALUES ($1, 1, 'original', 'draft', $2, $3)`,
      [row.id, JSON.stringify(terms), actorId],
    );
    return row.id as string;
  }

  /** Replaces the terms of a draft (its current version and its scope). */
  async updateDraft(m: EntityManager, id: string, version: number, terms: AgreementTerms): Promise<void> {
    await m.query(`UPDATE agreements SET start_date = $2, end_date = $3, terms = $4 WHERE id = $1`, [
      id,
      terms.startDate,
      terms.endDate,
      JSON.stringify(terms),
    ]);
    await m.query(`UPDATE agreement_versions SET terms = $2 WHERE agreement_id = $1 AND version = $3`, [
      id,
      JSON.stringify(terms),
      version,
    ]);
    await this.replaceScope(m, id, terms.scope);
  }

  async markSubmitted(m: EntityManager, id: string, version: number, actorId: string): Promise<void> {
    await m.query(
      `UPDATE agreements SET status = 'pending_approval', submitted_by = $2, submitted_at = now(), rejection_reason = NULL WHERE id = $1`,
      [id, actorId],
    );
    await m.query(`UPDATE agreement_versions SET status = 'pending' WHERE agreement_id = $1 AND version = $2`, [id, version]);
  }

  /** The pending amendment of an agreement, if any (`lock` locks it). */
  async pendingAmendment(
    m: EntityManager,
    id: string,
    lock = false,
  ): Promise<{ version: number; terms: AgreementTerms; createdBy: string } | null> {
    const rows: { version: number; terms: AgreementTerms; created_by: string }[] = await m.query(
      `SELECT version, terms, created_by FROM agreement_versions WHERE agreement_id = $1 AND kind = 'amendment' AND status = 'pending'${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? { version: rows[0].version, terms: rows[0].terms, createdBy: rows[0].created_by } : null;
  }

  /** The approved amendment's terms become the agreement's. */
  async applyAmendment(m: EntityManager, id: string, version: number, terms: AgreementTerms, actorId: string): Promise<void> {
    await m.query(`UPDATE agreements SET terms = $2, start_date = $3, end_date = $4, version = $5 WHERE id = $1`, [
      id,
      JSON.stringify(terms),
      terms.startDate,
      terms.endDate,
      version,
    ]);
    await this.replaceScope(m, id, terms.scope);
    await m.query(
      `UPDATE agreement_versions SET status = 'approved', decided_by = $3, decided_at = now() WHERE agreement_id = $1 AND version = $2`,
      [id, version, actorId],
    );
  }

  async activate(m: EntityManager, id: string, version: number, actorId: string, overrideJustification: string | null): Promise<void> {
    await m.query(
      `UPDATE agreements SET status = 'active', approved_by = $2, approved_at = now(), override_justification = $3 WHERE id = $1`,
      [id, actorId, overrideJustification],
    );
    await m.query(
      `UPDATE agreement_versions SET status = 'approved', decided_by = $3, decided_at = now() WHERE agreement_id = $1 AND version = $2`,
      [id, version, actorId],
    );
  }

  async rejectAmendment(m: EntityManager, id: string, version: number, actorId: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE agreement_versions SET status = 'rejected', decided_by = $3, decided_at = now(), reason = $4 WHERE agreement_id = $1 AND version = $2`,
      [id, version, actorId, reason],
    );
  }

  async backToDraft(m: EntityManager, id: string, version: number, reason: string): Promise<void> {
    await m.query(`UPDATE agreements SET status = 'draft', rejection_reason = $2 WHERE id = $1`, [id, reason]);
    await m.query(`UPDATE agreement_versions SET status = 'draft', reason = $3 WHERE agreement_id = $1 AND version = $2`, [
      id,
      version,
      reason,
    ]);
  }

  /** Records the termination; the status becomes `terminated` now, or on the effective date (terminateDue). */
  async markTerminated(m: EntityManager, id: string, reason: string, effectiveDate: string, now: boolean): Promise<void> {
    await m.query(
      `UPDATE agreements SET status = CASE WHEN $4 THEN 'terminated' ELSE status END, termination_reason = $2, termination_effective = $3 WHERE id = $1`,
      [id, reason, effectiveDate, now],
    );
  }

  /** Active agreements whose termination takes effect on or before `today` become terminated; returns their ids. */
  async terminateDue(m: EntityManager, today: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `WITH t AS (UPDATE agreements SET status = 'terminated' WHERE status = 'active' AND termination_effective IS NOT NULL AND termination_effective <= $1::date RETURNING id)
       SELECT id FROM t`,
      [today],
    );
    return rows.map((r) => r.id);
  }

  /** Adds a pending amendment as the next version; returns its number. */
  async addAmendment(m: EntityManager, id: string, terms: AgreementTerms, actorId: string): Promise<number> {
    const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM agreement_versions WHERE agreement_id = $1`, [id]);
    await m.query(
      `INSERT INTO agreement_versions (agreement_id, version, kind, status, terms, created_by) VALUES ($1, $2, 'amendment', 'pending', $3, $4)`,
      [id, next, JSON.stringify(terms), actorId],
    );
    return next as number;
  }

  /** How many active agreements ended before `today` (the expiry sweep's total). */
  async countExpired(today: string): Promise<number> {
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM agreements WHERE status = 'active' AND end_date < $1::date`,
      [today],
    );
    return count;
  }

  /**
   * Marks up to `limit` active agreements that ended before `today` expired and returns their ids. Row locks with
   * SKIP LOCKED: several instances sweeping at once never expire the same agreement twice.
   */
  async expireBatch(m: EntityManager, today: string, limit: number): Promise<string[]> {
    const due: { id: string }[] = await m.query(
      `SELECT id FROM agreements WHERE status = 'active' AND end_date < $1::date ORDER BY end_date, id FOR UPDATE SKIP LOCKED LIMIT $2`,
      [today, limit],
    );
    const ids = due.map((d) => d.id);
    if (ids.length) await m.query(`UPDATE agreements SET status = 'expired' WHERE id = ANY($1::uuid[])`, [ids]);
    return ids;
  }

  async replaceScope(m: EntityManager, agreementId: string, scope: ScopeEntry[]): Promise<void> {
    await m.query(`DELETE FROM agreement_scopes WHERE agreement_id = $1`, [agreementId]);
    for (const s of scope)
      await m.query(`INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) VALUES ($1, $2, $3)`, [
        agreementId,
        s.industryId,
        s.regionId,
      ]);
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
    await m.query(
      `UPDATE exclusive_claims SET period = daterange(lower(period), $2::date, '[]') WHERE agreement_id = $1 AND upper(period) > ($2::date + 1)`,
      [agreementId, lastDay],
    );
  }

  /** Exclusive holdings on any of the cells during the term (the preview, and naming the holder on a 409). */
  async overlaps(
    cells: Cell[],
    startDate: string,
    endDate: string,
    excludeAgreementId: string | null,
    limit = 200,
  ): Promise<ExclusiveHolding[]> {
    // Names and the order (industry name, region path) come from the catalog module, handed to SQL as parameters.
    const labels = await this.catalog.labels(
      this.db.manager,
      cells.map((c) => c.industryId),
      cells.map((c) => c.regionId),
    );
    const industries = [...labels.industries.entries()];
    const regions = [...labels.regions.entries()];
    const found: {
      agreement_id: string;
      start_date: string;
      partner_id: string;
      industry_id: string;
      region_id: string;
      from_date: string;
      until_date: string;
    }[] = await this.db.query(
      `SELECT DISTINCT a.id AS agreement_id, a.start_date, a.partner_id, c.industry_id, c.region_id, i.name_zh AS izh, r.path,
                lower(c.period)::text AS from_date, (upper(c.period) - 1)::text AS until_date
           FROM exclusive_claims c
           JOIN unnest($5::uuid[], $6::uuid[]) AS x(industry_id, region_id) ON x.industry_id = c.industry_id AND x.region_id = c.region_id
           JOIN agreements a ON a.id = c.agreement_id
           JOIN unnest($7::uuid[], $8::text[]) AS i(id, name_zh) ON i.id = c.industry_id
           JOIN unnest($9::uuid[], $10::text[]) AS r(id, path) ON r.id = c.region_id
          WHERE c.period && daterange($1::date, $2::date, '[]') AND ($3::uuid IS NULL OR c.agreement_id <> $3)
          ORDER BY a.id, izh, r.path LIMIT $4`,
      [
        startDate,
        endDate,
        excludeAgreementId,
        limit,
        cells.map((c) => c.industryId),
        cells.map((c) => c.regionId),
        industries.map(([id]) => id),
        industries.map(([, l]) => l.nameZh),
        regions.map(([id]) => id),
        regions.map(([, l]) => l.path),
      ],
    );
    const rows = await this.named(this.db.manager, found);
    return rows.map((r) => {
      const industry = labels.industries.get(r.industry_id)!;
      const region = labels.regions.get(r.region_id)!;
      return {
        agreementId: r.agreement_id,
        number: agreementNumber('exclusive', r.start_date, r.agreement_id),
        partnerId: r.partner_id,
        partnerName: r.partner_name,
        industryNameZh: industry.nameZh,
        industryNameEn: industry.nameEn,
        regionNameZh: region.nameZh,
        regionNameEn: region.nameEn,
        from: r.from_date,
        until: r.until_date,
      };
    });
  }

  /** Who holds this exact segment (industry × region) on a day. */
  async holderOn(industryId: string, regionId: string, on: string): Promise<ExclusiveHolding | null> {
    return (await this.overlaps([{ industryId, regionId }], on, on, null, 1))[0] ?? null;
  }

  /** The versions of an agreement, oldest first, with who created and decided each (display names from the auth module). */
  async versions(agreementId: string): Promise<Record<string, unknown>[]> {
    const rows: (Record<string, unknown> & { created_by: string; decided_by: string | null })[] = await this.db.query(
      `SELECT version, kind, status, terms, created_by, created_at, decided_by, decided_at, reason FROM agreement_versions WHERE agreement_id = $1 ORDER BY version`,
      [agreementId],
    );
    const names = await this.users.displayNames(rows.flatMap((r) => (r.decided_by ? [r.created_by, r.decided_by] : [r.created_by])));
    return rows.map((r) => ({
      ...r,
      created_by: names.get(r.created_by) ?? '',
      decided_by: r.decided_by ? (names.get(r.decided_by) ?? null) : null,
    }));
  }

  /** A partner's active agreements (oldest first), with their terms: qualification reads the requirements. */
  async activeOfPartner(
    m: EntityManager,
    partnerId: string,
  ): Promise<{ id: string; type: AgreementSummary['type']; start_date: string; partner_id: string; terms: AgreementTerms }[]> {
    return m.query(
      `SELECT id, type, start_date::text AS start_date, partner_id, terms FROM agreements WHERE partner_id = $1 AND status = 'active' ORDER BY start_date`,
      [partnerId],
    );
  }

  /**
   * Whether the partner holds an active agreement other than `exceptId` that is in force on `day` or later (not ended,
   * no termination effective by then) — a terminated renewal leaves the partner's status alone while one exists.
   */
  async hasOtherInForce(m: EntityManager, partnerId: string, day: string, exceptId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM agreements WHERE partner_id = $1 AND id <> $3 AND status = 'active' AND end_date >= $2::date
          AND (termination_effective IS NULL OR termination_effective > $2::date) LIMIT 1`,
      [partnerId, day, exceptId],
    );
    return rows.length > 0;
  }

  /** Partners holding an active agreement, with the earliest start, in pages ordered by partner id (keyset `after`). */
  async activePartnersPage(m: EntityManager, after: string | null, limit: number): Promise<{ partnerId: string; firstStart: string }[]> {
    const rows: { partner_id: string; first_start: string }[] = await m.query(
      `SELECT partner_id, min(start_date)::text AS first_start FROM agreements
        WHERE status = 'active' AND ($1::uuid IS NULL OR partner_id > $1) GROUP BY partner_id ORDER BY partner_id LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => ({ partnerId: r.partner_id, firstStart: r.first_start }));
  }

  /** A partner's active registration/exclusive agreements whose term includes `day` and whose scope covers the segment (region roll-up by path). */
  async coveringAgreements(
    m: EntityManager,
    partnerId: string,
    industryId: string,
    regionId: string,
    day: string,
    /** The region and those containing it, when the caller already has them (CatalogRepository.regionContext). */
    knownUpward?: readonly string[],
  ): Promise<{ id: string; type: AgreementSummary['type']; terms: AgreementTerms }[]> {
    // A scope covers the region when it names the region or one containing it (the catalog knows the tree).
    const upward = knownUpward ?? (await this.catalog.regionIdsUpward(m, regionId));
    if (!upward.length) return [];
    return preparedQuery(
      m,
      `SELECT a.id, a.type, a.terms FROM agreements a
        WHERE a.partner_id = $1 AND a.status = 'active' AND a.type IN ('registration', 'exclusive') AND $4::date BETWEEN a.start_date AND a.end_date
          AND (a.termination_effective IS NULL OR $4::date < a.termination_effective)
          AND EXISTS (SELECT 1 FROM agreement_scopes s
                       WHERE s.agreement_id = a.id AND (s.industry_id IS NULL OR s.industry_id = $2)
                         AND (s.region_id IS NULL OR s.region_id = ANY($3::uuid[])))
        ORDER BY a.start_date, a.id`,
      [partnerId, industryId, upward, day],
    );
  }

  /** Active exclusive agreements of partners other than `exceptPartnerId` claiming this exact segment on `day`. */
  async exclusiveHolderIds(
    m: EntityManager,
    industryId: string,
    regionId: string,
    day: string,
    exceptPartnerId: string | null,
  ): Promise<string[]> {
    const rows: { agreement_id: string }[] = await preparedQuery(
      m,
      `SELECT DISTINCT c.agreement_id FROM exclusive_claims c JOIN agreements a ON a.id = c.agreement_id
        WHERE c.industry_id = $1 AND c.region_id = $2 AND c.period @> $3::date AND a.status = 'active' AND ($4::uuid IS NULL OR a.partner_id <> $4)`,
      [industryId, regionId, day, exceptPartnerId],
    );
    return rows.map((r) => r.agreement_id);
  }

  /** Does the partner hold an exclusive claim on this exact segment on `day` (any agreement status, as the conflict view has always read it)? */
  async holdsExclusive(m: EntityManager, partnerId: string, industryId: string, regionId: string, day: string): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM exclusive_claims e JOIN agreements a ON a.id = e.agreement_id WHERE a.partner_id = $1 AND e.industry_id = $2 AND e.region_id = $3 AND e.period @> $4::date LIMIT 1`,
      [partnerId, industryId, regionId, day],
    );
    return rows.length > 0;
  }

  /**
   * Agreements a rebate run of [from, to] covers (issue #14): active, expired or terminated, with pricing in their
   * terms, their term overlapping the run period; in id order after `after`, `limit` at a time (a range scan of the
   * primary key from the cursor: each batch reads only its own rows).
   */
  async rebateCandidates(
    m: EntityManager,
    range: { from: string; to: string },
    after: string | null,
    limit: number,
  ): Promise<{ id: string; partnerId: string; partnerName: string; type: AgreementSummary['type']; startDate: string; endDate: string; terms: AgreementTerms }[]> {
    return m.query(
      `SELECT a.id, a.partner_id AS "partnerId", p.name AS "partnerName", a.type, a.start_date::text AS "startDate", a.end_date::text AS "endDate", a.terms
         FROM agreements a JOIN partners p ON p.id = a.partner_id
        WHERE ${REBATE_CANDIDATE} AND a.id > coalesce($3::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
        ORDER BY a.id LIMIT $4`,
      [range.from, range.to, after, limit],
    );
  }

  async countRebateCandidates(m: EntityManager, range: { from: string; to: string }): Promise<number> {
    const [row] = await m.query(`SELECT count(*)::int AS n FROM agreements a WHERE ${REBATE_CANDIDATE}`, [range.from, range.to]);
    return row.n;
  }

  /**
   * Active agreements ending in [from, to] (renewal reviews open for them), in id order after `after`, `limit` at a
   * time; agreements whose termination is recorded are left out (they end by termination, not by renewal).
   */
  async endingBetween(m: EntityManager, from: string, to: string, after: string | null, limit: number): Promise<{ id: string; partnerId: string; endDate: string }[]> {
    return m.query(
      `SELECT id, partner_id AS "partnerId", end_date::text AS "endDate" FROM agreements
        WHERE status = 'active' AND termination_effective IS NULL AND end_date BETWEEN $1::date AND $2::date
          AND id > coalesce($3::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
        ORDER BY id LIMIT $4`,
      [from, to, after, limit],
    );
  }

  /** Type, partner and term of some agreements. */
  async briefs(
    m: EntityManager,
    ids: readonly string[],
  ): Promise<{ id: string; type: AgreementSummary['type']; partnerId: string; startDate: string; endDate: string }[]> {
    if (!ids.length) return [];
    const rows: { id: string; type: AgreementSummary['type']; partner_id: string; start_date: string; end_date: string }[] = await m.query(
      `SELECT id, type, partner_id, start_date, end_date FROM agreements WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, type: r.type, partnerId: r.partner_id, startDate: r.start_date, endDate: r.end_date }));
  }

  /**
   * Active agreements whose term holds `day`, with the parts of their terms performance needs (issue #14, the vendor's
   * performance overview): one statement for all of them. The pricing comes as JSON text (null without pricing), so a
   * caller reading 20,000 agreements parses each distinct pricing once.
   */
  async activeOn(
    m: EntityManager,
    day: string,
  ): Promise<
    { id: string; type: AgreementSummary['type']; partnerId: string; startDate: string; endDate: string; pricingJson: string | null; evaluationPeriod: AgreementTerms['evaluationPeriod']; quotaPerPeriod: string | null; coefficientsJson: string | null }[]
  > {
    return m.query(
      `SELECT id, type, partner_id AS "partnerId", start_date AS "startDate", end_date AS "endDate",
              nullif(terms->'pricing', 'null'::jsonb)::text AS "pricingJson", terms->>'evaluationPeriod' AS "evaluationPeriod", terms->>'quotaPerPeriod' AS "quotaPerPeriod",
              nullif(terms->'incentiveCoefficients', '[]'::jsonb)::text AS "coefficientsJson"
         FROM agreements WHERE status = 'active' AND start_date <= $1::date AND end_date >= $1::date`,
      [day],
    );
  }
}
