import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  agreementNumber,
  agreementPeriods,
  businessDateOf,
  daysBetween,
  Dec,
  DEFAULT_RENEWAL_POLICY,
  elapsedFraction,
  type EvidenceLink,
  paymentIntegrity,
  qualificationCompliance,
  recommendRenewal,
  type RenewalFactKey,
  type RenewalFacts,
  type RenewalRecommendation,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { businessTimeZone } from '../../common/time';
import type { AgreementRow } from '../agreements/agreements.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { IncidentsService } from '../partners/incidents.service';
import { PaymentsRepository } from '../payments/payments.repository';
import { PoliciesService } from '../policies/policies.service';
import { DepositsRepository } from '../rebates/deposits.repository';
import { PerformanceService } from '../rebates/performance.service';
import { RebateStatementsRepository } from '../rebates/rebate-statements.repository';
import { CertificationsRepository } from '../training/certifications.repository';
import { QualificationRepository } from '../training/qualification.repository';
import type { ReviewRow, SelfAssessmentRow } from './renewals.repository';

export type RenewalEvidence = Record<RenewalFactKey, EvidenceLink[]>;

/** What a review's facts are computed from besides the agreement: the review's own competition finding and self-assessment. */
export interface FactsInput {
  agreement: AgreementRow;
  review: Pick<ReviewRow, 'id' | 'competition_finding' | 'competition_found_at'> | null;
  selfAssessment: Pick<SelfAssessmentRow, 'competition_declaration' | 'submitted_on'> | null;
  today: string;
}

export interface AssessedFacts {
  facts: RenewalFacts;
  evidence: RenewalEvidence;
  recommendation: RenewalRecommendation;
  suggestedQuota: string | null;
}

/** At most this many invoices are listed as payment evidence (the worst first). */
const INVOICE_EVIDENCE = 50;

const money = (d: Dec) => d.toFixed(2);

/**
 * The five facts of a renewal review with the records behind each (DOMAIN §8), read through the owning modules'
 * exported repositories and services — every read through the caller's manager `m` (the embedded database is one
 * session: a read outside the caller's transaction would wait for it). The recommendation is `recommendRenewal`.
 */
