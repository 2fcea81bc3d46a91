import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  allowedDecisions,
  PARTNER_TRANSITIONS,
  type PartnerDetail,
  type PartnerDirectoryItem,
  type PartnerApplication,
  type PartnerDirectoryQuery,
  partnerStage,
  type PartnerStatus,
  type PartnerSummary,
  type PartnerType,
  QUEUE_COUNT_LIMIT,
  type Scope,
  segmentFit,
  UuidSchema,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../../common/database/like';
import { AuthRepository } from '../auth/auth.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { cappedCount, scopeCondition } from '../../common/database/scope-sql';
import { preparedQuery } from '../../database/connection.repository';

type PartnerRow = {
  id: string;
  name: string;
  name_en: string | null;
  type: PartnerType;
  status: PartnerStatus;
  tax_id: string;
  domain: string | null;
  home_region_id: string | null;
  city: string | null;
  city_en?: string | null;
  manager_id: string | null;
  manager_name: string | null;
  created_at: Date;
  applied_at: Date;
  approved_at: Date | null;
  open_info: number;
  trial_outcome: 'success' | 'failure' | null;
};

// Stage inputs (open information requests, latest trial outcome) come with every row.
// The city and the manager's name are filled in through their owners (catalog, auth): see withNames.
const SELECT = `SELECT p.id, p.name, p.name_en, p.type, p.status, p.tax_id, p.domain, p.region_id AS home_region_id, NULL::text AS city,
  p.manager_id, NULL::text AS manager_name, p.created_at, p.applied_at, p.approved_at,
  (SELECT count(*)::int FROM partner_info_requests i WHERE i.partner_id = p.id AND i.answered_at IS NULL) AS open_info,
  (SELECT t.outcome FROM partner_trials t WHERE t.partner_id = p.id ORDER BY t.started_at DESC LIMIT 1) AS trial_outcome
  FROM partners p`;

function toSummary(r: PartnerRow): PartnerSummary {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    type: r.type,
    status: r.status,
    taxId: r.tax_id,
    domain: r.domain,
    city: r.city,
    cityEn: r.city_en ?? null,
    managerId: r.manager_id,
    managerName: r.manager_name,
    createdAt: r.created_at.toISOString(),
  };
}

function stageOf(r: PartnerRow) {
  return partnerStage({ status: r.status, approved: r.approved_at !== null, openInfoRequests: r.open_info, trialOutcome: r.trial_outcome });
}

/** A directory search counts its matches up to this many, like the review queue: beyond, "1000+". */
const DIRECTORY_COUNT_LIMIT = QUEUE_COUNT_LIMIT;

const SORTS: Record<PartnerDirectoryQuery['sort'], string> = {
  name: 'p.name',
  createdAt: 'p.created_at',
  applicationAge: 'p.applied_at',
  status: 'p.status',
  type: 'p.type',
};

