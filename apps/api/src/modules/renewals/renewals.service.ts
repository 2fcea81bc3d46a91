import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  type CompetitionFindingInput,
  daysBetween,
  type RenewalDecision,
  type RenewalFacts,
  type RenewalReadiness,
  type RenewalRecommendation,
  type RenewalReviewDetail,
  type RenewalReviewPage,
  type RenewalReviewsQuery,
  type RenewalReviewSummary,
  type SelfAssessmentInput,
  VENDOR_SCOPE,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeOf } from '../../common/auth/scope';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessNow, businessToday } from '../../common/time';
import { type AgreementRow, AgreementsRepository } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { PoliciesService } from '../policies/policies.service';
import { UsersRepository } from '../users/users.repository';
import { type AssessedFacts, RenewalFactsService, type RenewalEvidence } from './renewal-facts.service';
import { type ReviewRow, RenewalsRepository, type SelfAssessmentRow } from './renewals.repository';

/** Agreements read, reviews opened and reviews escalated per transaction by the sweep. */
export const RENEWAL_SWEEP_BATCH = 200;

type Progress = (processed: number, total?: number | null) => Promise<void>;

/** 404 for a review, its entity worded in both languages (a Chinese message never shows `renewal review`). */
const reviewNotFound = (id: string) => new AppError('NOT_FOUND', { entity: { en: 'renewal review', 'zh-CN': '续约评审' }, id }, { entity: 'renewal review', id });

const STATUS_WORDS = { open: { en: 'open', 'zh-CN': '进行中' }, decided: { en: 'decided', 'zh-CN': '已决定' } } as const;

/** The frozen facts of a decided review: the decision writes `decision_facts = {facts, evidence}` (ADR 0018). */
function frozen(row: ReviewRow): { facts: RenewalFacts; evidence: RenewalEvidence; recommendation: RenewalRecommendation } | null {
  if (row.status !== 'decided' || !row.decision_facts || !row.decision_recommendation) return null;
  const { facts, evidence } = row.decision_facts as { facts: RenewalFacts; evidence: RenewalEvidence };
  return { facts, evidence, recommendation: row.decision_recommendation as RenewalRecommendation };
}

/**
 * Renewal reviews (issue #15; DOMAIN §8): one per agreement, opened by the sweep `openDaysBeforeEnd` before the end
 * or by a channel manager on demand; live facts and recommendation while open; the partner's self-assessment; the
 * manager's competition finding; the partner's readiness view. The decision lives in the decision service.
 */
