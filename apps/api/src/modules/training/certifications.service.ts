import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Certification,
  certificationExpiresOn,
  type CertificationPathInput,
  certificationRemindersDue,
  certificationStatus,
  type CertificationStatus,
  expiringWindowDays,
  formatVerificationCode,
  mayEarnCertificate,
  type JobRole,
  normaliseVerificationCode,
  pathComplete,
  renewalDue,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { tenantOf } from '../../common/auth/tenant-scope';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { PoliciesService } from '../policies/policies.service';
import { todayIso as today } from '../../common/time';


type CertRow = {
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

const CERT_SELECT = `
  SELECT c.id, c.code, c.path_id, p.name, p.job_role, p.product_line_id, pl.code AS product_line_code, c.user_id, u.display_name AS holder_name,
         u.email AS holder_email, c.partner_id, pa.name AS partner_name, c.earned_on::text, c.expires_on::text, c.revoked_at, c.revoked_reason,
         c.reminders_sent, c.expiry_notified
    FROM certifications c
    JOIN certification_paths p ON p.id = c.path_id
    JOIN product_lines pl ON pl.id = p.product_line_id
    JOIN users u ON u.id = c.user_id
    JOIN partners pa ON pa.id = c.partner_id`;

/** Certification paths, earning certificates when a path is complete, their lifecycle and public verification. */
@Injectable()
export class CertificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly partners: PartnersRepository,
  ) {}

  private view(r: CertRow, expiringWithinDays: number, on = today()): Certification {
    return {
      id: r.id,
      code: r.code,
      pathId: r.path_id,
      name: r.name,
      jobRole: r.job_role,
      productLineId: r.product_line_id,
      productLineCode: r.product_line_code,
      userId: r.user_id,
      holderName: r.holder_name,
      holderEmail: r.holder_email,
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      earnedOn: r.earned_on,
      expiresOn: r.expires_on,
      status: certificationStatus({ expiresOn: r.expires_on, revoked: r.revoked_at !== null }, on, expiringWithinDays),
      revokedReason: r.revoked_reason,
    };
  }

  private async expiringWindow(): Promise<number> {
    const { training } = await this.policies.get();
    return expiringWindowDays(training.certificationReminderDays);
  }

  // ── Paths ─────────────────────────────────────────────────────────────

  async paths() {
    const rows: { id: string; name: string; job_role: JobRole; product_line_id: string; product_line_code: string; course_ids: string[]; validity_months: number | null; active: boolean; holders: number }[] =
      await this.db.query(
        `SELECT p.*, pl.code AS product_line_code,
                (SELECT count(DISTINCT c.user_id)::int FROM certifications c WHERE c.path_id = p.id AND c.revoked_at IS NULL AND c.expires_on >= current_date) AS holders
           FROM certification_paths p JOIN product_lines pl ON pl.id = p.product_line_id ORDER BY p.name`,
      );
    const courses: { id: string; code: string; title: string }[] = await this.db.query(`SELECT id, code, title FROM courses`);
    const byId = new Map(courses.map((c) => [c.id, c]));
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      jobRole: p.job_role,
      productLineId: p.product_line_id,
      productLineCode: p.product_line_code,
      courseIds: p.course_ids,
      courses: p.course_ids.map((id) => byId.get(id)).filter((c): c is { id: string; code: string; title: string } => !!c),
      validityMonths: p.validity_months,
      active: p.active,
      holders: p.holders,
    }));
  }

  private async checkPath(m: EntityManager, input: CertificationPathInput) {
    const found: { id: string }[] = await m.query(`SELECT id FROM courses WHERE id = ANY($1::uuid[])`, [input.courseIds]);
    const missing = input.courseIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw AppError.unprocessable(`Unknown course(s): ${missing.join(', ')}.`, { field: 'courseIds', missing });
    const [pl] = await m.query(`SELECT 1 FROM product_lines WHERE id = $1`, [input.productLineId]);
    if (!pl) throw AppError.unprocessable('The product line does not exist.', { field: 'productLineId' });
  }

  async createPath(input: CertificationPathInput): Promise<string> {
    return inTransaction(this.db, async (m) => {
      await this.checkPath(m, input);
      const [dupe] = await m.query(`SELECT id FROM certification_paths WHERE name = $1`, [input.name]);
      if (dupe) throw AppError.conflict(`A certification named ${input.name} already exists.`, { existingPathId: dupe.id });
      const [row] = await m.query(
        `INSERT INTO certification_paths (name, job_role, product_line_id, course_ids, validity_months, active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.name, input.jobRole, input.productLineId, [...new Set(input.courseIds)], input.validityMonths, input.active],
      );
      await this.audit.record(m, { entity: 'certification_path', entityId: row.id, action: 'certification_path.created', after: input });
      return row.id as string;
    });
  }

  async updatePath(id: string, input: CertificationPathInput): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const [before] = await m.query(`SELECT * FROM certification_paths WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw AppError.notFound('certification path', id);
      await this.checkPath(m, input);
      const [dupe] = await m.query(`SELECT id FROM certification_paths WHERE name = $1 AND id <> $2`, [input.name, id]);
      if (dupe) throw AppError.conflict(`A certification named ${input.name} already exists.`, { existingPathId: dupe.id });
      await m.query(`UPDATE certification_paths SET name = $2, job_role = $3, product_line_id = $4, course_ids = $5, validity_months = $6, active = $7 WHERE id = $1`, [
        id,
        input.name,
        input.jobRole,
        input.productLineId,
        [...new Set(input.courseIds)],
        input.validityMonths,
        input.active,
      ]);
      await this.audit.record(m, { entity: 'certification_path', entityId: id, action: 'certification_path.updated', before, after: input });
    });
  }

  // ── Earning ───────────────────────────────────────────────────────────

  /**
   * After a course is passed: every active path containing it whose courses are now all passed is awarded,
   * unless the learner already holds a certificate of that path that is not yet in its expiring window.
   */
  async awardCompletedPaths(m: EntityManager, userId: string, partnerId: string, courseId: string) {
    const { training } = await this.policies.get(m);
    const window = expiringWindowDays(training.certificationReminderDays);
    const paths: { id: string; name: string; course_ids: string[]; validity_months: number | null }[] = await m.query(
      `SELECT id, name, course_ids, validity_months FROM certification_paths WHERE active AND $1 = ANY(course_ids) ORDER BY name`,
      [courseId],
    );
    if (!paths.length) return [];
    const passed = new Set<string>((await m.query(`SELECT course_id FROM enrolments WHERE user_id = $1 AND passed_at IS NOT NULL`, [userId])).map((r: { course_id: string }) => r.course_id));
    const [holder] = await m.query(`SELECT display_name FROM users WHERE id = $1`, [userId]);
    const earned: { id: string; name: string; code: string }[] = [];
    const on = today();
    for (const p of paths) {
      if (!pathComplete(p.course_ids, passed)) continue;
      // One issuer at a time per (path, person): two courses of a path passed at once still give one certificate.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`certificate:${p.id}:${userId}`]);
      const current: { expires_on: string }[] = await m.query(`SELECT expires_on::text FROM certifications WHERE path_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_on >= $3::date`, [p.id, userId, on]);
      if (!mayEarnCertificate(current.map((c) => certificationStatus({ expiresOn: c.expires_on, revoked: false }, on, window)))) continue;
      const expiresOn = certificationExpiresOn(on, p.validity_months ?? training.certificationValidityMonths);
      const code = formatVerificationCode(randomBytes(12));
      const [row] = await m.query(`INSERT INTO certifications (code, path_id, user_id, partner_id, earned_on, expires_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [code, p.id, userId, partnerId, on, expiresOn]);
      await this.audit.record(m, { entity: 'certification', entityId: row.id, action: 'certification.earned', after: { pathId: p.id, userId, code, earnedOn: on, expiresOn } });
      const admins = await this.partners.partnerAdmins(m, partnerId);
      await this.notifications.notify(m, {
        userIds: [userId, ...admins],
        kind: 'certification.earned',
        params: { certification: p.name, holder: holder.display_name, expiresOn, code },
        link: '/portal/learning/certificates',
      });
      earned.push({ id: row.id, name: p.name, code });
    }
    return earned;
  }

  /** A completed course may be retaken when a certificate of one of its paths is due for renewal (`renewalDue`). */
  async renewable(m: EntityManager, userId: string, courseId: string): Promise<boolean> {
    // Read the policy through the transaction: the embedded database has one connection, another would wait forever.
    const { training } = await this.policies.get(m);
    const window = expiringWindowDays(training.certificationReminderDays);
    const paths: { id: string }[] = await m.query(`SELECT id FROM certification_paths WHERE active AND $1 = ANY(course_ids)`, [courseId]);
    const on = today();
    for (const p of paths) {
      const certs: { expires_on: string }[] = await m.query(`SELECT expires_on::text FROM certifications WHERE path_id = $1 AND user_id = $2 AND revoked_at IS NULL`, [p.id, userId]);
      if (renewalDue(certs.map((c) => certificationStatus({ expiresOn: c.expires_on, revoked: false }, on, window)))) return true;
    }
    return false;
  }

  // ── Reading ───────────────────────────────────────────────────────────

  async list(q: { partnerId?: string; userId?: string; status?: CertificationStatus; expiringWithinDays?: number }, actor: AuthenticatedUser): Promise<Certification[]> {
    const tenant = tenantOf(actor);
    const where: string[] = [];
    const params: unknown[] = [];
    if (tenant) where.push(`c.partner_id = $${params.push(tenant)}`);
    // A partner user sees their own certificates; the partner admin sees the whole team's.
    if (actor.role === 'partner_user') where.push(`c.user_id = $${params.push(actor.id)}`);
    if (q.partnerId) where.push(`c.partner_id = $${params.push(q.partnerId)}`);
    if (q.userId) where.push(`c.user_id = $${params.push(q.userId)}`);
    if (q.expiringWithinDays) where.push(`c.revoked_at IS NULL AND c.expires_on BETWEEN current_date AND current_date + $${params.push(q.expiringWithinDays)}::int`);
    const rows: CertRow[] = await this.db.query(`${CERT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.expires_on DESC LIMIT 2000`, params);
    const window = await this.expiringWindow();
    const views = rows.map((r) => this.view(r, window));
    return q.status ? views.filter((v) => v.status === q.status) : views;
  }

  async get(id: string, actor: AuthenticatedUser): Promise<Certification> {
    const tenant = tenantOf(actor);
    const [r]: CertRow[] = await this.db.query(`${CERT_SELECT} WHERE c.id = $1 AND ($2::uuid IS NULL OR c.partner_id = $2)`, [id, tenant]);
    if (!r || (actor.role === 'partner_user' && r.user_id !== actor.id)) throw AppError.notFound('certification', id);
    return this.view(r, await this.expiringWindow());
  }

  /** Public: who holds what, valid when. Nothing else (no email, no ids). */
  async verify(code: string) {
    const [r]: CertRow[] = await this.db.query(`${CERT_SELECT} WHERE c.code = $1`, [normaliseVerificationCode(code)]);
    if (!r) throw AppError.notFound('certificate', normaliseVerificationCode(code));
    const v = this.view(r, await this.expiringWindow());
    return { code: v.code, holderName: v.holderName, certification: v.name, partnerName: v.partnerName, earnedOn: v.earnedOn, expiresOn: v.expiresOn, status: v.status };
  }

  async revoke(id: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const [r]: CertRow[] = await m.query(`${CERT_SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [id]);
      if (!r) throw AppError.notFound('certification', id);
      if (r.revoked_at) throw AppError.conflict('This certification is already revoked.', { revokedReason: r.revoked_reason });
      await m.query(`UPDATE certifications SET revoked_at = now(), revoked_by = $2, revoked_reason = $3 WHERE id = $1`, [id, actor.id, reason]);
      await this.audit.record(m, { entity: 'certification', entityId: id, action: 'certification.revoked', before: { revoked: false }, after: { revoked: true, reason } });
      const admins = await this.partners.partnerAdmins(m, r.partner_id);
      await this.notifications.notify(m, { userIds: [r.user_id, ...admins], kind: 'certification.revoked', params: { certification: r.name, holder: r.holder_name, reason }, link: '/portal/learning/certificates' });
    });
  }

  /** Valid certificates of a partner's active people, for qualification. */
  async validHeld(m: EntityManager | DataSource, partnerId: string, on = today()) {
    const rows: { user_id: string; display_name: string; job_role: JobRole; product_line_id: string; expires_on: string }[] = await m.query(
      `SELECT c.user_id, u.display_name, p.job_role, p.product_line_id, max(c.expires_on)::text AS expires_on
         FROM certifications c JOIN certification_paths p ON p.id = c.path_id JOIN users u ON u.id = c.user_id
        WHERE c.partner_id = $1 AND c.revoked_at IS NULL AND c.expires_on >= $2::date AND c.earned_on <= $2::date AND u.disabled_at IS NULL
        GROUP BY c.user_id, u.display_name, p.job_role, p.product_line_id`,
      [partnerId, on],
    );
    return rows;
  }

  // ── Sweep ─────────────────────────────────────────────────────────────

  /** Reminders 60 and 30 days (policy) before expiry, and an expiry notice, each once; safe with several instances. */
  async sweep(day: string): Promise<{ reminded: number; expired: number }> {
    const { training } = await this.policies.get();
    const window = expiringWindowDays(training.certificationReminderDays);
    return inTransaction(this.db, async (m) => {
      let reminded = 0;
      const soon: CertRow[] = await m.query(
        `${CERT_SELECT} WHERE c.revoked_at IS NULL AND c.expires_on BETWEEN $1::date AND $1::date + $2::int FOR UPDATE OF c SKIP LOCKED LIMIT 1000`,
        [day, window],
      );
      for (const r of soon) {
        const due = certificationRemindersDue(r.expires_on, day, training.certificationReminderDays, r.reminders_sent);
        if (!due.length) continue;
        // Sending the most urgent reminder covers the earlier ones too.
        const covered = training.certificationReminderDays.filter((d) => d >= due[0]);
        await m.query(`UPDATE certifications SET reminders_sent = (SELECT array_agg(DISTINCT x) FROM unnest(reminders_sent || $2::int[]) x) WHERE id = $1`, [r.id, covered]);
        const days = Math.round((Date.parse(r.expires_on) - Date.parse(day)) / 86_400_000);
        const admins = await this.partners.partnerAdmins(m, r.partner_id);
        await this.notifications.notify(m, { userIds: [r.user_id, ...admins], kind: 'certification.expiring', params: { certification: r.name, holder: r.holder_name, expiresOn: r.expires_on, days }, link: '/portal/learning/certificates' });
        reminded++;
      }
      const gone: CertRow[] = await m.query(`${CERT_SELECT} WHERE c.revoked_at IS NULL AND c.expires_on < $1::date AND NOT c.expiry_notified FOR UPDATE OF c SKIP LOCKED LIMIT 1000`, [day]);
      for (const r of gone) {
        await m.query(`UPDATE certifications SET expiry_notified = true WHERE id = $1`, [r.id]);
        await this.audit.record(m, { entity: 'certification', entityId: r.id, action: 'certification.expired', actor: { id: null, email: 'system' }, after: { expiresOn: r.expires_on } });
        const admins = await this.partners.partnerAdmins(m, r.partner_id);
        await this.notifications.notify(m, { userIds: [r.user_id, ...admins], kind: 'certification.expired', params: { certification: r.name, holder: r.holder_name, expiresOn: r.expires_on }, link: '/portal/learning/certificates' });
      }
      return { reminded, expired: gone.length };
    });
  }
}