@Injectable()
export class RenewalFactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly performance: PerformanceService,
    private readonly statements: RebateStatementsRepository,
    private readonly deposits: DepositsRepository,
    private readonly payments: PaymentsRepository,
    private readonly certifications: CertificationsRepository,
    private readonly qualification: QualificationRepository,
    private readonly catalog: CatalogRepository,
    private readonly policies: PoliciesService,
    private readonly incidents: IncidentsService,
  ) {}

  async assess(input: FactsInput, m: EntityManager = this.db.manager): Promise<AssessedFacts> {
    const { agreement: a, today } = input;
    const to = a.end_date < today ? a.end_date : today;
    const attainment = await this.attainment(m, a, today);
    const qualification = await this.qualificationFact(m, a, today);
    const payments = await this.paymentsFact(m, a, to);
    const incidents = await this.incidents.inTerm(a.partner_id, a.start_date, to, m);
    const facts: RenewalFacts = {
      renewalDate: a.end_date,
      attainment: attainment.fact,
      qualification: qualification.fact,
      payments: payments.fact,
      incidents: incidents.map((i) => ({ date: i.occurredOn, severity: i.severity })),
      competition: {
        declaration: input.selfAssessment?.competition_declaration ?? 'not_submitted',
        finding: input.review?.competition_finding ?? null,
      },
    };
    const competitionEvidence: EvidenceLink[] = [];
    if (input.review && input.selfAssessment)
      competitionEvidence.push({ kind: 'self_assessment', id: input.review.id, label: input.selfAssessment.competition_declaration, date: input.selfAssessment.submitted_on });
    if (input.review?.competition_finding)
      competitionEvidence.push({
        kind: 'competition_finding',
        id: input.review.id,
        label: input.review.competition_finding,
        date: input.review.competition_found_at ? businessDateOf(new Date(input.review.competition_found_at), businessTimeZone()) : null,
      });
    const evidence: RenewalEvidence = {
      attainment: attainment.evidence,
      qualification: qualification.evidence,
      payments: payments.evidence,
      service: incidents.map((i) => ({ kind: 'incident', id: i.id, label: `${i.severity}:${i.category}`, date: i.occurredOn })),
      competition: competitionEvidence,
    };
    const factor = (await this.policies.get(m)).renewals.quotaGrowthFactor;
    return {
      facts,
      evidence,
      recommendation: recommendRenewal(facts, DEFAULT_RENEWAL_POLICY),
      suggestedQuota: attainment.lastActual === null ? null : money(new Dec(attainment.lastActual).times(factor)),
    };
  }

  /**
   * Achievement and quota over the term so far: every ended period in full, the current period's achievement to date
   * against its quota pro rata (the part of the period elapsed). The last ended period's actual is the basis of the
   * successor's suggested quota.
   */
  private async attainment(m: EntityManager, a: AgreementRow, today: string) {
    const periods = agreementPeriods({ startDate: a.start_date, endDate: a.end_date, terms: a.terms });
    // Every period of the term (endedPeriods reads those ending before the day given); future ones are skipped below.
    const figures = await this.performance.endedPeriods(a, addDays(a.end_date, 1), m);
    let achievement = new Dec(0);
    let quota = new Dec(0);
    let lastActual: string | null = null;
    const evidence: EvidenceLink[] = [{ kind: 'agreement', id: a.id, label: agreementNumber(a.type, a.start_date, a.id), date: a.end_date }];
    for (const [i, p] of periods.entries()) {
      const f = figures[i];
      if (!f || p.start > today) continue;
      achievement = achievement.plus(f.achievement);
      if (p.end < today) {
        quota = quota.plus(f.quota);
        lastActual = f.achievement;
      } else {
        quota = quota.plus(new Dec(f.quota).times(elapsedFraction(p, today)));
      }
      const statement = await this.statements.statementOf(a.id, p.start, m);
      if (statement && statement.status !== 'draft') evidence.push({ kind: 'statement', id: statement.id, label: statement.number, date: p.end });
    }
    return {
      fact: { achievement: money(achievement), quota: money(quota), thresholdPercent: a.terms.renewalThresholdPercent ?? 80 },
      evidence,
      lastActual,
    };
  }

  /** Requirements of the agreement against the partner's valid certificates now, those lapsing before the end date, and the latest qualification review in the term. */
  private async qualificationFact(m: EntityManager, a: AgreementRow, today: string) {
    const held = await this.certifications.validCertificates(m, a.partner_id, today);
    const codes = await this.catalog.productLineCodes(m);
    const compliance = qualificationCompliance(
      a.terms.qualificationRequirements ?? [],
      held.map((h) => ({ userId: h.user_id, jobRole: h.job_role, productLineId: h.product_line_id })),
    );
    const evidence: EvidenceLink[] = [];
    const requirements = compliance.lines.map((l) => {
      const code = codes.get(l.productLineId) ?? l.productLineId;
      // Each holder's latest-expiring matching certificate: it lapses before the renewal date only if that one does.
      const latest = new Map<string, (typeof held)[number]>();
      for (const h of held) {
        if (h.job_role !== l.jobRole || h.product_line_id !== l.productLineId) continue;
        const prev = latest.get(h.user_id);
        if (!prev || h.expires_on > prev.expires_on) latest.set(h.user_id, h);
      }
      for (const h of latest.values()) evidence.push({ kind: 'certificate', id: h.id, label: `${h.display_name} · ${l.jobRole}:${code}`, date: h.expires_on });
      return {
        requirement: `${l.jobRole}:${code}`,
        required: l.headcount,
        certified: l.held,
        expiringBeforeRenewal: [...latest.values()].filter((h) => h.expires_on < a.end_date).length,
      };
    });
    // The latest completed review, counted when completed (business date) within the term.
    const since = new Date(Date.parse(`${a.start_date}T00:00:00Z`) - 86_400_000);
    const review = await this.qualification.latestCompleted(m, a.partner_id, since);
    const completedOn = review ? businessDateOf(new Date(review.completed_at), businessTimeZone()) : null;
    const inTerm = review && completedOn! >= a.start_date ? review : null;
    if (inTerm) evidence.push({ kind: 'qualification_review', id: inTerm.id, label: inTerm.result, date: completedOn });
    return { fact: { requirements, latestReview: inTerm?.result ?? null }, evidence };
  }

  /** Invoices due in the term so far (on time, late, still overdue) and the agreement's deposit. */
  private async paymentsFact(m: EntityManager, a: AgreementRow, asOf: string) {
    const invoices = await this.payments.dueBetween(m, a.partner_id, a.start_date, asOf);
    const integrity = paymentIntegrity(
      invoices.map((i) => ({ dueOn: i.due_on, paidOn: i.paid_on, amount: i.amount })),
      asOf,
    );
    const lateness = (i: (typeof invoices)[number]) => {
      const paid = i.paid_on && i.paid_on <= asOf ? i.paid_on : asOf;
      return daysBetween(i.due_on, paid);
    };
    const evidence: EvidenceLink[] = invoices
      .map((i) => ({ i, late: lateness(i) }))
      .filter((x) => x.late > 0)
      .sort((x, y) => y.late - x.late || (x.i.id < y.i.id ? -1 : 1))
      .slice(0, INVOICE_EVIDENCE)
      .map(({ i }) => ({ kind: 'invoice', id: i.id, label: i.invoice_no, date: i.due_on }));
    const deposit = a.type === 'exclusive' && a.terms.deposit ? ((await this.deposits.statusOf(a.id, m)) ?? 'due') : null;
    if (deposit) evidence.push({ kind: 'deposit', id: a.id, label: deposit, date: null });
    return { fact: { integrity, depositStatus: deposit }, evidence };
  }
}
