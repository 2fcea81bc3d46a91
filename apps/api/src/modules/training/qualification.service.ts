import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  agreementNumber,
  type AgreementTerms,
  certifiedStaffCheck,
  nextQualificationReviewDue,
  type Qualification,
  qualificationCompliance,
  type QualificationReview,
  type QualificationReviewInput,
  qualificationReviewResult,
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
import { CertificationsService } from './certifications.service';
import { todayIso as today } from '../../common/time';


type ReviewRow = {
  id: string;
  partner_id: string;
  partner_name: string;
  due_on: string;
  status: 'scheduled' | 'completed';
  result: 'pass' | 'fail' | null;
  certified_staff: QualificationReview['certifiedStaff'];
  checklist: QualificationReviewInput | null;
  reviewer_name: string | null;
  completed_at: Date | null;
  overdue_notified: boolean;
};

type AgreementRow = { id: string; type: AgreementTerms['type']; start_date: string; partner_id: string; terms: AgreementTerms };
const AGREEMENT_COLUMNS = `id, type, start_date::text AS start_date, partner_id, terms`;

const REVIEW_SELECT = `
  SELECT r.*, r.due_on::text AS due_on, p.name AS partner_name, u.display_name AS reviewer_name
    FROM qualification_reviews r JOIN partners p ON p.id = r.partner_id LEFT JOIN users u ON u.id = r.reviewer_id`;

