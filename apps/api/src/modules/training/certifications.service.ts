import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  type Certification,
  certificationExpiresOn,
  type CertificationPathInput,
  certificationRemindersDue,
  certificationStatus,
  certificationStatusBounds,
  type CertificationStatus,
  daysUntil,
  expiringWindowDays,
  formatVerificationCode,
  mayEarnCertificate,
  normaliseVerificationCode,
  pathComplete,
  remindersCovered,
  renewalDue,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeOf } from '../../common/auth/scope';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessNow, businessToday } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { CatalogRepository } from '../catalog/catalog.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { PoliciesService } from '../policies/policies.service';
import { UsersRepository } from '../users/users.repository';
import { type CertRow, CertificationsRepository } from './certifications.repository';

/** How many certificates one sweep transaction handles: locks are held for one batch only. */
export const SWEEP_BATCH = 100;

/** Reports progress after a batch: processed so far, the total when known, and where a cut-short run may resume. */
export type SweepProgress = (processed: number, total: number | null, cursor?: string | null) => Promise<void>;

/** Resume cursor of the reminder pass: the last (expiry, id) handled. */
const REMINDERS_CURSOR = /^reminders:(\d{4}-\d{2}-\d{2}):([0-9a-f-]{36})$/;

/** Certification paths, earning certificates when a path is complete, their lifecycle and public verification. */
@Injectable()
export class CertificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: CertificationsRepository,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly partners: PartnersRepository,
    private readonly users: UsersRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  private view(r: CertRow, expiringWithinDays: number, on = businessToday()): Certification {
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
    const rows = await this.repo.paths(businessToday());
    const byId = new Map((await this.repo.courseBriefs()).map((c) => [c.id, c]));
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

  private async checkPath(m: EntityManager, input: CertificationPathInput, id: string | null) {
    const missing = await this.repo.unknownCourseIds(m, input.courseIds);
    if (missing.length)
      throw new AppError('CERTIFICATION_COURSES_UNKNOWN', { courses: missing.join(', ') }, { field: 'courseIds', missing });
    if (!(await this.catalog.productLineExists(m, input.productLineId)))
      throw new AppError('COURSE_PRODUCT_LINE_UNKNOWN', {}, { field: 'productLineId' });
    const dupe = await this.repo.pathNamedLike(m, input.name, id);
    if (dupe) throw new AppError('CERTIFICATION_NAME_TAKEN', { name: input.name }, { existingPathId: dupe });
  }

  async createPath(input: CertificationPathInput): Promise<string> {
    return inTransaction(this.db, async (m) => {
      await this.checkPath(m, input, null);
      const id = await this.repo.insertPath(m, input);
      await this.audit.record(m, { entity: 'certification_path', entityId: id, action: 'certification_path.created', after: input });
      return id;
    });
  }

  async updatePath(id: string, input: CertificationPathInput): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const before = await this.repo.lockPath(m, id);
      if (!before) throw AppError.notFound('certification path', id);
      await this.checkPath(m, input, id);
      await this.repo.updatePath(m, id, input);
      await this.audit.record(m, {
        entity: 'certification_path',
        entityId: id,
        action: 'certification_path.updated',
        before,
        after: input,
      });
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
    const paths = await this.repo.activePathsWith(m, courseId);
    if (!paths.length) return [];
    const passed = await this.repo.passedCourseIds(m, userId);
    const holder = await this.users.displayName(m, userId);
    const earned: { id: string; name: string; code: string }[] = [];
    const on = businessToday();
    for (const p of paths) {
      if (!pathComplete(p.course_ids, passed)) continue;
      await this.repo.lockIssuer(m, p.id, userId);
      const current = await this.repo.expiries(m, p.id, userId, on);
      if (!mayEarnCertificate(current.map((expiresOn) => certificationStatus({ expiresOn, revoked: false }, on, window)))) continue;
      const expiresOn = certificationExpiresOn(on, p.validity_months ?? training.certificationValidityMonths);
      const code = formatVerificationCode(randomBytes(12));
      const id = await this.repo.insertCertificate(m, { code, pathId: p.id, userId, partnerId, earnedOn: on, expiresOn });
      await this.audit.record(m, {
        entity: 'certification',
        entityId: id,
        action: 'certification.earned',
        after: { pathId: p.id, userId, code, earnedOn: on, expiresOn },
      });
      const admins = await this.partners.partnerAdmins(m, partnerId);
      await this.notifications.notify(m, {
        userIds: [userId, ...admins],
        kind: 'certification.earned',
        params: { certification: p.name, holder, expiresOn, code },
        link: '/portal/learning/certificates',
      });
      earned.push({ id, name: p.name, code });
    }
    return earned;
  }

  /** A completed course may be retaken when a certificate of one of its paths is due for renewal (`renewalDue`). */
  async renewable(m: EntityManager, userId: string, courseId: string): Promise<boolean> {
    // Read the policy through the transaction: the embedded database has one connection, another would wait forever.
    const { training } = await this.policies.get(m);
    const window = expiringWindowDays(training.certificationReminderDays);
    const on = businessToday();
    for (const p of await this.repo.activePathsWith(m, courseId)) {
      const expiries = await this.repo.expiries(m, p.id, userId, null);
      if (renewalDue(expiries.map((expiresOn) => certificationStatus({ expiresOn, revoked: false }, on, window)))) return true;
    }
    return false;
  }

  // ── Reading ───────────────────────────────────────────────────────────

  /** Vendor staff: all; partner admin: the team's; partner user: their own. Paged when `page` is given. */
  async list(
    q: { partnerId?: string; userId?: string; status?: CertificationStatus; expiringWithinDays?: number; page?: number; pageSize?: number },
    actor: AuthenticatedUser,
  ): Promise<{ items: Certification[]; total: number }> {
    const on = businessToday();
    const window = await this.expiringWindow();
    const status = q.status ? certificationStatusBounds(q.status, on, window) : null;
    // "Expiring within n days" and a status both bound the expiry date: the narrower bound wins.
    const within = q.expiringWithinDays ? { expiresFrom: on, expiresTo: addDays(on, q.expiringWithinDays) } : null;
    const latest = (a?: string | null, b?: string | null) => (a && b ? (a > b ? a : b) : (a ?? b ?? null));
    const earliest = (a?: string | null, b?: string | null) => (a && b ? (a < b ? a : b) : (a ?? b ?? null));
    const { rows, total } = await this.repo.list(
      {
        scope: scopeOf(actor),
        ownerId: actor.role === 'partner_user' ? actor.id : undefined,
        partnerId: q.partnerId,
        userId: q.userId,
        revoked: status ? status.revoked : within ? false : undefined,
        expiresFrom: latest(status?.expiresFrom, within?.expiresFrom),
        expiresTo: earliest(status?.expiresTo, within?.expiresTo),
      },
      q.page ? { page: q.page, pageSize: q.pageSize ?? 25 } : null,
    );
    const items = rows.map((r) => this.view(r, window, on));
    return { items, total: total ?? items.length };
  }

  async get(id: string, actor: AuthenticatedUser): Promise<Certification> {
    const r = await this.repo.byId(id, scopeOf(actor));
    if (!r || (actor.role === 'partner_user' && r.user_id !== actor.id)) throw AppError.notFound('certification', id);
    return this.view(r, await this.expiringWindow());
  }

  /** Public: who holds what, valid when. Nothing else (no email, no ids). */
  async verify(code: string) {
    const r = await this.repo.byCode(normaliseVerificationCode(code));
    if (!r) throw AppError.notFound('certificate', normaliseVerificationCode(code));
    const v = this.view(r, await this.expiringWindow());
    return {
      code: v.code,
      holderName: v.holderName,
      certification: v.name,
      partnerName: v.partnerName,
      earnedOn: v.earnedOn,
      expiresOn: v.expiresOn,
      status: v.status,
    };
  }

  async revoke(id: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.repo.byId(id, scopeOf(actor), m, true);
      if (!r) throw AppError.notFound('certification', id);
      if (r.revoked_at) throw new AppError('CERTIFICATION_ALREADY_REVOKED', {}, { revokedReason: r.revoked_reason });
      await this.repo.markRevoked(m, id, actor.id, reason, businessNow());
      await this.audit.record(m, {
        entity: 'certification',
        entityId: id,
        action: 'certification.revoked',
        before: { revoked: false },
        after: { revoked: true, reason },
      });
      const admins = await this.partners.partnerAdmins(m, r.partner_id);
      await this.notifications.notify(m, {
        userIds: [r.user_id, ...admins],
        kind: 'certification.revoked',
        params: { certification: r.name, holder: r.holder_name, reason },
        link: '/portal/learning/certificates',
      });
    });
  }

  /** Valid certificates of a partner's active people, for qualification. */
  validHeld(m: EntityManager | DataSource, partnerId: string, on = businessToday()) {
    return this.repo.validHeld(m, partnerId, on);
  }

  // ── Sweep ─────────────────────────────────────────────────────────────

  /**
   * Reminders 60 and 30 days (policy) before expiry, and an expiry notice, each once; safe with several instances.
   * Works in batches of SWEEP_BATCH, one short transaction each, reporting progress after every batch.
   */
  async sweep(
    day: string,
    progress: SweepProgress = async () => {},
    resumeFrom: string | null = null,
  ): Promise<{ reminded: number; expired: number; processed: number }> {
    const { training } = await this.policies.get();
    const window = expiringWindowDays(training.certificationReminderDays);
    const until = addDays(day, window);
    const total = (await this.repo.countExpiringBetween(day, until)) + (await this.repo.countExpiredUnannounced(day));
    let processed = 0;
    let reminded = 0;
    // Every reminder is recorded on its row, so starting over is harmless; the cursor only saves re-reading.
    const resume = resumeFrom?.match(REMINDERS_CURSOR);
    let after: { expiresOn: string; id: string } | null = resume ? { expiresOn: resume[1], id: resume[2] } : null;
    for (;;) {
      const batch: CertRow[] = await inTransaction(this.db, async (m) => {
        const rows = await this.repo.expiringBatch(m, day, until, after, SWEEP_BATCH);
        for (const r of rows) {
          const due = certificationRemindersDue(r.expires_on, day, training.certificationReminderDays, r.reminders_sent);
          if (!due.length) continue;
          await this.repo.addRemindersSent(m, r.id, remindersCovered(training.certificationReminderDays, due));
          const admins = await this.partners.partnerAdmins(m, r.partner_id);
          await this.notifications.notify(m, {
            userIds: [r.user_id, ...admins],
            kind: 'certification.expiring',
            params: { certification: r.name, holder: r.holder_name, expiresOn: r.expires_on, days: daysUntil(r.expires_on, day) },
            link: '/portal/learning/certificates',
          });
          reminded++;
        }
        return rows;
      });
      if (!batch.length) break;
      processed += batch.length;
      after = { expiresOn: batch[batch.length - 1].expires_on, id: batch[batch.length - 1].id };
      await progress(processed, Math.max(total, processed), `reminders:${after.expiresOn}:${after.id}`);
      if (batch.length < SWEEP_BATCH) break;
    }
    let expired = 0;
    for (;;) {
      const batch = await inTransaction(this.db, async (m) => {
        const rows = await this.repo.expiredBatch(m, day, SWEEP_BATCH);
        for (const r of rows) {
          await this.repo.markExpiryNotified(m, r.id);
          await this.audit.record(m, {
            entity: 'certification',
            entityId: r.id,
            action: 'certification.expired',
            actor: { id: null, email: 'system' },
            after: { expiresOn: r.expires_on },
          });
          const admins = await this.partners.partnerAdmins(m, r.partner_id);
          await this.notifications.notify(m, {
            userIds: [r.user_id, ...admins],
            kind: 'certification.expired',
            params: { certification: r.name, holder: r.holder_name, expiresOn: r.expires_on },
            link: '/portal/learning/certificates',
          });
        }
        return rows.length;
      });
      expired += batch;
      processed += batch;
      if (batch) await progress(processed, Math.max(total, processed));
      if (batch < SWEEP_BATCH) break;
    }
    return { reminded, expired, processed };
  }
}
