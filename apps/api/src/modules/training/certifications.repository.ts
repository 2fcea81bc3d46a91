import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificationPathInput, JobRole, Scope } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { pageClause, scopeCondition, whereClause } from '../../common/database/scope-sql';

export type CertRow = {
  id: string;
  code: string;
  path_id: string;
  name: string;
  job_role: JobRole;
  product_line_id: string;
  product_line_code: string;
  user_id: string;
  holder_name: string;
  holder_email: string;
  partner_id: string;
  partner_name: string;
  earned_on: string;
  expires_on: string;
  revoked_at: Date | null;
  revoked_reason: string | null;
  reminders_sent: number[];
  expiry_notified: boolean;
};

export type PathRow = {
  id: string;
  name: string;
  job_role: JobRole;
  product_line_id: string;
  product_line_code: string;
  course_ids: string[];
  validity_months: number | null;
  active: boolean;
  holders: number;
};

/** The holder's, partner's and product line's names are joined for display only. */
const CERT_SELECT = `
  SELECT c.id, c.code, c.path_id, p.name, p.job_role, p.product_line_id, pl.code AS product_line_code, c.user_id, u.display_name AS holder_name,
         u.email AS holder_email, c.partner_id, pa.name AS partner_name, c.earned_on::text, c.expires_on::text, c.revoked_at, c.revoked_reason,
         c.reminders_sent, c.expiry_notified
    FROM certifications c
    JOIN certification_paths p ON p.id = c.path_id
    JOIN product_lines pl ON pl.id = p.product_line_id
    JOIN users u ON u.id = c.user_id
    JOIN partners pa ON pa.id = c.partner_id`;

export interface CertificationFilter {
  scope: Scope;
  /** A partner user sees only their own certificates. */
  ownerId?: string;
  partnerId?: string;
  userId?: string;
  /** Expiry between these dates (inclusive), and revocation, as the status and "expiring within" filters decide. */
  expiresFrom?: string | null;
  expiresTo?: string | null;
  revoked?: boolean;
}