/** Qualification against agreement requirements (live), and the periodic qualification reviews (资格认定审查). */
@Injectable()
export class QualificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly certifications: CertificationsService,
    private readonly partners: PartnersRepository,
  ) {}

  private activeAgreements(m: EntityManager | DataSource, partnerId: string): Promise<AgreementRow[]> {
    return m.query(`SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE partner_id = $1 AND status = 'active' ORDER BY start_date`, [partnerId]);
  }

  /** Qualification of agreements of one partner; its valid certificates and the product-line codes are read once. */
  private async qualify(m: EntityManager | DataSource, partnerId: string, agreements: AgreementRow[]): Promise<Qualification[]> {
    if (!agreements.length) return [];
    const on = today();
    const held = await this.certifications.validHeld(m, partnerId, on);
    const heldCertificates = held.map((h) => ({ userId: h.user_id, jobRole: h.job_role, productLineId: h.product_line_id }));
    const codes = new Map<string, string>(((await m.query(`SELECT id, code FROM product_lines`)) as { id: string; code: string }[]).map((p) => [p.id, p.code]));
    return agreements.map((a) => {
      const r = qualificationCompliance(a.terms.qualificationRequirements ?? [], heldCertificates);
      return {
        agreementId: a.id,
        agreementNumber: agreementNumber(a.type, a.start_date, a.id),
        partnerId: a.partner_id,
        asOf: on,
        compliant: r.compliant,
        lines: r.lines.map((l) => ({
          jobRole: l.jobRole,
          productLineId: l.productLineId,
          productLineCode: codes.get(l.productLineId) ?? '?',
          required: l.headcount,
          held: l.held,
          missing: l.missing,
          holders: held.filter((h) => h.job_role === l.jobRole && h.product_line_id === l.productLineId).map((h) => ({ userId: h.user_id, name: h.display_name, expiresOn: h.expires_on })),
        })),
      };
    });
  }

  /** GET /agreements/:id/qualification — requirements against certified headcount now. */
  async forAgreement(id: string, actor: AuthenticatedUser): Promise<Qualification> {
    const [a]: AgreementRow[] = await this.db.query(`SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE id = $1 AND ($2::uuid IS NULL OR partner_id = $2)`, [id, tenantOf(actor)]);
    if (!a) throw AppError.notFound('agreement', id);
    const [q] = await this.qualify(this.db, a.partner_id, [a]);
    return q;
  }

  /** Every active agreement of a partner with its qualification status. */
  async forPartner(partnerId: string, actor: AuthenticatedUser): Promise<Qualification[]> {
    const tenant = tenantOf(actor);
    if (tenant && tenant !== partnerId) throw AppError.notFound('partner', partnerId);
    return this.qualify(this.db, partnerId, await this.activeAgreements(this.db, partnerId));
  }

  private reviewView(r: ReviewRow, on = today()): QualificationReview {
    return {
      id: r.id,
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      dueOn: r.due_on,
      status: r.status,
      overdue: r.status === 'scheduled' && r.due_on < on,
      result: r.result,
      certifiedStaff: r.certified_staff,
      checklist: r.checklist,
      reviewerName: r.reviewer_name,
      completedAt: r.completed_at?.toISOString() ?? null,
    };
  }

  async listReviews(q: { partnerId?: string; status?: 'scheduled' | 'completed'; overdue?: 'true' | 'false' }, actor: AuthenticatedUser): Promise<QualificationReview[]> {
    const tenant = tenantOf(actor);
    const where: string[] = [];
    const params: unknown[] = [];
    if (tenant) where.push(`r.partner_id = $${params.push(tenant)}`);
    if (q.partnerId) where.push(`r.partner_id = $${params.push(q.partnerId)}`);
    if (q.status) where.push(`r.status = $${params.push(q.status)}`);
    if (q.overdue === 'true') where.push(`r.status = 'scheduled' AND r.due_on < current_date`);
    const rows: ReviewRow[] = await this.db.query(
      `${REVIEW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY (r.status = 'scheduled') DESC, r.due_on ASC, r.completed_at DESC LIMIT 1000`,
      params,
    );
    return rows.map((r) => this.reviewView(r));
  }

  async getReview(id: string, actor: AuthenticatedUser): Promise<QualificationReview> {
    const [r]: ReviewRow[] = await this.db.query(`${REVIEW_SELECT} WHERE r.id = $1 AND ($2::uuid IS NULL OR r.partner_id = $2)`, [id, tenantOf(actor)]);
    if (!r) throw AppError.notFound('qualification review', id);
    return this.reviewView(r);
  }

  /** Schedule a review now (ad hoc); there is at most one scheduled review per partner. */
  async schedule(partnerId: string, dueOn: string): Promise<string> {
    return inTransaction(this.db, async (m) => {
      const [p] = await m.query(`SELECT id, name, status FROM partners WHERE id = $1`, [partnerId]);
      if (!p) throw AppError.notFound('partner', partnerId);
      if (!['trial', 'active', 'suspended'].includes(p.status)) throw AppError.unprocessable(`Only a partner on trial, active or suspended can be reviewed (this one is ${p.status}).`, { status: p.status });
      const [open] = await m.query(`SELECT id, due_on::text FROM qualification_reviews WHERE partner_id = $1 AND status = 'scheduled'`, [partnerId]);
      if (open) throw AppError.conflict(`A review of ${p.name} is already scheduled for ${open.due_on}.`, { existingReviewId: open.id });
      const [row] = await m.query(`INSERT INTO qualification_reviews (partner_id, due_on) VALUES ($1, $2) RETURNING id`, [partnerId, dueOn]);
      await this.audit.record(m, { entity: 'qualification_review', entityId: row.id, action: 'qualification_review.scheduled', after: { partnerId, dueOn } });
      return row.id as string;
    });
  }

  async complete(id: string, input: QualificationReviewInput, actor: AuthenticatedUser): Promise<QualificationReview> {
    const { training } = await this.policies.get();
    await inTransaction(this.db, async (m) => {
      const [r]: ReviewRow[] = await m.query(`${REVIEW_SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
      if (!r) throw AppError.notFound('qualification review', id);
      if (r.status === 'completed') throw new AppError('INVALID_TRANSITION', { entity: 'qualification review', from: 'completed', to: 'completed', allowed: '—' });
      // The certified-staff item, computed over every active agreement of the partner.
      const agreements = await this.activeAgreements(m, r.partner_id);
      const staff = certifiedStaffCheck(await this.qualify(m, r.partner_id, agreements));
      const result = qualificationReviewResult({
        certifiedStaff: staff.pass,
        demoEnvironment: input.demoEnvironment.pass,
        marketingQuality: input.marketingQuality.pass,
        afterSalesProcess: input.afterSalesProcess.pass,
      });
      await m.query(`UPDATE qualification_reviews SET status = 'completed', result = $2, certified_staff = $3, checklist = $4, reviewer_id = $5, completed_at = now() WHERE id = $1`, [
        id,
        result,
        JSON.stringify(staff),
        JSON.stringify(input),
        actor.id,
      ]);
      await this.audit.record(m, { entity: 'qualification_review', entityId: id, action: 'qualification_review.completed', before: { status: 'scheduled' }, after: { result, certifiedStaff: staff, checklist: input } });
      // The next periodic review follows at once while the partner holds an active agreement.
      if (agreements.length > 0) {
        const next = nextQualificationReviewDue(today(), agreements[0].start_date, training.qualificationReviewIntervalMonths);
        const [row] = await m.query(`INSERT INTO qualification_reviews (partner_id, due_on) VALUES ($1, $2) RETURNING id`, [r.partner_id, next]);
        await this.audit.record(m, { entity: 'qualification_review', entityId: row.id, action: 'qualification_review.scheduled', after: { partnerId: r.partner_id, dueOn: next } });
      }
      const users = await this.partners.partnerAdmins(m, r.partner_id);
      await this.notifications.notify(m, { userIds: users, kind: 'qualification_review.completed', params: { partner: r.partner_name, result, notes: input.notes }, link: '/portal/learning/team' });
    });
    return this.getReview(id, actor);
  }

  /**
   * Scheduler: every partner with an active agreement has one scheduled review, due N months (policy) after
   * the last completed review or after its first agreement began. Overdue reviews are flagged to the
   * partner's channel manager and the vendor admins, once. Idempotent across instances (unique index, SKIP LOCKED).
   */
  async sweep(day: string): Promise<{ scheduled: number; overdue: number }> {
    const { training } = await this.policies.get();
    return inTransaction(this.db, async (m) => {
      const partners: { id: string; name: string; manager_id: string | null; first_start: string; last_done: string | null }[] = await m.query(
        `SELECT p.id, p.name, p.manager_id, min(a.start_date)::text AS first_start,
                (SELECT max(r.completed_at)::date::text FROM qualification_reviews r WHERE r.partner_id = p.id AND r.status = 'completed') AS last_done
           FROM partners p JOIN agreements a ON a.partner_id = p.id AND a.status = 'active'
          WHERE NOT EXISTS (SELECT 1 FROM qualification_reviews r WHERE r.partner_id = p.id AND r.status = 'scheduled')
          GROUP BY p.id`,
      );
      let scheduled = 0;
      for (const p of partners) {
        const due = nextQualificationReviewDue(p.last_done, p.first_start, training.qualificationReviewIntervalMonths);
        const rows = await m.query(`INSERT INTO qualification_reviews (partner_id, due_on) VALUES ($1, $2) ON CONFLICT (partner_id) WHERE status = 'scheduled' DO NOTHING RETURNING id`, [p.id, due]);
        if (!rows.length) continue;
        scheduled++;
        await this.audit.record(m, { entity: 'qualification_review', entityId: rows[0].id, action: 'qualification_review.scheduled', actor: { id: null, email: 'system' }, after: { partnerId: p.id, dueOn: due } });
        if (p.manager_id) await this.notifications.notify(m, { userIds: [p.manager_id], kind: 'qualification_review.scheduled', params: { partner: p.name, due }, link: `/admin/qualification-reviews/${rows[0].id}` });
      }
      const late: ReviewRow[] = await m.query(`${REVIEW_SELECT} WHERE r.status = 'scheduled' AND r.due_on < $1::date AND NOT r.overdue_notified FOR UPDATE OF r SKIP LOCKED LIMIT 500`, [day]);
      const admins = (await m.query(`SELECT id FROM users WHERE role = 'vendor_admin' AND disabled_at IS NULL`)).map((u: { id: string }) => u.id);
      for (const r of late) {
        await m.query(`UPDATE qualification_reviews SET overdue_notified = true WHERE id = $1`, [r.id]);
        const [p] = await m.query(`SELECT manager_id FROM partners WHERE id = $1`, [r.partner_id]);
        await this.notifications.notify(m, { userIds: [...admins, ...(p.manager_id ? [p.manager_id] : [])], kind: 'qualification_review.overdue', params: { partner: r.partner_name, due: r.due_on }, link: `/admin/qualification-reviews/${r.id}` });
      }
      return { scheduled, overdue: late.length };
    });
  }
}
