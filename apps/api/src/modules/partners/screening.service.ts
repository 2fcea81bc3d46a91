import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkTransition,
  type Decision,
  decisionBlock,
  mayBeScored,
  PARTNER_TRANSITIONS,
  type PartnerStatus,
  type ScreeningInput,
  scoreScorecard,
  type StatusChange,
  statusAfterDecision,
  type TrialOutcome,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { PoliciesService } from '../policies/policies.service';
import { PartnersRepository } from './partners.repository';

type Locked = NonNullable<Awaited<ReturnType<PartnersRepository['lockForChange']>>>;

const adminLink = (id: string) => `/admin/partners/${id}`;
const PORTAL_APPLICATION = '/portal/application';

/** Screening, decisions, trials and status changes: each one transaction with its audit row and notifications. */
@Injectable()
export class ScreeningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: PartnersRepository,
    private readonly users: AuthRepository,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  private async locked(m: EntityManager, id: string): Promise<Locked> {
    const p = await this.repo.lockForChange(m, id);
    if (!p) throw AppError.notFound('partner', id);
    return p;
  }

  /** Moves the lifecycle, refusing an illegal step with 409 and the allowed ones; writes history and audit. */
  async transition(m: EntityManager, p: Locked, to: PartnerStatus, reason: string | null, actor: AuthenticatedUser): Promise<void> {
    if (p.status === to) return;
    const check = checkTransition(PARTNER_TRANSITIONS, p.status, to);
    if (!check.ok) {
      throw new AppError(
        'INVALID_TRANSITION',
        { entity: 'partner', from: p.status, to, allowed: check.allowed.join(', ') || '—' },
        { from: p.status, to, allowed: check.allowed },
      );
    }
    await this.repo.recordStatus(m, p.id, p.status, to, reason, actor.id);
    await this.audit.record(m, {
      entity: 'partner',
      entityId: p.id,
      action: 'partner.status_changed',
      before: { status: p.status },
      after: { status: to, reason },
    });
    p.status = to;
  }

  async assign(id: string, managerId: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      const manager = await this.users.enabledChannelManager(m, managerId);
      if (!manager) throw new AppError('MANAGER_NOT_ASSIGNABLE', {}, { field: 'managerId' });
      await this.repo.setManager(m, id, managerId);
      await this.audit.record(m, {
        entity: 'partner',
        entityId: id,
        action: 'partner.assigned',
        before: { managerId: p.managerId },
        after: { managerId },
      });
      if (p.status === 'applied') await this.transition(m, p, 'screening', null, actor);
      await this.notifications.notify(m, {
        userIds: [managerId],
        kind: 'application.assigned',
        params: { partner: p.name, manager: manager.displayName },
        link: adminLink(id),
      });
      await this.notifications.notify(m, {
        userIds: await this.repo.partnerAdmins(m, id),
        kind: 'application.assigned',
        params: { partner: p.name, manager: manager.displayName },
        link: PORTAL_APPLICATION,
      });
    });
  }

  async score(id: string, input: ScreeningInput, actor: AuthenticatedUser) {
    return inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      if (!mayBeScored(p.status)) {
        throw new AppError('SCORING_CLOSED', {}, { status: p.status });
      }
      if (input.type !== p.type) {
        throw new AppError('SCORECARD_TYPE_MISMATCH', {}, { field: 'type', expected: p.type });
      }
      const { screening } = await this.policies.get(m);
      const weights = input.type === 'strategic' ? screening.strategicWeights : screening.smbWeights;
      const result = scoreScorecard(
        input.type,
        input.scores,
        { passMark: screening.passMark, integrityKnockoutBelow: screening.integrityKnockoutBelow, weights },
        input.type === 'strategic' ? input.integrity : undefined,
      );
      const screeningId = await this.repo.insertScreening(m, {
        partnerId: id,
        type: input.type,
        scores: input.scores,
        evidence: input.evidence ?? {},
        integrity: input.type === 'strategic' ? input.integrity : null,
        weights,
        passMark: screening.passMark,
        total: result.total,
        knockedOut: result.knockedOut,
        passed: result.passed,
        notes: input.notes ?? null,
        scoredBy: actor.id,
      });
      await this.audit.record(m, {
        entity: 'partner',
        entityId: id,
        action: 'partner.scored',
        after: { screeningId, ...input, ...result },
      });
      if (p.status === 'applied') await this.transition(m, p, 'screening', null, actor);
      return { id: screeningId, ...result };
    });
  }

  async decide(id: string, decision: Decision, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      const block = decisionBlock(decision.decision, {
        status: p.status,
        approved: p.approved,
        latestScorecardPassed: await this.repo.latestScorecardPassed(m, id),
      });
      if (block) {
        const code = {
          no_scorecard: 'DECISION_NO_SCORECARD',
          scorecard_failed: 'DECISION_SCORECARD_FAILED',
          already_approved: 'DECISION_ALREADY_APPROVED',
        } as const;
        throw block.reason === 'not_in_screening'
          ? new AppError(
              'INVALID_TRANSITION',
              { entity: 'partner', from: p.status, to: statusAfterDecision(decision.decision, p.status), allowed: '—' },
              { reason: block.reason },
            )
          : new AppError(code[block.reason], {}, { reason: block.reason });
      }
      const text =
        decision.decision === 'reject'
          ? decision.reason
          : decision.decision === 'request_info'
            ? decision.question
            : (decision.notes ?? null);
      await this.repo.insertDecision(m, id, decision.decision, text, actor.id);
      await this.audit.record(m, { entity: 'partner', entityId: id, action: `partner.decision.${decision.decision}`, after: decision });
      const applicants = await this.repo.partnerAdmins(m, id);
      const vendorSide = p.managerId ? [p.managerId] : [];
      const both = { partner: p.name };

      switch (decision.decision) {
        case 'reject':
          await this.transition(m, p, 'rejected', decision.reason, actor);
          await this.notifications.notify(m, {
            userIds: applicants,
            kind: 'application.rejected',
            params: { ...both, reason: decision.reason },
            link: PORTAL_APPLICATION,
          });
          await this.notifications.notify(m, {
            userIds: vendorSide.filter((u) => u !== actor.id),
            kind: 'application.rejected',
            params: { ...both, reason: decision.reason },
            link: adminLink(id),
          });
          break;
        case 'request_info':
          await this.repo.insertInfoRequest(m, id, decision.question, actor.id);
          await this.transition(m, p, 'screening', null, actor);
          await this.notifications.notify(m, {
            userIds: applicants,
            kind: 'application.info_requested',
            params: { ...both, question: decision.question },
            link: PORTAL_APPLICATION,
          });
          break;
        case 'approve_trial':
          await this.repo.insertTrial(m, id, decision.trial, actor.id);
          await this.transition(m, p, 'trial', decision.notes ?? null, actor);
          await this.notifications.notify(m, {
            userIds: [...applicants],
            kind: 'application.trial_approved',
            params: { ...both, ...decision.trial },
            link: PORTAL_APPLICATION,
          });
          await this.notifications.notify(m, {
            userIds: vendorSide.filter((u) => u !== actor.id),
            kind: 'application.trial_approved',
            params: { ...both, ...decision.trial },
            link: adminLink(id),
          });
          break;
        case 'approve':
          await this.repo.markApproved(m, id, actor.id);
          await this.transition(m, p, 'screening', null, actor);
          await this.notifications.notify(m, { userIds: applicants, kind: 'application.approved', params: both, link: PORTAL_APPLICATION });
          await this.notifications.notify(m, {
            userIds: vendorSide.filter((u) => u !== actor.id),
            kind: 'application.approved',
            params: both,
            link: adminLink(id),
          });
          break;
      }
    });
  }

  /** A successful trial is the track record exclusive agreements require; it also approves the partner for an agreement. */
  async trialOutcome(id: string, input: TrialOutcome, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      const trial = await this.repo.lockOpenTrial(m, id);
      if (p.status !== 'trial' || !trial) {
        throw new AppError(
          'INVALID_TRANSITION',
          { entity: 'partner', from: p.status, to: input.outcome === 'success' ? 'trial (succeeded)' : 'rejected', allowed: '—' },
          { reason: 'no_open_trial' },
        );
      }
      await this.repo.recordTrialOutcome(m, trial.id, input.outcome, input.notes, actor.id);
      await this.audit.record(m, {
        entity: 'partner',
        entityId: id,
        action: `partner.trial_${input.outcome}`,
        after: { trialId: trial.id, ...input },
      });
      if (input.outcome === 'success') {
        await this.repo.markApproved(m, id, actor.id, true);
      } else {
        await this.transition(m, p, 'rejected', input.notes, actor);
      }
      const kind = input.outcome === 'success' ? 'trial.succeeded' : 'trial.failed';
      await this.notifications.notify(m, {
        userIds: await this.repo.partnerAdmins(m, id),
        kind,
        params: { partner: p.name, notes: input.notes },
        link: PORTAL_APPLICATION,
      });
      await this.notifications.notify(m, {
        userIds: p.managerId && p.managerId !== actor.id ? [p.managerId] : [],
        kind,
        params: { partner: p.name, notes: input.notes },
        link: adminLink(id),
      });
    });
  }

  /** Suspend, reactivate (suspended → active) or terminate. Activation otherwise comes from a first active agreement. */
  async changeStatus(id: string, change: StatusChange, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      if (change.status === 'active' && p.status !== 'suspended') {
        const allowed = PARTNER_TRANSITIONS[p.status].filter((s) => s !== 'active');
        throw new AppError(
          'INVALID_TRANSITION',
          { entity: 'partner', from: p.status, to: 'active', allowed: allowed.join(', ') || '—' },
          { from: p.status, to: 'active', allowed, hint: 'a partner becomes active when its first agreement activates' },
        );
      }
      await this.transition(m, p, change.status, change.reason, actor);
      const params = { partner: p.name, status: change.status, reason: change.reason };
      await this.notifications.notify(m, {
        userIds: await this.repo.partnerAdmins(m, id),
        kind: 'partner.status_changed',
        params,
        link: '/portal/',
      });
      await this.notifications.notify(m, {
        userIds: p.managerId && p.managerId !== actor.id ? [p.managerId] : [],
        kind: 'partner.status_changed',
        params,
        link: adminLink(id),
      });
    });
  }

  /** The applicant answers an open information request from the portal. */
  async answerInfo(partnerId: string, requestId: string, answer: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, partnerId);
      const req = await this.repo.lockInfoRequest(m, partnerId, requestId);
      if (!req) throw AppError.notFound('information request', requestId);
      if (req.answered) throw new AppError('INFO_REQUEST_ANSWERED', {}, { requestId });
      await this.repo.answerInfoRequest(m, requestId, answer, actor.id);
      await this.audit.record(m, { entity: 'partner', entityId: partnerId, action: 'partner.info_answered', after: { requestId, answer } });
      const to = [...new Set([req.askedBy, ...(p.managerId ? [p.managerId] : [])])];
      await this.notifications.notify(m, {
        userIds: to,
        kind: 'application.info_answered',
        params: { partner: p.name, answer },
        link: adminLink(partnerId),
      });
    });
  }
}
