import { Injectable } from '@nestjs/common';
import { missingEvidence, type RegistrationReview, type RelatedRegistration, type Scope, UNDER_REVIEW_STATUSES } from '@partnerline/domain';
import { AppError } from '../../common/errors/app-error';
import { businessToday } from '../../common/time';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { PartnersRepository } from '../partners/partners.repository';
import { DealRegistrationsRepository, type Row } from './deal-registrations.repository';
import { DealRegistrationsService } from './deal-registrations.service';
import { type RelatedRow, RegistrationReviewRepository } from './registration-review.repository';

type ReviewRow = Row & {
  agreement_id: string | null;
  submitted_at: Date | null;
  review_comment: string | null;
};

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The reviewer's desk: one answer with everything a decision needs. Each fact comes from the module that owns it
 * (partners, agreements, catalogue); this service only assembles them.
 */
@Injectable()
export class RegistrationReviewService {
  constructor(
    private readonly review: RegistrationReviewRepository,
    private readonly registrations: DealRegistrationsRepository,
    private readonly registrationsService: DealRegistrationsService,
    private readonly partners: PartnersRepository,
    private readonly agreements: AgreementsRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  async context(id: string, scope: Scope): Promise<RegistrationReview> {
    const m = this.review.manager;
    const r = (await this.registrations.load(m, id, await this.registrationsService.ownersOf(m, scope))) as ReviewRow | null;
    if (!r) throw AppError.notFound('deal registration', id);
    const d = r.details;
    const keys = { id: r.id, partnerId: r.partner_id, taxId: r.customer_tax_id, domain: r.customer_domain, nameCore: r.customer_name_core };
    const [partner, active, covering, labels, names, files, conflicts, history, similar] = await Promise.all([
      this.partners.summary(r.partner_id, { kind: 'vendor' }, m),
      this.agreements.activeOfPartner(m, r.partner_id),
      r.agreement_id ? this.agreements.row(r.agreement_id, { kind: 'vendor' }, m) : null,
      this.catalog.labels(m, [r.industry_id], [r.region_id]),
      this.catalog.productNames(),
      this.registrations.evidenceFiles(id),
      this.registrations.conflictsOf(id),
      this.review.partnerHistory(keys),
      this.review.similarByOthers(keys),
    ]);
    if (!partner) throw AppError.notFound('partner', r.partner_id);
    const terms = await this.agreements.briefs(m, active.map((a) => a.id));
    const partnerNames = new Map((await this.partners.briefs(m, [...new Set([...history, ...similar].map((x) => x.partner_id))])).map((p) => [p.id, p.name]));
    const industry = labels.industries.get(r.industry_id);
    const region = labels.regions.get(r.region_id);
    const productById = new Map(names.products.map((p) => [p.id, p]));
    const standard = covering?.terms.evidenceStandard ?? null;
    const today = businessToday();
    const underReview = (UNDER_REVIEW_STATUSES as readonly string[]).includes(r.status);
    const related = (x: RelatedRow): RelatedRegistration => ({
      id: x.id,
      partnerId: x.partner_id,
      partnerName: partnerNames.get(x.partner_id) ?? '—',
      customerName: x.customer_name,
      status: x.status as RelatedRegistration['status'],
      estimatedAmount: x.estimated_amount,
      submittedAt: x.submitted_at?.toISOString() ?? null,
      matchedOn: [...(x.tax ? (['taxId'] as const) : []), ...(x.dom ? (['domain'] as const) : []), ...(x.nm ? (['name'] as const) : [])],
    });
    return {
      id: r.id,
      status: r.status,
      partner: {
        id: partner.id,
        name: partner.name,
        nameEn: partner.nameEn,
        type: partner.type,
        status: partner.status,
        managerName: partner.managerName,
        agreements: terms.map((a) => ({ id: a.id, type: a.type, startDate: String(a.startDate).slice(0, 10), endDate: String(a.endDate).slice(0, 10) })),
      },
      customer: {
        name: r.customer_name,
        taxId: d.customer.taxId ?? null,
        domain: d.customer.domain ?? null,
        address: d.customer.address ?? null,
        industry: industry ? { id: r.industry_id, nameZh: industry.nameZh, nameEn: industry.nameEn } : null,
        region: region ? { id: r.region_id, nameZh: region.nameZh, nameEn: region.nameEn } : null,
      },
      products: d.products.map((p) => {
        const n = productById.get(p.productId);
        return { productId: p.productId, nameZh: n?.name_zh ?? '—', nameEn: n?.name_en ?? '—', quantity: p.quantity };
      }),
      estimatedAmount: r.estimated_amount,
      stage: d.stage,
      expectedCloseDate: d.expectedCloseDate,
      need: d.need,
      contacts: d.contacts.map((c) => ({ name: c.name, title: c.title ?? null, decisionLevel: c.decisionLevel, email: c.email ?? null, phone: c.phone ?? null })),
      agreement: covering
        ? { id: covering.id, type: covering.type, startDate: String(covering.start_date).slice(0, 10), endDate: String(covering.end_date).slice(0, 10), evidenceStandard: standard }
        : null,
      evidence: {
        proofOfCommunication: d.evidence?.proofOfCommunication ?? null,
        customerFeedback: d.evidence?.customerFeedback ?? null,
        customerDetails: d.evidence?.customerDetails ?? null,
      },
      missingEvidence: missingEvidence(standard, d.evidence ?? {}),
      files: files.map((f) => ({ id: f.id, kind: f.kind, filename: f.filename, mimeType: f.mime_type, size: Number(f.size_bytes), uploadedAt: f.uploaded_at.toISOString() })),
      history: history.map(related),
      similar: similar.map(related),
      conflicts,
      sla: {
        submittedAt: r.submitted_at?.toISOString() ?? null,
        dueBy: r.sla_due,
        overdueDays: underReview && r.sla_due && r.sla_due < today ? daysBetween(r.sla_due, today) : 0,
      },
      reviewComment: r.review_comment ?? null,
      protectionEnds: r.protection_ends,
    };
  }
}
