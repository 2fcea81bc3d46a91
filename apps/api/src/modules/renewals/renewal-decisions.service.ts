import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  agreementNumber,
  type AgreementTerms,
  AgreementTermsSchema,
  businessDateOf,
  checkTransition,
  PARTNER_TRANSITIONS,
  type ProbationCheckInput,
  probationCheckWindow,
  type RenewalDecisionInput,
  type RenewalReviewDetail,
  successorQuota,
  successorTerm,
  VENDOR_SCOPE,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessNow, businessTimeZone, businessToday } from '../../common/time';
import { type AgreementRow, AgreementsRepository } from '../agreements/agreements.repository';
import { AgreementsService } from '../agreements/agreements.service';
import { AuditService } from '../audit/audit.service';
import { DealRegistrationsService } from '../deal-registrations/deal-registrations.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { ScreeningService } from '../partners/screening.service';
import { DepositsService } from '../rebates/deposits.service';
import { type DueTermination, RenewalDecisionsRepository } from './renewal-decisions.repository';
import { type ReviewRow, RenewalsRepository } from './renewals.repository';
import { RenewalsService } from './renewals.service';

/** Terminated reviews whose effects are applied per transaction by the sweep. */
export const EFFECTS_BATCH = 50;

type Progress = (processed: number, total?: number | null) => Promise<void>;

/**
 * Renewal decisions (issue #15; DOMAIN §8; ADR 0018). A channel manager decides an open review once, in one
 * transaction with its audit row: the facts, evidence and recommendation are frozen with the decision.
 *  - renew: a successor draft prefilled from the agreement (term after it, same length; quota as decided), the paid
 *    deposit carried over to it (ledger entries), the exclusive scope checked first against other exclusive holdings;
 *  - renew on probation: the same, plus named conditions checked on a date (POST …/probation-check);
 *  - terminate: the agreement terminated with effect after its end date; on that day `applyDueEffects` refunds or
 *    forfeits the paid deposit, ends the partner's status when nothing else is in force, and rejects its registrations
 *    still waiting for review.
 * The partner reads the decision and rationale on its review and is notified.
 */