@Injectable()
export class PartnersRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: AuthRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  /** `scope` confines the result: one organisation (partner callers), a manager's partners, or all. */
  async directory(query: Omit<PartnerDirectoryQuery, 'format'>, scope: Scope): Promise<{ items: PartnerDirectoryItem[]; total: number; totalExact: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const scoped = scopeCondition(scope, 'p.id', params, 'p.manager_id');
    if (scoped) where.push(scoped);
    if (query.type) where.push(`p.type = $${params.push(query.type)}`);
    if (query.status) where.push(`p.status = $${params.push(query.status)}`);
    if (query.openApplications) where.push(`p.status IN ('applied', 'screening')`);
    if (query.managerId) where.push(`p.manager_id = $${params.push(query.managerId)}`);
    if (query.industryId || query.regionId) {
      // A partner is in a segment when it requested it (agreements add their scopes in a later migration).
      const seg: string[] = [];
      if (query.industryId) seg.push(`s.industry_id = $${params.push(query.industryId)}`);
      if (query.regionId) {
        const i = params.push(await this.catalog.regionIdsWithin(this.db.manager, query.regionId));
        seg.push(`s.region_id = ANY($${i}::uuid[])`);
      }
      where.push(`EXISTS (SELECT 1 FROM partner_segment_requests s WHERE s.partner_id = p.id AND ${seg.join(' AND ')})`);
    }
    if (query.q) {
      // Substring match for Chinese and Latin alike (trigram indexes serve ILIKE), plus trigram similarity for typos.
      // `%` (threshold 0.3) lets the trigram index find the similar names, the precise 0.4 is checked on those only;
      // a query under 3 characters has no trigram to search (nor a meaningful similarity): substring match alone.
      // Text without letter case (Chinese, digits) is matched with LIKE, ~6× cheaper than ILIKE's case folding when a
      // short query leaves no trigram to search; tax ids and domains are ASCII, so only an ASCII query looks at them.
      const like = params.push(`%${escapeLike(query.q)}%`);
      const op = query.q.toLowerCase() === query.q.toUpperCase() ? 'LIKE' : 'ILIKE';
      const ascii = /^[\x20-\x7e]*$/.test(query.q) ? ` OR p.tax_id ${op} $${like} OR p.domain ${op} $${like}` : '';
      const raw = [...query.q].length >= 3 ? params.push(query.q) : 0;
      const similar = raw ? ` OR (p.name_en % $${raw} AND similarity(p.name_en, $${raw}) > 0.4) OR (p.name % $${raw} AND similarity(p.name, $${raw}) > 0.4)` : '';
      // Two characters ("科技"): the partners storing that bigram (GIN over partners.search_bigrams, which covers the
      // name, English name, tax id and domain — migration 1764890000000), then the substring rechecked on those only.
      const bigram = [...query.q].length === 2 ? `p.search_bigrams @> text_bigrams($${params.push(query.q)}) AND ` : '';
      where.push(`${bigram}(p.name ${op} $${like} OR p.name_en ${op} $${like}${ascii}${similar})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // A search's total stops at DIRECTORY_COUNT_LIMIT + 1 matches ("1000+", `totalExact: false`): a query as common as
    // "公司" matches every partner. The unfiltered directory and its filters keep their exact count (cheap).
    const { count, exact } = await cappedCount((sql) => this.db.query(sql, params), `partners p ${filter}`, query.q ? DIRECTORY_COUNT_LIMIT : null);
    const order = `${SORTS[query.sort]} ${query.order === 'desc' ? 'DESC' : 'ASC'}, p.id`;
    const rows: (PartnerRow & { segment_count: number; latest_score: string | null })[] = await this.withNames(
      this.db.manager,
      await this.db.query(
        `SELECT x.*, (SELECT count(*)::int FROM partner_segment_requests s WHERE s.partner_id = x.id) AS segment_count,
                (SELECT sc.total FROM partner_screenings sc WHERE sc.partner_id = x.id ORDER BY sc.created_at DESC LIMIT 1) AS latest_score
           FROM (${SELECT} ${filter} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}) x
          ORDER BY ${order.replace(/p\./g, 'x.')}`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ),
    );
    return {
      total: count,
      totalExact: exact,
      items: rows.map((r) => ({
        ...toSummary(r),
        stage: stageOf(r),
        appliedAt: r.applied_at.toISOString(),
        segmentCount: r.segment_count,
        latestScore: r.latest_score === null ? null : Number(r.latest_score),
      })),
    };
  }

  async summary(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<PartnerSummary | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'p.id', params, 'p.manager_id');
    const rows: PartnerRow[] = await this.withNames(m, await m.query(`${SELECT} WHERE p.id = $1${scoped ? ` AND ${scoped}` : ''}`, params));
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /** Fills the channel managers' names (auth module) and the cities (catalog module): neither table is ours. */
  private async withNames<T extends PartnerRow>(m: EntityManager, rows: T[]): Promise<T[]> {
    const [names, labels] = await Promise.all([
      this.users.displayNames(
        rows.flatMap((r) => (r.manager_id ? [r.manager_id] : [])),
        m,
      ),
      this.catalog.labels(
        m,
        [],
        rows.flatMap((r) => (r.home_region_id ? [r.home_region_id] : [])),
      ),
    ]);
    for (const r of rows) {
      r.manager_name = r.manager_id ? (names.get(r.manager_id) ?? null) : null;
      r.city = r.home_region_id ? (labels.regions.get(r.home_region_id)?.nameZh ?? null) : null;
      r.city_en = r.home_region_id ? (labels.regions.get(r.home_region_id)?.nameEn ?? null) : null;
    }
    return rows;
  }

  /** Locks the partner row for a state change and returns what the rules need. */
  async lockForChange(
    m: EntityManager,
    id: string,
  ): Promise<{ id: string; name: string; type: PartnerType; status: PartnerStatus; approved: boolean; managerId: string | null } | null> {
    const rows = await m.query(`SELECT id, name, type, status, approved_at, manager_id FROM partners WHERE id = $1 FOR UPDATE`, [id]);
    const r = rows[0];
    return r ? { id: r.id, name: r.name, type: r.type, status: r.status, approved: r.approved_at !== null, managerId: r.manager_id } : null;
  }

  async latestScorecardPassed(m: EntityManager, id: string): Promise<boolean | null> {
    const rows = await m.query(`SELECT passed FROM partner_screenings WHERE partner_id = $1 ORDER BY created_at DESC LIMIT 1`, [id]);
    return rows[0] ? rows[0].passed : null;
  }

  /** The enabled partner admins of an organisation (never its other users): who receives the organisation's notices. */
  async partnerAdmins(m: EntityManager, partnerId: string): Promise<string[]> {
    return (await this.users.enabledWithRoles(m, ['partner_admin'], partnerId)).map((u) => u.id);
  }

  /** Enabled channel managers (the assignment picker). */
  async channelManagers(): Promise<{ id: string; displayName: string; email: string }[]> {
    return this.users.enabledWithRoles(this.db.manager, ['channel_manager']);
  }

  /** Who screens new applications: enabled channel managers and vendor admins. */
  async vendorScreeners(m: EntityManager): Promise<string[]> {
    return (await this.users.enabledWithRoles(m, ['channel_manager', 'vendor_admin'])).map((u) => u.id);
  }

  /** The earliest application with this tax id or domain (one organisation per tax id and per domain). */
  async applicationMatching(
    m: EntityManager,
    taxId: string,
    domain: string | null,
  ): Promise<{ id: string; appliedAt: Date; status: PartnerStatus; sameTax: boolean } | null> {
    const rows: { id: string; applied_at: Date; status: PartnerStatus; same_tax: boolean }[] = await m.query(
      `SELECT id, applied_at, status, (upper(tax_id) = upper($1)) AS same_tax FROM partners WHERE upper(tax_id) = upper($1) OR lower(domain) = lower($2) ORDER BY applied_at LIMIT 1`,
      [taxId, domain],
    );
    const r = rows[0];
    return r ? { id: r.id, appliedAt: r.applied_at, status: r.status, sameTax: r.same_tax } : null;
  }

  /** Creates the partner in `applied` with its requested segments; returns its id. */
  async insertApplication(m: EntityManager, a: Omit<PartnerApplication, 'account'>): Promise<string> {
    const [partner] = await m.query(
      `INSERT INTO partners (name, name_en, type, status, tax_id_kind, tax_id, domain, region_id, headcount, annual_revenue, years_trading,
                             business_lines, existing_vendors, cash_flow, person_in_charge, contacts, declarations)
       VALUES ($1, $2, $3, 'applied', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        a.companyName,
        a.companyNameEn ?? null,
        a.type,
        a.taxIdKind,
        a.taxId,
        a.domain,
        a.regionId,
        a.headcount,
        a.annualRevenue,
        a.yearsTrading,
        a.businessLines,
        a.existingVendors,
        JSON.stringify(a.cashFlow),
        JSON.stringify(a.personInCharge),
        JSON.stringify(a.contacts),
        JSON.stringify(a.declarations),
      ],
    );
    const partnerId = partner.id as string;
    for (const s of a.desiredSegments) {
      await m.query(
        `INSERT INTO partner_segment_requests (partner_id, industry_id, region_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [partnerId, s.industryId, s.regionId],
      );
    }
    return partnerId;
  }

  /** Sets the lifecycle status (null `from` for the first entry) and appends it to the status history. */
  async recordStatus(
    m: EntityManager,
    partnerId: string,
    from: PartnerStatus | null,
    to: PartnerStatus,
    reason: string | null,
    actorId: string,
  ): Promise<void> {
    if (from !== null) await m.query(`UPDATE partners SET status = $2 WHERE id = $1`, [partnerId, to]);
    await m.query(`INSERT INTO partner_status_history (partner_id, from_status, to_status, reason, actor_id) VALUES ($1, $2, $3, $4, $5)`, [
      partnerId,
      from,
      to,
      reason,
      actorId,
    ]);
  }

  async setManager(m: EntityManager, partnerId: string, managerId: string): Promise<void> {
    await m.query(`UPDATE partners SET manager_id = $2 WHERE id = $1`, [partnerId, managerId]);
  }

  async insertScreening(
    m: EntityManager,
    s: {
      partnerId: string;
      type: PartnerType;
      scores: unknown;
      evidence: unknown;
      integrity: number | null;
      weights: unknown;
      passMark: number;
      total: number;
      knockedOut: boolean;
      passed: boolean;
      notes: string | null;
      scoredBy: string;
    },
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO partner_screenings (partner_id, type, scores, evidence, integrity, weights, pass_mark, total, knocked_out, passed, notes, scored_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        s.partnerId,
        s.type,
        JSON.stringify(s.scores),
        JSON.stringify(s.evidence),
        s.integrity,
        JSON.stringify(s.weights),
        s.passMark,
        s.total,
        s.knockedOut,
        s.passed,
        s.notes,
        s.scoredBy,
      ],
    );
    return row.id as string;
  }

  async insertDecision(m: EntityManager, partnerId: string, decision: string, text: string | null, actorId: string): Promise<void> {
    await m.query(`INSERT INTO partner_decisions (partner_id, decision, text, decided_by) VALUES ($1, $2, $3, $4)`, [
      partnerId,
      decision,
      text,
      actorId,
    ]);
  }

  async insertInfoRequest(m: EntityManager, partnerId: string, question: string, actorId: string): Promise<void> {
    await m.query(`INSERT INTO partner_info_requests (partner_id, question, asked_by) VALUES ($1, $2, $3)`, [partnerId, question, actorId]);
  }

  async insertTrial(
    m: EntityManager,
    partnerId: string,
    trial: { customer: string; scope: string; endDate: string },
    actorId: string,
  ): Promise<void> {
    await m.query(`INSERT INTO partner_trials (partner_id, customer, scope, end_date, started_by) VALUES ($1, $2, $3, $4, $5)`, [
      partnerId,
      trial.customer,
      trial.scope,
      trial.endDate,
      actorId,
    ]);
  }

  /** Records the approval; `keepEarlier` leaves an existing approval (and its approver) in place. */
  async markApproved(m: EntityManager, partnerId: string, actorId: string, keepEarlier = false): Promise<void> {
    await m.query(
      keepEarlier
        ? `UPDATE partners SET approved_at = coalesce(approved_at, now()), approved_by = coalesce(approved_by, $2) WHERE id = $1`
        : `UPDATE partners SET approved_at = now(), approved_by = $2 WHERE id = $1`,
      [partnerId, actorId],
    );
  }

  async lockOpenTrial(m: EntityManager, partnerId: string): Promise<{ id: string } | null> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM partner_trials WHERE partner_id = $1 AND outcome IS NULL FOR UPDATE`, [
      partnerId,
    ]);
    return rows[0] ?? null;
  }

  async recordTrialOutcome(m: EntityManager, trialId: string, outcome: string, notes: string, actorId: string): Promise<void> {
    await m.query(`UPDATE partner_trials SET outcome = $2, outcome_notes = $3, outcome_at = now(), outcome_by = $4 WHERE id = $1`, [
      trialId,
      outcome,
      notes,
      actorId,
    ]);
  }

  /** Has the partner completed a successful trial (the track record exclusive agreements require)? */
  async hasSuccessfulTrial(m: EntityManager, partnerId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM partner_trials WHERE partner_id = $1 AND outcome = 'success' LIMIT 1`, [partnerId]);
    return rows.length > 0;
  }

  async lockInfoRequest(
    m: EntityManager,
    partnerId: string,
    requestId: string,
  ): Promise<{ id: string; askedBy: string; answered: boolean } | null> {
    const rows: { id: string; asked_by: string; answered_at: Date | null }[] = await m.query(
      `SELECT id, asked_by, answered_at FROM partner_info_requests WHERE id = $1 AND partner_id = $2 FOR UPDATE`,
      [requestId, partnerId],
    );
    const r = rows[0];
    return r ? { id: r.id, askedBy: r.asked_by, answered: r.answered_at !== null } : null;
  }

  async answerInfoRequest(m: EntityManager, requestId: string, answer: string, actorId: string): Promise<void> {
    await m.query(`UPDATE partner_info_requests SET answer = $2, answered_by = $3, answered_at = now() WHERE id = $1`, [
      requestId,
      answer,
      actorId,
    ]);
  }

  /** Partners whose (registered) name contains `text` (case-insensitive). */
  async idsNamedLike(m: EntityManager, text: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM partners WHERE name ILIKE $1`, [`%${escapeLike(text)}%`]);
    return rows.map((r) => r.id);
  }

  /** A partner's lifecycle status, or null when there is no such partner (no lock). */
  async statusOf(m: EntityManager, partnerId: string): Promise<PartnerStatus | null> {
    const rows: { status: PartnerStatus }[] = await m.query(`SELECT status FROM partners WHERE id = $1`, [partnerId]);
    return rows[0]?.status ?? null;
  }

  /** The segments a partner asked for, labelled and with their strategy by the catalog module, by industry code then region. */
  private async segmentRequests(partnerId: string) {
    const m = this.db.manager;
    const cells: { industryId: string; regionId: string }[] = await m.query(
      `SELECT industry_id AS "industryId", region_id AS "regionId" FROM partner_segment_requests WHERE partner_id = $1`,
      [partnerId],
    );
    const [labels, strategies] = await Promise.all([
      this.catalog.labels(
        m,
        cells.map((c) => c.industryId),
        cells.map((c) => c.regionId),
      ),
      this.catalog.strategiesOf(m, cells),
    ]);
    return cells
      .map((c) => ({
        ...c,
        industry: labels.industries.get(c.industryId)!,
        region: labels.regions.get(c.regionId)!,
        strategy: strategies.get(`${c.industryId}:${c.regionId}`) ?? null,
      }))
      .sort((a, b) =>
        a.industry.code === b.industry.code
          ? a.region.path < b.region.path
            ? -1
            : a.region.path > b.region.path
              ? 1
              : 0
          : a.industry.code < b.industry.code
            ? -1
            : 1,
      );
  }

  async detail(id: string, scope: Scope, now: Date): Promise<PartnerDetail | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'p.id', params, 'p.manager_id');
    const rows: (PartnerRow & Record<string, unknown>)[] = await this.withNames(
      this.db.manager,
      await this.db.query(
        `SELECT x.*, p.tax_id_kind, p.region_id, p.headcount, p.annual_revenue, p.years_trading, p.business_lines, p.existing_vendors,
              p.cash_flow, p.person_in_charge, p.contacts, p.declarations
         FROM (${SELECT} WHERE p.id = $1${scoped ? ` AND ${scoped}` : ''}) x JOIN partners p ON p.id = x.id`,
        params,
      ),
    );
    const r = rows[0];
    if (!r) return null;
    const [segments, history, screenings, decisions, infos, trials, users] = await Promise.all([
      this.segmentRequests(id),
      this.db.query(
        `SELECT from_status, to_status, reason, actor_id, occurred_at FROM partner_status_history WHERE partner_id = $1 ORDER BY occurred_at, id`,
        [id],
      ),
      this.db.query(`SELECT * FROM partner_screenings WHERE partner_id = $1 ORDER BY created_at DESC`, [id]),
      this.db.query(
        `SELECT id, decision, text, decided_by, created_at FROM partner_decisions WHERE partner_id = $1 ORDER BY created_at DESC`,
        [id],
      ),
      this.db.query(
        `SELECT id, question, asked_by, asked_at, answer, answered_by, answered_at FROM partner_info_requests WHERE partner_id = $1 ORDER BY asked_at`,
        [id],
      ),
      this.db.query(`SELECT * FROM partner_trials WHERE partner_id = $1 ORDER BY started_at DESC`, [id]),
      this.users.teamOf(id, now),
    ]);
    const actorIds = [
      ...history.map((h: Record<string, unknown>) => h.actor_id),
      ...screenings.map((s: Record<string, unknown>) => s.scored_by),
      ...decisions.map((d: Record<string, unknown>) => d.decided_by),
      ...infos.flatMap((i: Record<string, unknown>) => [i.asked_by, i.answered_by]),
    ].filter((u): u is string => typeof u === 'string');
    const people = await this.users.displayNames(actorIds);
    const nameOf = (uid: unknown) => (typeof uid === 'string' ? (people.get(uid) ?? null) : null);
    const latest = screenings[0];
    const status = r.status;
    return {
      ...toSummary(r),
      stage: stageOf(r),
      taxIdKind: r.tax_id_kind as 'uscc' | 'other',
      regionId: (r.region_id as string) ?? null,
      headcount: (r.headcount as number) ?? null,
      annualRevenue: (r.annual_revenue as string) ?? null,
      yearsTrading: (r.years_trading as number) ?? null,
      businessLines: (r.business_lines as string[]) ?? [],
      existingVendors: (r.existing_vendors as string[]) ?? [],
      cashFlow: (r.cash_flow as PartnerDetail['cashFlow']) ?? null,
      personInCharge: (r.person_in_charge as PartnerDetail['personInCharge']) ?? null,
      contacts: (r.contacts as PartnerDetail['contacts']) ?? [],
      declarations: (r.declarations as PartnerDetail['declarations']) ?? null,
      appliedAt: r.applied_at.toISOString(),
      approvedAt: r.approved_at?.toISOString() ?? null,
      segments: segments.map((s) => ({
        industryId: s.industryId,
        regionId: s.regionId,
        industryNameZh: s.industry.nameZh,
        industryNameEn: s.industry.nameEn,
        regionNameZh: s.region.nameZh,
        regionNameEn: s.region.nameEn,
        strategy: s.strategy,
        fitWarning: s.strategy ? (segmentFit(r.type, s.strategy)?.code ?? null) : null,
      })),
      statusHistory: history.map((h: Record<string, unknown>) => ({
        fromStatus: h.from_status,
        toStatus: h.to_status,
        reason: h.reason,
        actorName: nameOf(h.actor_id),
        occurredAt: (h.occurred_at as Date).toISOString(),
      })),
      screenings: screenings.map((s: Record<string, unknown>) => ({
        id: s.id,
        type: s.type,
        scores: s.scores,
        evidence: s.evidence,
        integrity: s.integrity,
        weights: s.weights,
        passMark: Number(s.pass_mark),
        total: Number(s.total),
        knockedOut: s.knocked_out,
        passed: s.passed,
        notes: s.notes,
        scoredBy: nameOf(s.scored_by),
        createdAt: (s.created_at as Date).toISOString(),
      })),
      decisions: decisions.map((d: Record<string, unknown>) => ({
        id: d.id,
        decision: d.decision,
        text: d.text,
        decidedBy: nameOf(d.decided_by),
        createdAt: (d.created_at as Date).toISOString(),
      })),
      infoRequests: infos.map((i: Record<string, unknown>) => ({
        id: i.id,
        question: i.question,
        askedBy: nameOf(i.asked_by),
        askedAt: (i.asked_at as Date).toISOString(),
        answer: i.answer,
        answeredBy: nameOf(i.answered_by),
        answeredAt: (i.answered_at as Date | null)?.toISOString() ?? null,
      })),
      trials: trials.map((t: Record<string, unknown>) => ({
        id: t.id,
        customer: t.customer,
        scope: t.scope,
        endDate: typeof t.end_date === 'string' ? t.end_date : (t.end_date as Date).toISOString().slice(0, 10),
        startedAt: (t.started_at as Date).toISOString(),
        outcome: t.outcome,
        outcomeNotes: t.outcome_notes,
        outcomeAt: (t.outcome_at as Date | null)?.toISOString() ?? null,
      })),
      users,
      allowedDecisions: allowedDecisions({
        status,
        approved: r.approved_at !== null,
        latestScorecardPassed: latest ? (latest.passed as boolean) : null,
      }),
      allowedStatusChanges: PARTNER_TRANSITIONS[status].filter(
        (s) => s === 'suspended' || s === 'terminated' || (s === 'active' && status === 'suspended'),
      ),
    } as PartnerDetail;
  }

  /** Name, status and channel manager of some partners (no lock). */
  async briefs(
    m: EntityManager,
    ids: readonly string[],
  ): Promise<{ id: string; name: string; status: PartnerStatus; managerId: string | null }[]> {
    if (!ids.length) return [];
    const rows: { id: string; name: string; status: PartnerStatus; manager_id: string | null }[] = await preparedQuery(
      m,
      `SELECT id, name, status, manager_id FROM partners WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, managerId: r.manager_id }));
  }

  /** Who looks after a partner: its channel manager, or every active channel manager when none is assigned. */
  async managersOf(m: EntityManager, partnerId: string): Promise<string[]> {
    const rows: { manager_id: string | null }[] = await preparedQuery(m, `SELECT manager_id FROM partners WHERE id = $1`, [partnerId]);
    const assigned = rows[0]?.manager_id ?? null;
    return assigned ? [assigned] : (await this.users.enabledWithRoles(m, ['channel_manager'])).map((u) => u.id);
  }

  /**
   * Partners named in an imported sheet: each key is a partner id, a unified social credit code (tax id) or an exact
   * name (Chinese or English). Returns the ids each key matches (none, one, or several for a shared name).
   */
  async idsByKeys(m: EntityManager, keys: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(keys.map((k) => [k, []]));
    if (!keys.length) return out;
    // A key that reads as a UUID is also looked up as a partner id; every match carries the key as written.
    const uuidKeys = keys.filter((k) => UuidSchema.safeParse(k).success);
    const rows: { key: string; id: string }[] = await m.query(
      // Four equality joins (each served by an index or one hash join), not one OR that would scan per key.
      `SELECT k.key, p.id FROM unnest($1::text[]) AS k(key) JOIN partners p ON upper(p.tax_id) = upper(k.key)
       UNION SELECT k.key, p.id FROM unnest($1::text[]) AS k(key) JOIN partners p ON p.name = k.key
       UNION SELECT k.key, p.id FROM unnest($1::text[]) AS k(key) JOIN partners p ON p.name_en = k.key
       UNION SELECT u.key, p.id FROM unnest($2::text[], $3::uuid[]) AS u(key, id) JOIN partners p ON p.id = u.id`,
      [keys, uuidKeys, uuidKeys.map((k) => k.toLowerCase())],
    );
    for (const r of rows) {
      const ids = out.get(r.key);
      if (ids && !ids.includes(r.id)) ids.push(r.id);
    }
    return out;
  }

  /** The partners assigned to one channel manager (a manager Scope). */
  async idsManagedBy(m: EntityManager, managerId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM partners WHERE manager_id = $1`, [managerId]);
    return rows.map((r) => r.id);
  }
}