/** Certification paths and certificates: the only SQL of certifications. */
@Injectable()
export class CertificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // ── Paths ─────────────────────────────────────────────────────────────

  /** Paths with the number of people holding a certificate valid on `on`. */
  paths(on: string): Promise<PathRow[]> {
    return this.db.query(
      `SELECT p.*, pl.code AS product_line_code,
              (SELECT count(DISTINCT c.user_id)::int FROM certifications c WHERE c.path_id = p.id AND c.revoked_at IS NULL AND c.expires_on >= $1::date) AS holders
         FROM certification_paths p JOIN product_lines pl ON pl.id = p.product_line_id ORDER BY p.name`,
      [on],
    );
  }

  courseBriefs(): Promise<{ id: string; code: string; title: string }[]> {
    return this.db.query(`SELECT id, code, title FROM courses`);
  }

  async unknownCourseIds(m: EntityManager, ids: readonly string[]): Promise<string[]> {
    const found: { id: string }[] = await m.query(`SELECT id FROM courses WHERE id = ANY($1::uuid[])`, [ids]);
    return ids.filter((id) => !found.some((f) => f.id === id));
  }

  async pathNamedLike(m: EntityManager, name: string, exceptId: string | null): Promise<string | null> {
    const [dupe]: { id: string }[] = await m.query(
      `SELECT id FROM certification_paths WHERE name = $1 AND ($2::uuid IS NULL OR id <> $2)`,
      [name, exceptId],
    );
    return dupe?.id ?? null;
  }

  async insertPath(m: EntityManager, input: CertificationPathInput): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO certification_paths (name, job_role, product_line_id, course_ids, validity_months, active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.name, input.jobRole, input.productLineId, [...new Set(input.courseIds)], input.validityMonths, input.active],
    );
    return row.id as string;
  }

  async lockPath(m: EntityManager, id: string): Promise<Record<string, unknown> | null> {
    const [row] = await m.query(`SELECT * FROM certification_paths WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async updatePath(m: EntityManager, id: string, input: CertificationPathInput): Promise<void> {
    await m.query(
      `UPDATE certification_paths SET name = $2, job_role = $3, product_line_id = $4, course_ids = $5, validity_months = $6, active = $7 WHERE id = $1`,
      [id, input.name, input.jobRole, input.productLineId, [...new Set(input.courseIds)], input.validityMonths, input.active],
    );
  }

  /** Active paths containing a course (the course page lists them; passing it may complete them). */
  activePathsWith(
    m: EntityManager | DataSource,
    courseId: string,
  ): Promise<{ id: string; name: string; course_ids: string[]; validity_months: number | null }[]> {
    return m.query(
      `SELECT id, name, course_ids, validity_months FROM certification_paths WHERE active AND $1 = ANY(course_ids) ORDER BY name`,
      [courseId],
    );
  }

  // ── Earning ───────────────────────────────────────────────────────────

  async passedCourseIds(m: EntityManager, userId: string): Promise<Set<string>> {
    const rows: { course_id: string }[] = await m.query(`SELECT course_id FROM enrolments WHERE user_id = $1 AND passed_at IS NOT NULL`, [
      userId,
    ]);
    return new Set(rows.map((r) => r.course_id));
  }

  /** One issuer at a time per (path, person): two courses of a path passed at once still give one certificate. */
  async lockIssuer(m: EntityManager, pathId: string, userId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`certificate:${pathId}:${userId}`]);
  }

  /** Expiry dates of a person's unrevoked certificates of a path (only those still valid on `validOn`, when given). */
  async expiries(m: EntityManager, pathId: string, userId: string, validOn: string | null): Promise<string[]> {
    const rows: { expires_on: string }[] = await m.query(
      `SELECT expires_on::text FROM certifications WHERE path_id = $1 AND user_id = $2 AND revoked_at IS NULL AND ($3::date IS NULL OR expires_on >= $3::date)`,
      [pathId, userId, validOn],
    );
    return rows.map((r) => r.expires_on);
  }

  async insertCertificate(
    m: EntityManager,
    c: { code: string; pathId: string; userId: string; partnerId: string; earnedOn: string; expiresOn: string },
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO certifications (code, path_id, user_id, partner_id, earned_on, expires_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.code, c.pathId, c.userId, c.partnerId, c.earnedOn, c.expiresOn],
    );
    return row.id as string;
  }

  // ── Reading ───────────────────────────────────────────────────────────

  private filter(f: CertificationFilter, params: unknown[]): string[] {
    const where: string[] = [];
    const scoped = scopeCondition(f.scope, 'c.partner_id', params, 'pa.manager_id');
    if (scoped) where.push(scoped);
    if (f.ownerId) where.push(`c.user_id = $${params.push(f.ownerId)}`);
    if (f.partnerId) where.push(`c.partner_id = $${params.push(f.partnerId)}`);
    if (f.userId) where.push(`c.user_id = $${params.push(f.userId)}`);
    if (f.revoked === true) where.push(`c.revoked_at IS NOT NULL`);
    if (f.revoked === false) where.push(`c.revoked_at IS NULL`);
    if (f.expiresFrom) where.push(`c.expires_on >= $${params.push(f.expiresFrom)}::date`);
    if (f.expiresTo) where.push(`c.expires_on <= $${params.push(f.expiresTo)}::date`);
    return where;
  }

  /** Certificates, latest expiry first: one page with the total, or the whole list capped at 2,000. */
  async list(f: CertificationFilter, page: { page: number; pageSize: number } | null): Promise<{ rows: CertRow[]; total: number | null }> {
    const params: unknown[] = [];
    const where = whereClause(this.filter(f, params));
    if (!page)
      return { rows: await this.db.query(`${CERT_SELECT} ${where} ORDER BY c.expires_on DESC, c.id LIMIT 2000`, params), total: null };
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM certifications c JOIN partners pa ON pa.id = c.partner_id ${where}`,
      params,
    );
    const rows: CertRow[] = await this.db.query(
      `${CERT_SELECT} ${where} ORDER BY c.expires_on DESC, c.id ${pageClause(page, params)}`,
      params,
    );
    return { rows, total };
  }

  async byId(id: string, scope: Scope, m: EntityManager | DataSource = this.db, lock = false): Promise<CertRow | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'c.partner_id', params, 'pa.manager_id');
    const [r]: CertRow[] = await m.query(
      `${CERT_SELECT} WHERE c.id = $1 ${scoped ? `AND ${scoped}` : ''} ${lock ? 'FOR UPDATE OF c' : ''}`,
      params,
    );
    return r ?? null;
  }

  async byCode(code: string): Promise<CertRow | null> {
    const [r]: CertRow[] = await this.db.query(`${CERT_SELECT} WHERE c.code = $1`, [code]);
    return r ?? null;
  }

  async markRevoked(m: EntityManager, id: string, by: string, reason: string, at: Date): Promise<void> {
    await m.query(`UPDATE certifications SET revoked_at = $4, revoked_by = $2, revoked_reason = $3 WHERE id = $1`, [id, by, reason, at]);
  }

  /** Valid certificates (on `on`) of a partner's active people, one row per person × role × product line. */
  validHeld(
    m: EntityManager | DataSource,
    partnerId: string,
    on: string,
  ): Promise<{ user_id: string; display_name: string; job_role: JobRole; product_line_id: string; expires_on: string }[]> {
    return m.query(
      `SELECT c.user_id, u.display_name, p.job_role, p.product_line_id, max(c.expires_on)::text AS expires_on
         FROM certifications c JOIN certification_paths p ON p.id = c.path_id JOIN users u ON u.id = c.user_id
        WHERE c.partner_id = $1 AND c.revoked_at IS NULL AND c.expires_on >= $2::date AND c.earned_on <= $2::date AND u.disabled_at IS NULL
        GROUP BY c.user_id, u.display_name, p.job_role, p.product_line_id`,
      [partnerId, on],
    );
  }

  /** Each valid certificate (on `on`) of a partner's active people with its id (renewal reviews link them as evidence). */
  validCertificates(
    m: EntityManager | DataSource,
    partnerId: string,
    on: string,
  ): Promise<{ id: string; user_id: string; display_name: string; job_role: JobRole; product_line_id: string; expires_on: string }[]> {
    return m.query(
      `SELECT c.id, c.user_id, u.display_name, p.job_role, p.product_line_id, c.expires_on::text AS expires_on
         FROM certifications c JOIN certification_paths p ON p.id = c.path_id JOIN users u ON u.id = c.user_id
        WHERE c.partner_id = $1 AND c.revoked_at IS NULL AND c.expires_on >= $2::date AND c.earned_on <= $2::date AND u.disabled_at IS NULL
        ORDER BY c.expires_on, c.id`,
      [partnerId, on],
    );
  }

  // ── Sweep (bounded batches, served by certifications_sweep_expiry_idx / certifications_sweep_expired_idx) ──

  /** Unrevoked certificates expiring in [day, day + window]: reminder candidates. */
  async countExpiringBetween(from: string, to: string): Promise<number> {
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM certifications WHERE revoked_at IS NULL AND expires_on BETWEEN $1::date AND $2::date`,
      [from, to],
    );
    return n;
  }

  /** The next batch of reminder candidates after the keyset cursor (expiry, id), locked; rows another instance holds are skipped. */
  async expiringBatch(
    m: EntityManager,
    from: string,
    to: string,
    after: { expiresOn: string; id: string } | null,
    limit: number,
  ): Promise<CertRow[]> {
    return m.query(
      `${CERT_SELECT}
        WHERE c.revoked_at IS NULL AND c.expires_on BETWEEN $1::date AND $2::date
          AND ($3::date IS NULL OR (c.expires_on, c.id) > ($3::date, $4::uuid))
        ORDER BY c.expires_on, c.id LIMIT $5 FOR UPDATE OF c SKIP LOCKED`,
      [from, to, after?.expiresOn ?? null, after?.id ?? null, limit],
    );
  }

  async addRemindersSent(m: EntityManager, id: string, days: readonly number[]): Promise<void> {
    await m.query(
      `UPDATE certifications SET reminders_sent = (SELECT array_agg(DISTINCT x) FROM unnest(reminders_sent || $2::int[]) x) WHERE id = $1`,
      [id, days],
    );
  }

  async countExpiredUnannounced(day: string): Promise<number> {
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM certifications WHERE revoked_at IS NULL AND expires_on < $1::date AND NOT expiry_notified`,
      [day],
    );
    return n;
  }

  /** The next batch of expired, unannounced certificates, locked (announcing them takes them out of the set). */
  expiredBatch(m: EntityManager, day: string, limit: number): Promise<CertRow[]> {
    return m.query(
      `${CERT_SELECT} WHERE c.revoked_at IS NULL AND c.expires_on < $1::date AND NOT c.expiry_notified ORDER BY c.expires_on, c.id LIMIT $2 FOR UPDATE OF c SKIP LOCKED`,
      [day, limit],
    );
  }

  async markExpiryNotified(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE certifications SET expiry_notified = true WHERE id = $1`, [id]);
  }
}
