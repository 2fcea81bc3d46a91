import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  agreementNumber,
  type AgreementTerms,
  businessDateOf,
  certifiedStaffCheck,
  nextQualificationReviewDue,
  partnerReviewable,
  type Qualification,
  qualificationCompliance,
  type QualificationReview,
  type QualificationReviewInput,
  qualificationReviewResult,
  reviewOverdue,
  scopePartnerId,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeOf } from '../../common/auth/scope';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessNow, businessTimeZone, businessToday } from '../../common/time';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { CatalogRepository } from '../catalog/catalog.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { PoliciesService } from '../policies/policies.service';
import { UsersRepository } from '../users/users.repository';
import { CertificationsService, type SweepProgress, SWEEP_BATCH } from './certifications.service';
import { QualificationRepository, type ReviewRow } from './qualification.repository';

type AgreementRow = { id: string; type: AgreementTerms['type']; start_date: string; partner_id: string; terms: AgreementTerms };

/** Qualification against agreement requirements (live), and the periodic qualification reviews (资格认定审查). */
@Injectable()
export class QualificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: QualificationRepository,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly certifications: CertificationsService,
    private readonly partners: PartnersRepository,
    private readonly agreements: AgreementsRepository,
    private readonly catalog: CatalogRepository,
    private readonly users: UsersRepository,
  ) {}

  /** Qualification of agreements of one partner; its valid certificates and the product-line codes are read once. */
  private async qualify(m: EntityManager, partnerId: string, agreements: AgreementRow[]): Promise<Qualification[]> {
    if (!agreements.length) return [];
    const on = businessToday();
    const held = await this.certifications.validHeld(m, partnerId, on);
    const heldCertificates = held.map((h) => ({ userId: h.user_id, jobRole: h.job_role, productLineId: h.product_line_id }));
    const codes = await this.catalog.productLineCodes(m);
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
          holders: held
            .filter((h) => h.job_role === l.jobRole && h.product_line_id === l.productLineId)
            .map((h) => ({ userId: h.user_id, name: h.display_name, expiresOn: h.expires_on })),
        })),
      };
    });
  }

  /** GET /agreements/:id/qualification — requirements against certified headcount now. */
  async forAgreement(id: string, actor: AuthenticatedUser): Promise<Qualification> {
    const a = await this.agreements.row(id, scopePartnerId(scopeOf(actor)));
    if (!a) throw AppError.notFound('agreement', id);
    const [q] = await this.qualify(this.db.manager, a.partner_id, [
      { id: a.id, type: a.type, start_date: a.start_date, partner_id: a.partner_id, terms: a.terms },
    ]);
    return q;
  }

  /** Every active agreement of a partner with its qualification status. */
  async forPartner(partnerId: string, actor: AuthenticatedUser): Promise<Qualification[]> {
    const tenant = scopePartnerId(scopeOf(actor));
    if (tenant && tenant !== partnerId) throw AppError.notFound('partner', partnerId);
    const m = this.db.manager;
    return this.qualify(m, partnerId, await this.agreements.activeOfPartner(m, partnerId));
  }

  private reviewView(r: ReviewRow, on = businessToday()): QualificationReview {
    return {
      id: r.id,
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      dueOn: r.due_on,
      status: r.status,
      overdue: reviewOverdue(r.status, r.due_on, on),
      result: r.result,
      certifiedStaff: r.certified_staff,
      checklist: r.checklist,
      reviewerName: r.reviewer_name,
      completedAt: r.completed_at?.toISOString() ?? null,
    };
  }

  /** The review queue; paged when `page` is given. */
  async listReviews(
    q: { partnerId?: string; status?: 'scheduled' | 'completed'; overdue?: 'true' | 'false'; page?: number; pageSize?: number },
    actor: AuthenticatedUser,
  ): Promise<{ items: QualificationReview[]; total: number }> {
    const on = businessToday();
    const { rows, total } = await this.repo.list(
      { scope: scopeOf(actor), partnerId: q.partnerId, status: q.status, overdueOn: q.overdue === 'true' ? on : undefined },
      q.page ? { page: q.page, pageSize: q.pageSize ?? 25 } : null,
    );
    const items = rows.map((r) => this.reviewView(r, on));
    return { items, total: total ?? items.length };
  }

  async getReview(id: string, actor: AuthenticatedUser): Promise<QualificationReview> {
    const r = await this.repo.byId(id, scopeOf(actor));
    if (!r) throw AppError.notFound('qualification review', id);
    return this.reviewView(r);
  }

  /** Schedule a review now (ad hoc); there is at most one scheduled review per partner. */
  async schedule(partnerId: string, dueOn: string): Promise<string> {
    return inTransaction(this.db, async (m) => {
      const [p] = await this.partners.briefs(m, [partnerId]);
      if (!p) throw AppError.notFound('partner', partnerId);
      if (!partnerReviewable(p.status)) throw new AppError('REVIEW_PARTNER_NOT_REVIEWABLE', { status: p.status }, { status: p.status });
      const open = await this.repo.scheduledOf(m, partnerId);
      if (open) throw new AppError('REVIEW_ALREADY_SCHEDULED', { partner: p.name, due: open.due_on }, { existingReviewId: open.id });
      const id = await this.repo.schedule(m, partnerId, dueOn);
      // A concurrent scheduler won the unique index: report it as the scheduled review it is.
      if (!id) {
        const now = await this.repo.scheduledOf(m, partnerId);
        throw new AppError('REVIEW_ALREADY_SCHEDULED', { partner: p.name, due: now?.due_on ?? dueOn }, { existingReviewId: now?.id });
      }
      await this.audit.record(m, {
        entity: 'qualification_review',
        entityId: id,
        action: 'qualification_review.scheduled',
        after: { partnerId, dueOn },
      });
      return id;
    });
  }

  async complete(id: string, input: QualificationReviewInput, actor: AuthenticatedUser): Promise<QualificationReview> {
    const { training } = await this.policies.get();
    await inTransaction(this.db, async (m) => {
      const r = await this.repo.byId(id, scopeOf(actor), m, true);
      if (!r) throw AppError.notFound('qualification review', id);
      if (r.status === 'completed')
        throw new AppError('INVALID_TRANSITION', { entity: 'qualification review', from: 'completed', to: 'completed', allowed: '—' });
      // The certified-staff item, computed over every active agreement of the partner.
      const agreements = await this.agreements.activeOfPartner(m, r.partner_id);
      const staff = certifiedStaffCheck(await this.qualify(m, r.partner_id, agreements));
      const result = qualificationReviewResult({
        certifiedStaff: staff.pass,
        demoEnvironment: input.demoEnvironment.pass,
        marketingQuality: input.marketingQuality.pass,
        afterSalesProcess: input.afterSalesProcess.pass,
      });
      await this.repo.complete(m, id, { result, certifiedStaff: staff, checklist: input, reviewerId: actor.id, at: businessNow() });
      await this.audit.record(m, {
        entity: 'qualification_review',
        entityId: id,
        action: 'qualification_review.completed',
        before: { status: 'scheduled' },
        after: { result, certifiedStaff: staff, checklist: input },
      });
      // The next periodic review follows at once while the partner holds an active agreement.
      if (agreements.length > 0) {
        const next = nextQualificationReviewDue(businessToday(), agreements[0].start_date, training.qualificationReviewIntervalMonths);
        const nextId = await this.repo.schedule(m, r.partner_id, next);
        if (nextId)
          await this.audit.record(m, {
            entity: 'qualification_review',
            entityId: nextId,
            action: 'qualification_review.scheduled',
            after: { partnerId: r.partner_id, dueOn: next },
          });
      }
      const users = await this.partners.partnerAdmins(m, r.partner_id);
      await this.notifications.notify(m, {
        userIds: users,
        kind: 'qualification_review.completed',
        params: { partner: r.partner_name, result, notes: input.notes },
        link: '/portal/learning/team',
      });
    });
    return this.getReview(id, actor);
  }

  /**
   * Scheduler: every partner with an active agreement has one scheduled review, due N months (policy) after
   * the last completed review (its business date) or after its first agreement began. Overdue reviews are flagged to
   * the partner's channel manager and the vendor admins, once. Idempotent across instances (unique index, SKIP LOCKED);
   * works in batches of SWEEP_BATCH partners / reviews, one short transaction each.
   */
  async sweep(
    day: string,
    progress: SweepProgress = async () => {},
    resumeFrom: string | null = null,
  ): Promise<{ scheduled: number; overdue: number }> {
    const { training } = await this.policies.get();
    let processed = 0;
    let scheduled = 0;
    // Scheduling is idempotent (one scheduled review per partner); the cursor only saves re-reading partners.
    let after: string | null = resumeFrom?.match(/^reviews:([0-9a-f-]{36})$/)?.[1] ?? null;
    for (;;) {
      const page = await inTransaction(this.db, async (m) => {
        const holders = await this.agreements.activePartnersPage(m, after, SWEEP_BATCH);
        const open = await this.repo.unscheduled(
          m,
          holders.map((h) => h.partnerId),
        );
        const briefs = new Map(
          (
            await this.partners.briefs(
              m,
              open.map((o) => o.partnerId),
            )
          ).map((p) => [p.id, p]),
        );
        for (const o of open) {
          const first = holders.find((h) => h.partnerId === o.partnerId)!.firstStart;
          const lastDone = o.lastCompletedAt ? businessDateOf(o.lastCompletedAt, businessTimeZone()) : null;
          const due = nextQualificationReviewDue(lastDone, first, training.qualificationReviewIntervalMonths);
          const id = await this.repo.schedule(m, o.partnerId, due);
          if (!id) continue;
          scheduled++;
          const p = briefs.get(o.partnerId);
          await this.audit.record(m, {
            entity: 'qualification_review',
            entityId: id,
            action: 'qualification_review.scheduled',
            actor: { id: null, email: 'system' },
            after: { partnerId: o.partnerId, dueOn: due },
          });
          if (p?.managerId)
            await this.notifications.notify(m, {
              userIds: [p.managerId],
              kind: 'qualification_review.scheduled',
              params: { partner: p.name, due },
              link: `/admin/qualification-reviews/${id}`,
            });
        }
        return holders;
      });
      if (!page.length) break;
      processed += page.length;
      after = page[page.length - 1].partnerId;
      await progress(processed, page.length < SWEEP_BATCH ? processed : null, `reviews:${after}`);
      if (page.length < SWEEP_BATCH) break;
    }
    const total = processed + (await this.repo.countOverdueUnflagged(day));
    let overdue = 0;
    for (;;) {
      const n = await inTransaction(this.db, async (m) => {
        const late = await this.repo.overdueBatch(m, day, SWEEP_BATCH);
        if (!late.length) return 0;
        const admins = (await this.users.activeWithRoles(m, ['vendor_admin'])).map((u) => u.id);
        for (const r of late) {
          await this.repo.markOverdueNotified(m, r.id);
          await this.notifications.notify(m, {
            userIds: [...admins, ...(r.manager_id ? [r.manager_id] : [])],
            kind: 'qualification_review.overdue',
            params: { partner: r.partner_name, due: r.due_on },
            link: `/admin/qualification-reviews/${r.id}`,
          });
        }
        return late.length;
      });
      overdue += n;
      processed += n;
      if (n) await progress(processed, Math.max(total, processed));
      if (n < SWEEP_BATCH) break;
    }
    return { scheduled, overdue };
  }
}