@Injectable()
export class RenewalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: RenewalsRepository,
    private readonly facts: RenewalFactsService,
    private readonly agreements: AgreementsRepository,
    private readonly partners: PartnersRepository,
    private readonly people: AuthRepository,
    private readonly users: UsersRepository,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  // ── Facts ─────────────────────────────────────────────────────────────

  private async agreementOf(m: EntityManager, row: ReviewRow): Promise<AgreementRow> {
    const a = await this.agreements.row(row.agreement_id, VENDOR_SCOPE, m);
    if (!a) throw AppError.notFound('agreement', row.agreement_id);
    return a;
  }

  private async live(m: EntityManager, row: ReviewRow, a?: AgreementRow, sa?: SelfAssessmentRow | null): Promise<AssessedFacts> {
    return this.facts.assess(
      {
        agreement: a ?? (await this.agreementOf(m, row)),
        review: row,
        selfAssessment: sa === undefined ? await this.repo.selfAssessment(row.id, m) : sa,
        today: businessToday(),
      },
      m,
    );
  }

  /**
   * The live facts, evidence, recommendation and suggested quota of a review — what a decision freezes — from the
   * review and agreement rows the decision's transaction has locked.
   */
  async assess(m: EntityManager, review: ReviewRow, agreement: AgreementRow): Promise<AssessedFacts> {
    return this.live(m, review, agreement);
  }

  /** Facts, evidence and recommendation as shown: frozen once decided, live (and cached for the board) while open. */
  private async shown(m: EntityManager, row: ReviewRow, a: AgreementRow, sa: SelfAssessmentRow | null) {
    const f = frozen(row);
    if (f) return { ...f, suggestedQuota: row.suggested_quota };
    const live = await this.live(m, row, a, sa);
    if (row.recommendation !== live.recommendation.outcome) await this.repo.setRecommendation(m, row.id, live.recommendation.outcome, businessToday());
    return live;
  }

  // ── Reads ─────────────────────────────────────────────────────────────

  private summary(row: ReviewRow, a: { type: RenewalReviewSummary['agreementType'] }, partnerName: string, today: string, recommendation: RenewalReviewSummary['recommendation']): RenewalReviewSummary {
    return {
      id: row.id,
      agreementId: row.agreement_id,
      agreementType: a.type,
      partnerId: row.partner_id,
      partnerName,
      status: row.status,
      endDate: row.end_date,
      decideBy: row.decide_by,
      overdue: row.status === 'open' && today > row.decide_by,
      openedOn: row.opened_on,
      openedByManager: row.opened_by !== null,
      recommendation,
      decision: row.decision,
      selfAssessed: row.self_assessed,
      willNotRenew: row.will_not_renew,
    };
  }

  async list(q: RenewalReviewsQuery, user: AuthenticatedUser): Promise<RenewalReviewPage> {
    const today = businessToday();
    const { rows, total } = await this.repo.page(q, scopeOf(user), today);
    const m = this.db.manager;
    const types = new Map((await this.agreements.briefs(m, rows.map((r) => r.agreement_id))).map((a) => [a.id, a]));
    const names = new Map((await this.partners.briefs(m, [...new Set(rows.map((r) => r.partner_id))])).map((p) => [p.id, p.name]));
    const items: RenewalReviewSummary[] = [];
    for (const r of rows) {
      let recommendation = frozen(r)?.recommendation.outcome ?? r.recommendation;
      // Not computed yet (opened moments ago by a sweep still running): compute and cache it now.
      if (!recommendation) recommendation = (await this.shown(m, r, await this.agreementOf(m, r), await this.repo.selfAssessment(r.id, m))).recommendation.outcome;
      items.push(this.summary(r, types.get(r.agreement_id) ?? { type: 'registration' }, names.get(r.partner_id) ?? '', today, recommendation));
    }
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async detail(id: string, user: AuthenticatedUser, m: EntityManager = this.db.manager): Promise<RenewalReviewDetail> {
    const row = await this.repo.row(id, scopeOf(user), m);
    if (!row) throw reviewNotFound(id);
    return this.detailOf(m, row);
  }

  private async detailOf(m: EntityManager, row: ReviewRow): Promise<RenewalReviewDetail> {
    const today = businessToday();
    const a = await this.agreementOf(m, row);
    const sa = await this.repo.selfAssessment(row.id, m);
    const shown = await this.shown(m, row, a, sa);
    const [partner] = await this.partners.briefs(m, [row.partner_id]);
    const conditions = row.status === 'decided' ? await this.repo.probationConditions(row.id, m) : [];
    const names = await this.people.displayNames(
      [row.competition_found_by, sa?.submitted_by, row.decided_by].filter((u): u is string => typeof u === 'string'),
      m,
    );
    const ref = (uid: string) => ({ id: uid, name: names.get(uid) ?? '' });
    return {
      ...this.summary(row, a, partner?.name ?? '', today, shown.recommendation.outcome),
      agreement: { startDate: a.start_date, endDate: a.end_date, renewalThresholdPercent: a.terms.renewalThresholdPercent ?? 80 },
      facts: shown.facts,
      evidence: shown.evidence,
      recommendationDetail: shown.recommendation,
      suggestedQuota: shown.suggestedQuota,
      competitionFinding:
        row.competition_finding && row.competition_found_by && row.competition_found_at
          ? { finding: row.competition_finding, note: row.competition_note ?? '', foundBy: ref(row.competition_found_by), foundAt: new Date(row.competition_found_at).toISOString() }
          : null,
      selfAssessment: sa
        ? {
            wentWell: sa.went_well,
            plan: sa.plan,
            proposedQuota: sa.proposed_quota,
            competitionDeclaration: sa.competition_declaration,
            competingProducts: sa.competing_products,
            willRenew: sa.will_renew,
            rating: {
              product: sa.rating_product,
              competitiveness: sa.rating_competitiveness,
              margin: sa.rating_margin,
              training: sa.rating_training,
              support: sa.rating_support,
              likelyToRecommend: sa.likely_to_recommend,
              comments: sa.comments,
            },
            submittedBy: ref(sa.submitted_by),
            submittedOn: sa.submitted_on,
          }
        : null,
      decision: this.decisionOf(row, conditions, ref),
    };
  }

  private decisionOf(row: ReviewRow, conditions: { id: string; text: string; met: boolean | null }[], ref: (uid: string) => { id: string; name: string }): RenewalDecision | null {
    if (row.status !== 'decided' || !row.decision) return null;
    return {
      outcome: row.decision,
      rationale: row.rationale ?? '',
      decidedBy: ref(row.decided_by ?? ''),
      decidedAt: (row.decided_at ? new Date(row.decided_at) : new Date(0)).toISOString(),
      successorAgreementId: row.successor_agreement_id,
      probation: row.decision === 'renew_on_probation' && row.probation_check_on ? { checkOn: row.probation_check_on, conditions, outcome: row.probation_outcome } : null,
      terminationEffective: row.termination_effective,
      depositHandling: row.deposit_handling,
    };
  }

  /** The partner's renewal readiness on its agreement page, from `readinessWindowDays` before the end. */
  async readiness(agreementId: string, user: AuthenticatedUser): Promise<RenewalReadiness> {
    const m = this.db.manager;
    const a = await this.agreements.row(agreementId, scopeOf(user), m);
    if (!a) throw AppError.notFound('agreement', agreementId);
    const today = businessToday();
    const { renewals } = await this.policies.get(m);
    const daysToEnd = daysBetween(today, a.end_date);
    const review = await this.repo.rowOfAgreement(a.id, m);
    const base = { agreementId: a.id, endDate: a.end_date, daysToEnd, reviewId: review?.id ?? null, reviewStatus: review?.status ?? null, selfAssessed: review?.self_assessed ?? false };
    const inWindow = daysToEnd <= renewals.readinessWindowDays && (review !== null || (a.status === 'active' && daysToEnd >= 0));
    if (!inWindow) return { ...base, shown: false, recommendation: null, evidence: null };
    const shown = review
      ? await this.shown(m, review, a, await this.repo.selfAssessment(review.id, m))
      : await this.facts.assess({ agreement: a, review: null, selfAssessment: null, today }, m);
    return { ...base, shown: true, recommendation: shown.recommendation, evidence: shown.evidence };
  }

  // ── Writes ────────────────────────────────────────────────────────────

  private async lockedOpen(m: EntityManager, id: string, user: AuthenticatedUser): Promise<ReviewRow> {
    const row = await this.repo.row(id, scopeOf(user), m, true);
    if (!row) throw reviewNotFound(id);
    if (row.status !== 'open') throw new AppError('RENEWAL_REVIEW_CLOSED', { status: STATUS_WORDS[row.status] }, { reviewId: id, status: row.status });
    return row;
  }

  private async decideBy(m: EntityManager, endDate: string): Promise<string> {
    return addDays(endDate, -(await this.policies.get(m)).renewals.decisionLeadDays);
  }

  /** A channel manager opens the review of an active agreement on demand (one per agreement: 409 with its id). */
  async open(agreementId: string, user: AuthenticatedUser): Promise<RenewalReviewDetail> {
    const today = businessToday();
    const id = await inTransaction(this.db, async (m) => {
      const a = await this.agreements.row(agreementId, VENDOR_SCOPE, m, true);
      if (!a) throw AppError.notFound('agreement', agreementId);
      const existing = await this.repo.idOfAgreement(m, a.id);
      if (existing) throw new AppError('RENEWAL_REVIEW_EXISTS', { reviewId: existing }, { reviewId: existing });
      if (a.status !== 'active') throw new AppError('RENEWAL_AGREEMENT_NOT_ACTIVE', { status: a.status }, { status: a.status });
      if (a.end_date < today) throw new AppError('RENEWAL_AGREEMENT_ENDED', { endDate: a.end_date }, { endDate: a.end_date });
      const decideBy = await this.decideBy(m, a.end_date);
      const [opened] = await this.repo.insertOpen(m, [{ agreementId: a.id, partnerId: a.partner_id, endDate: a.end_date, decideBy, openedOn: today, openedBy: user.id }]);
      // The agreement row is locked, but a sweep inserts without it: the unique index answers, as a conflict.
      if (!opened) {
        const winner = (await this.repo.idOfAgreement(m, a.id))!;
        throw new AppError('RENEWAL_REVIEW_EXISTS', { reviewId: winner }, { reviewId: winner });
      }
      await this.audit.record(m, { entity: 'renewal_review', entityId: opened.id, action: 'renewal_review.opened', after: { agreementId: a.id, endDate: a.end_date, decideBy } });
      await this.notifyOpened(m, [{ id: opened.id, partnerId: a.partner_id, partnerName: a.partner_name, endDate: a.end_date, decideBy }]);
      return opened.id;
    });
    return this.detail(id, user);
  }

  /** Partner admins (portal link) and the partner's channel manager(s) (admin link) hear that a review opened. */
  private async notifyOpened(m: EntityManager, opened: readonly { id: string; partnerId: string; partnerName: string; endDate: string; decideBy: string }[]) {
    for (const o of opened) {
      const params = { partner: o.partnerName, endDate: o.endDate, decideBy: o.decideBy };
      await this.notifications.notify(m, { userIds: await this.partners.partnerAdmins(m, o.partnerId), kind: 'renewal_review.opened', params, link: `/portal/renewals/${o.id}` });
      await this.notifications.notify(m, { userIds: await this.partners.managersOf(m, o.partnerId), kind: 'renewal_review.opened', params, link: `/admin/renewals/${o.id}` });
    }
  }

  /**
   * The partner admin's self-assessment and rating of the vendor (resubmitting replaces it while the review is open).
   * Declaring it will not renew sets will_not_renew and gives the partner's channel manager(s) a task (a notification).
   */
  async selfAssess(id: string, input: SelfAssessmentInput, user: AuthenticatedUser): Promise<RenewalReviewDetail> {
    return inTransaction(this.db, async (m) => {
      const row = await this.lockedOpen(m, id, user);
      const today = businessToday();
      await this.repo.upsertSelfAssessment(m, row.id, row.partner_id, input, user.id, today);
      await this.repo.setWillNotRenew(m, row.id, !input.willRenew);
      await this.audit.record(m, {
        entity: 'renewal_review',
        entityId: row.id,
        action: 'renewal_review.self_assessed',
        before: { willNotRenew: row.will_not_renew },
        after: { willRenew: input.willRenew, willNotRenew: !input.willRenew, competitionDeclaration: input.competitionDeclaration, proposedQuota: input.proposedQuota },
      });
      if (!input.willRenew && !row.will_not_renew) {
        const [p] = await this.partners.briefs(m, [row.partner_id]);
        await this.notifications.notify(m, {
          userIds: await this.partners.managersOf(m, row.partner_id),
          kind: 'renewal_review.will_not_renew',
          params: { partner: p?.name ?? '', endDate: row.end_date },
          link: `/admin/renewals/${row.id}`,
        });
      }
      // The detail computes the live facts once and caches the recommendation with the change (shown).
      return this.detail(id, user, m);
    });
  }

  /** The channel manager's finding on competition avoidance (不脚踏多只船), with a note; replaces an earlier one while open. */
  async competitionFinding(id: string, input: CompetitionFindingInput, user: AuthenticatedUser): Promise<RenewalReviewDetail> {
    return inTransaction(this.db, async (m) => {
      const row = await this.lockedOpen(m, id, user);
      await this.repo.setCompetitionFinding(m, row.id, { finding: input.finding, note: input.note, by: user.id, at: businessNow() });
      await this.audit.record(m, {
        entity: 'renewal_review',
        entityId: row.id,
        action: 'renewal_review.competition_finding',
        before: { finding: row.competition_finding, note: row.competition_note },
        after: { finding: input.finding, note: input.note },
      });
      // The detail computes the live facts once and caches the recommendation with the change (shown).
      return this.detail(id, user, m);
    });
  }

  /** Recomputes and caches the live recommendation of an open review (the board filters by it). */
  private async refresh(m: EntityManager, id: string): Promise<void> {
    const row = await this.repo.row(id, VENDOR_SCOPE, m);
    if (!row || row.status !== 'open') return;
    await this.repo.setRecommendation(m, id, (await this.live(m, row)).recommendation.outcome, businessToday());
  }

  // ── Sweep ─────────────────────────────────────────────────────────────

  /**
   * Opens the reviews due on `day`: every active agreement ending in [day, day + openDaysBeforeEnd] without one. Each
   * batch is one short transaction; INSERT … ON CONFLICT (agreement_id) DO NOTHING makes concurrent sweeps (and a
   * manager opening at the same time) open exactly one review per agreement, and only the rows actually inserted are
   * audited and announced. Returns the ids opened.
   */
  async openDue(day: string, progress?: Progress, batch = RENEWAL_SWEEP_BATCH): Promise<string[]> {
    const { renewals } = await this.policies.get();
    const until = addDays(day, renewals.openDaysBeforeEnd);
    const opened: string[] = [];
    let after: string | null = null;
    let seen = 0;
    for (;;) {
      const page = await inTransaction(this.db, async (m) => {
        const due = await this.agreements.endingBetween(m, day, until, after, batch);
        if (!due.length) return due;
        const rows = due.map((a) => ({ agreementId: a.id, partnerId: a.partnerId, endDate: a.endDate, decideBy: addDays(a.endDate, -renewals.decisionLeadDays), openedOn: day, openedBy: null }));
        const inserted = await this.repo.insertOpen(m, rows);
        if (inserted.length) {
          const byAgreement = new Map(rows.map((r) => [r.agreementId, r]));
          const names = new Map((await this.partners.briefs(m, [...new Set(inserted.map((i) => byAgreement.get(i.agreementId)!.partnerId))])).map((p) => [p.id, p.name]));
          await this.audit.recordMany(
            m,
            inserted.map((i) => {
              const r = byAgreement.get(i.agreementId)!;
              return { entity: 'renewal_review', entityId: i.id, action: 'renewal_review.opened', actor: { id: null, email: 'system' }, after: { agreementId: r.agreementId, endDate: r.endDate, decideBy: r.decideBy } };
            }),
          );
          await this.notifyOpened(
            m,
            inserted.map((i) => {
              const r = byAgreement.get(i.agreementId)!;
              return { id: i.id, partnerId: r.partnerId, partnerName: names.get(r.partnerId) ?? '', endDate: r.endDate, decideBy: r.decideBy };
            }),
          );
          opened.push(...inserted.map((i) => i.id));
        }
        return due;
      });
      seen += page.length;
      await progress?.(seen, null);
      if (page.length < batch) break;
      after = page[page.length - 1].id;
    }
    return opened;
  }

  /** Open reviews past their decide-by date are escalated once (escalated_at) to the vendor admins and the partner's manager. */
  async escalateOverdue(day: string, progress?: Progress, batch = RENEWAL_SWEEP_BATCH): Promise<number> {
    const total = await this.repo.countOverdueUnescalated(day);
    let done = 0;
    for (;;) {
      const n = await inTransaction(this.db, async (m) => {
        const late = await this.repo.escalateBatch(m, day, businessNow(), batch);
        if (!late.length) return 0;
        const admins = (await this.users.activeWithRoles(m, ['vendor_admin'])).map((u) => u.id);
        const names = new Map((await this.partners.briefs(m, [...new Set(late.map((r) => r.partnerId))])).map((p) => [p.id, p]));
        await this.audit.recordMany(
          m,
          late.map((r) => ({ entity: 'renewal_review', entityId: r.id, action: 'renewal_review.escalated', actor: { id: null, email: 'system' }, after: { decideBy: r.decideBy, escalatedOn: day } })),
        );
        for (const r of late) {
          const p = names.get(r.partnerId);
          await this.notifications.notify(m, {
            userIds: [...admins, ...(p?.managerId ? [p.managerId] : [])],
            kind: 'renewal_review.overdue',
            params: { partner: p?.name ?? '', decideBy: r.decideBy, endDate: r.endDate },
            link: `/admin/renewals/${r.id}`,
          });
        }
        return late.length;
      });
      done += n;
      if (n) await progress?.(done, Math.max(total, done));
      if (n < batch) return done;
    }
  }

  /** Recomputes the cached recommendation of every open review (facts move: statements, invoices, certificates), in pages. */
  async refreshOpen(progress?: Progress, batch = RENEWAL_SWEEP_BATCH): Promise<number> {
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const ids = await this.repo.openIdsPage(after, batch);
      for (const id of ids) await inTransaction(this.db, (m) => this.refresh(m, id));
      done += ids.length;
      if (ids.length) await progress?.(done, null);
      if (ids.length < batch) return done;
      after = ids[ids.length - 1];
    }
  }
}