@Injectable()
export class RenewalDecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reviews: RenewalsRepository,
    private readonly renewals: RenewalsService,
    private readonly repo: RenewalDecisionsRepository,
    private readonly agreementsService: AgreementsService,
    private readonly agreements: AgreementsRepository,
    private readonly deposits: DepositsService,
    private readonly partners: PartnersRepository,
    private readonly screening: ScreeningService,
    private readonly registrations: DealRegistrationsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  private alreadyDecided(row: ReviewRow): AppError {
    const decidedOn = row.decided_at ? businessDateOf(new Date(row.decided_at), businessTimeZone()) : row.end_date;
    return new AppError('RENEWAL_ALREADY_DECIDED', { decidedOn }, { reviewId: row.id, decision: row.decision, decidedOn });
  }

  private async agreementOf(m: EntityManager, row: ReviewRow, lock = false): Promise<AgreementRow> {
    const a = await this.agreements.row(row.agreement_id, VENDOR_SCOPE, m, lock);
    if (!a) throw AppError.notFound('agreement', row.agreement_id);
    return a;
  }

  /**
   * The successor's exclusive scope against every other exclusive holding over its term: a clash is refused naming the
   * holder and the segments (approval would be refused by the exclusion constraint anyway; this says so now).
   * Read before the decision's transaction — the preview reads through the data source, not a transaction's manager.
   */
  private async refuseOverlap(a: AgreementRow, term: { startDate: string; endDate: string }): Promise<void> {
    if (a.type !== 'exclusive') return;
    const refusal = await this.agreementsService.overlapRefusal('RENEWAL_SUCCESSOR_OVERLAP', a.terms.scope, term.startDate, term.endDate, a.id);
    if (refusal) throw refusal;
  }

  /** `POST /api/renewal-reviews/:id/decision` — renew, renew on probation or terminate; final. */
  async decide(id: string, input: RenewalDecisionInput, user: AuthenticatedUser): Promise<RenewalReviewDetail> {
    const before = await this.reviews.row(id, VENDOR_SCOPE);
    if (!before) throw AppError.notFound('renewal review', id);
    if (before.status !== 'open') throw this.alreadyDecided(before);
    if (input.outcome !== 'terminate') {
      const a = await this.agreementOf(this.db.manager, before);
      await this.refuseOverlap(a, successorTerm(a.start_date, a.end_date));
    }
    await inTransaction(this.db, async (m) => {
      const row = await this.reviews.row(id, VENDOR_SCOPE, m, true);
      if (!row) throw AppError.notFound('renewal review', id);
      if (row.status !== 'open') throw this.alreadyDecided(row);
      const a = await this.agreementOf(m, row, true);
      if (a.status !== 'active' && a.status !== 'expired')
        throw new AppError('RENEWAL_AGREEMENT_NOT_ACTIVE', { status: a.status }, { status: a.status });
      const assessed = await this.renewals.assess(m, row, a);
      const today = businessToday();
      const frozen = { facts: assessed.facts, evidence: assessed.evidence };
      const base = {
        decision: input.outcome,
        rationale: input.rationale,
        decidedBy: user.id,
        decidedAt: businessNow(),
        facts: frozen,
        recommendation: assessed.recommendation,
        suggestedQuota: assessed.suggestedQuota,
      };

      if (input.outcome === 'terminate') {
        const held = await this.deposits.heldOf(m, a);
        const paid = held?.status === 'paid';
        if (paid && !input.depositHandling)
          throw new AppError(
            'RENEWAL_DEPOSIT_HANDLING_REQUIRED',
            { amount: held.amount },
            { field: 'depositHandling', amount: held.amount },
          );
        const depositHandling = paid ? input.depositHandling! : 'none';
        // In force through its end date, terminated from the next day (the agreements module's effective date).
        if (a.status === 'active') await this.agreementsService.terminateIn(m, a.id, input.rationale, addDays(a.end_date, 1));
        await this.write(m, row, {
          ...base,
          successorAgreementId: null,
          probationCheckOn: null,
          terminationEffective: a.end_date,
          depositHandling,
        });
        await this.audit.record(m, {
          entity: 'renewal_review',
          entityId: row.id,
          action: 'renewal_review.decided',
          before: { status: 'open' },
          after: {
            status: 'decided',
            outcome: 'terminate',
            rationale: input.rationale,
            recommended: assessed.recommendation.outcome,
            terminationEffective: a.end_date,
            depositHandling,
            deposit: held,
          },
        });
        await this.tell(m, row, 'renewal_review.terminated', { endDate: a.end_date, rationale: input.rationale });
        return;
      }

      const term = successorTerm(a.start_date, a.end_date);
      let checkOn: string | null = null;
      if (input.outcome === 'renew_on_probation') {
        const window = probationCheckWindow(term, today);
        if (input.checkOn < window.from || input.checkOn > window.until)
          throw new AppError('RENEWAL_PROBATION_CHECK_DATE', window, { field: 'checkOn', ...window });
        checkOn = input.checkOn;
      }
      const quota = successorQuota(input.quota, assessed.suggestedQuota, a.terms.quotaPerPeriod ?? null);
      const terms: AgreementTerms = AgreementTermsSchema.parse({
        ...a.terms,
        partnerId: a.partner_id,
        type: a.type,
        ...term,
        quotaPerPeriod: quota,
        deposit: a.terms.deposit ? { ...a.terms.deposit, dueDate: term.startDate } : null,
      });
      const successorId = await this.agreementsService.draftSuccessorIn(m, terms, a.id, user.id);
      const carried = await this.deposits.carryOver(m, a, { id: successorId, startDate: term.startDate }, today, user.id, row.id);
      const depositHandling = carried ? 'carry_over' : 'none';
      await this.write(m, row, {
        ...base,
        successorAgreementId: successorId,
        probationCheckOn: checkOn,
        terminationEffective: null,
        depositHandling,
      });
      const conditions = input.outcome === 'renew_on_probation' ? input.conditions : [];
      await this.repo.insertConditions(m, row.id, conditions);
      await this.audit.record(m, {
        entity: 'renewal_review',
        entityId: row.id,
        action: 'renewal_review.decided',
        before: { status: 'open' },
        after: {
          status: 'decided',
          outcome: input.outcome,
          rationale: input.rationale,
          recommended: assessed.recommendation.outcome,
          successorAgreementId: successorId,
          successorTerm: term,
          quota,
          suggestedQuota: assessed.suggestedQuota,
          depositHandling,
          depositCarried: carried,
          ...(checkOn ? { probation: { checkOn, conditions } } : {}),
        },
      });
      const params = { endDate: a.end_date, successorStart: term.startDate, rationale: input.rationale };
      if (checkOn) await this.tell(m, row, 'renewal_review.renewed_on_probation', { ...params, checkOn, count: conditions.length });
      else await this.tell(m, row, 'renewal_review.renewed', params);
    });
    return this.renewals.detail(id, user);
  }

  private async write(m: EntityManager, row: ReviewRow, d: Parameters<RenewalDecisionsRepository['decide']>[2]): Promise<void> {
    // The review row is locked and open: the update cannot miss; if it ever did, the decision is someone else's.
    if (!(await this.repo.decide(m, row.id, d))) throw this.alreadyDecided(row);
  }

  /** The partner's admins hear the decision (their review page shows it with the rationale). */
  private async tell(
    m: EntityManager,
    row: ReviewRow,
    kind: 'renewal_review.renewed' | 'renewal_review.renewed_on_probation' | 'renewal_review.terminated',
    params: Record<string, string | number>,
  ) {
    const [p] = await this.partners.briefs(m, [row.partner_id]);
    await this.notifications.notify(m, {
      userIds: await this.partners.partnerAdmins(m, row.partner_id),
      kind,
      params: { partner: p?.name ?? '', ...params },
      link: `/portal/renewals/${row.id}`,
    });
  }

  /**
   * `POST /api/renewal-reviews/:id/probation-check` — on or after the check date, each condition met or not (all of
   * them, once); the outcome is met when every condition is. Audited; the partner's admins and managers are told.
   */
  async probationCheck(id: string, input: ProbationCheckInput, user: AuthenticatedUser): Promise<RenewalReviewDetail> {
    await inTransaction(this.db, async (m) => {
      const row = await this.reviews.row(id, VENDOR_SCOPE, m, true);
      if (!row) throw AppError.notFound('renewal review', id);
      if (row.status !== 'decided' || row.decision !== 'renew_on_probation' || !row.probation_check_on)
        throw new AppError('RENEWAL_NOT_ON_PROBATION', {}, { reviewId: row.id, decision: row.decision });
      const conditions = await this.repo.lockConditions(m, row.id);
      if (row.probation_outcome) {
        const at = conditions.map((c) => c.checked_at).find((d): d is Date => d !== null);
        const checkedOn = at ? businessDateOf(new Date(at), businessTimeZone()) : row.probation_check_on;
        throw new AppError('RENEWAL_PROBATION_CHECKED', { checkedOn }, { outcome: row.probation_outcome, checkedOn });
      }
      const today = businessToday();
      if (today < row.probation_check_on)
        throw new AppError('RENEWAL_PROBATION_CHECK_TOO_EARLY', { checkOn: row.probation_check_on }, { checkOn: row.probation_check_on });
      const answered = new Set(input.conditions.map((c) => c.id));
      const known = new Set(conditions.map((c) => c.id));
      if (answered.size !== input.conditions.length || answered.size !== known.size || [...answered].some((c) => !known.has(c)))
        throw new AppError('RENEWAL_PROBATION_CONDITIONS_MISMATCH', { count: known.size }, { field: 'conditions', expected: [...known] });
      await this.repo.checkConditions(m, row.id, input.conditions, user.id, businessNow());
      const unmet = input.conditions.filter((c) => !c.met).length;
      const outcome = unmet === 0 ? 'met' : 'not_met';
      await this.repo.setProbationOutcome(m, row.id, outcome);
      const met = new Map(input.conditions.map((c) => [c.id, c.met]));
      await this.audit.record(m, {
        entity: 'renewal_review',
        entityId: row.id,
        action: 'renewal_review.probation_checked',
        before: { outcome: null },
        after: { outcome, checkedOn: today, conditions: conditions.map((c) => ({ id: c.id, text: c.text, met: met.get(c.id) })) },
      });
      const [p] = await this.partners.briefs(m, [row.partner_id]);
      const params = { partner: p?.name ?? '', count: conditions.length, unmet, checkedOn: today };
      const kind = outcome === 'met' ? 'renewal_review.probation_met' : 'renewal_review.probation_not_met';
      await this.notifications.notify(m, {
        userIds: await this.partners.partnerAdmins(m, row.partner_id),
        kind,
        params,
        link: `/portal/renewals/${row.id}`,
      });
      await this.notifications.notify(m, {
        userIds: (await this.partners.managersOf(m, row.partner_id)).filter((u) => u !== user.id),
        kind,
        params,
        link: `/admin/renewals/${row.id}`,
      });
    });
    return this.renewals.detail(id, user);
  }

  // ── The effective date of a termination (called by the renewal sweep) ──

  /**
   * Applies the effects of every termination whose agreement ended before `day` and that were not applied yet, in
   * batches (one short transaction each; SKIP LOCKED across instances). Idempotent: a review is applied once
   * (effects_applied_on), and each step itself does nothing a second time. Returns how many reviews were applied.
   */
  async applyDueEffects(day: string, progress?: Progress, batch = EFFECTS_BATCH): Promise<number> {
    let done = 0;
    for (;;) {
      const n = await inTransaction(this.db, async (m) => {
        const due = await this.repo.claimDueTerminations(m, day, batch);
        for (const r of due) await this.applyOne(m, r, day);
        return due.length;
      });
      done += n;
      if (n) await progress?.(done, null);
      if (n < batch) return done;
    }
  }

  /**
   * One termination, from the first day without the agreement (end date + 1):
   *  1. the paid deposit refunded or forfeited as decided (event + ledger entry, through the deposits service);
   *  2. the partner terminated through its lifecycle when no other agreement of it is active on or after that day;
   *  3. its registrations under this agreement still waiting for review rejected (approved ones keep their protection).
   */
  private async applyOne(m: EntityManager, r: DueTermination, day: string): Promise<void> {
    const a = await this.agreements.row(r.agreement_id, VENDOR_SCOPE, m, true);
    if (!a) throw AppError.notFound('agreement', r.agreement_id);
    const on = addDays(r.termination_effective, 1);
    const number = agreementNumber(a.type, a.start_date, a.id);
    const deposit =
      r.deposit_handling === 'refund' || r.deposit_handling === 'forfeit'
        ? await this.deposits.settleAtExit(m, a, r.deposit_handling === 'refund' ? 'refunded' : 'forfeited', on, r.decided_by, r.id)
        : null;

    let partnerStatus: { from: string; to: string } | null = null;
    if (!(await this.agreements.hasOtherInForce(m, r.partner_id, on, a.id))) {
      const p = await this.partners.lockForChange(m, r.partner_id);
      if (p && checkTransition(PARTNER_TRANSITIONS, p.status, 'terminated').ok) {
        const from = p.status;
        // The decision's author stands behind the change in the partner's status history.
        const actor: AuthenticatedUser = {
          id: r.decided_by,
          email: '',
          role: 'channel_manager',
          partnerId: null,
          sessionId: '',
          locale: 'en',
        };
        await this.screening.transition(m, p, 'terminated', `agreement ${number} not renewed (renewal review ${r.id})`, actor);
        partnerStatus = { from, to: 'terminated' };
      }
    }

    const reason = `协议 ${number} 已于 ${r.termination_effective} 到期终止，不再续签 / Agreement ${number} ended on ${r.termination_effective} without renewal`;
    const rejected = await this.registrations.rejectUnderReviewOf(m, a.id, reason, r.decided_by);
    await this.repo.markEffectsApplied(m, r.id, day);
    await this.audit.record(m, {
      entity: 'renewal_review',
      entityId: r.id,
      action: 'renewal_review.termination_applied',
      actor: { id: null, email: 'system' },
      after: { on, depositHandling: r.deposit_handling, depositMoved: deposit, partnerStatus, registrationsRejected: rejected },
    });
  }
}
