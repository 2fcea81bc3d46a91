import { Injectable } from '@nestjs/common';
import type { PartnerOverview, Scope } from '@partnerline/domain';
import { AppError } from '../../common/errors/app-error';
import { businessNow } from '../../common/time';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { AuditReadRepository } from '../audit/audit-read.repository';
import { AuthRepository } from '../auth/auth.repository';
import { DealRegistrationsRepository } from '../deal-registrations/deal-registrations.repository';
import { CertificationsRepository } from '../training/certifications.repository';
import { QualificationRepository } from '../training/qualification.repository';
import { SupportRepository } from '../training/support.repository';
import { PartnersRepository } from './partners.repository';

const LIST = { page: 1, pageSize: 20 };
const TIMELINE = 30;

/**
 * The partner 360: each part comes from the module that owns it, through that module's repository.
 * No rebate attainment yet: rebates do not exist, so nothing is shown rather than a made-up figure.
 */
@Injectable()
export class PartnerOverviewService {
  constructor(
    private readonly partners: PartnersRepository,
    private readonly registrations: DealRegistrationsRepository,
    private readonly agreements: AgreementsRepository,
    private readonly support: SupportRepository,
    private readonly certifications: CertificationsRepository,
    private readonly reviews: QualificationRepository,
    private readonly audit: AuditReadRepository,
    private readonly auth: AuthRepository,
  ) {}

  async overview(partnerId: string, scope: Scope): Promise<PartnerOverview> {
    const now = businessNow();
    // Out of the caller's scope reads as unknown (a manager sees only the partners assigned to them).
    if (!(await this.partners.detail(partnerId, scope, now))) throw AppError.notFound('partner', partnerId);
    const today = now.toISOString().slice(0, 10);
    const regs = await this.registrations.partnerSummary(partnerId);
    const agreements = await this.agreements.list({ partnerId, ...LIST }, scope, today);
    const support = await this.support.list({ scope, partnerId }, LIST);
    const certs = await this.certifications.list({ scope, partnerId }, LIST);
    const reviews = await this.reviews.list({ scope, partnerId }, LIST);
    const audit = await this.audit.list({ entity: 'partner', entityId: partnerId, page: 1, pageSize: TIMELINE });
    const history = await this.registrations.partnerStatusHistory(partnerId, TIMELINE);
    const names = await this.auth.displayNames([...new Set(history.map((h) => h.actor_id).filter((x): x is string => !!x))]);

    const timeline: PartnerOverview['timeline'] = [
      ...audit.items.map((a) => ({ at: a.occurredAt, kind: 'audit' as const, action: a.action, actorName: a.actorName ?? a.actorEmail ?? null, entity: a.entity, entityId: a.entityId, detail: null })),
      ...history.map((h) => ({
        at: h.occurred_at.toISOString(),
        kind: 'registration' as const,
        action: h.to_status,
        actorName: h.actor_id ? (names.get(h.actor_id) ?? null) : null,
        entity: 'deal_registration',
        entityId: h.registration_id,
        detail: h.customer_name,
      })),
    ]
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, TIMELINE);

    return {
      registrations: {
        open: regs.open,
        won: regs.won,
        lost: regs.lost,
        pipelineValue: regs.pipeline,
        wonRevenue: regs.revenue,
        recent: regs.recent.map((r) => ({
          id: r.id,
          customerName: r.customer_name,
          status: r.status,
          estimatedAmount: r.estimated_amount,
          expectedClose: r.expected_close,
          updatedAt: r.updated_at.toISOString(),
        })),
      },
      agreements: agreements.items.map((a) => ({ id: a.id, number: a.number, type: a.type, status: a.status, startDate: a.startDate, endDate: a.endDate })),
      supportRequests: support.rows.map((s) => ({ id: s.id, number: s.number, kind: s.kind, subject: s.subject, status: s.status, createdAt: s.created_at.toISOString() })),
      certifications: certs.rows.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        holderName: c.holder_name,
        earnedOn: c.earned_on,
        expiresOn: c.expires_on,
        revoked: c.revoked_at !== null,
      })),
      reviews: reviews.rows.map((r) => ({ id: r.id, dueOn: r.due_on, status: r.status, result: r.result, completedAt: r.completed_at ? r.completed_at.toISOString() : null })),
      timeline,
    };
  }
}
