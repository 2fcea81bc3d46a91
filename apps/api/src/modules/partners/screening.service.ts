import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkTransition,
  type Decision,
  decisionBlock,
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
      throw new AppError('INVALID_TRANSITION', { entity: 'partner', from: p.status, to, allowed: check.allowed.join(', ') || '—' }, { from: p.status, to, allowed: check.allowed });
    }
    await m.query(`UPDATE partners SET status = $2 WHERE id = $1`, [p.id, to]);
    await m.query(`INSERT INTO partner_status_history (partner_id, from_status, to_status, reason, actor_id) VALUES ($1, $2, $3, $4, $5)`, [p.id, p.status, to, reason, actor.id]);
    await this.audit.record(m, { entity: 'partner', entityId: p.id, action: 'partner.status_changed', before: { status: p.status }, after: { status: to, reason } });
    p.status = to;
  }

  async assign(id: string, managerId: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      const manager = await m.query(`SELECT id, display_name FROM users WHERE id = $1 AND role = 'channel_manager' AND disabled_at IS NULL`, [managerId]);
      if (!manager.length) throw AppError.unprocessable('managerId must be an enabled channel manager.', { field: 'managerId' });
      await m.query(`UPDATE partners SET manager_id = $2 WHERE id = $1`, [id, managerId]);
      await this.audit.record(m, { entity: 'partner', entityId: id, action: 'partner.assigned', before: { managerId: p.managerId }, after: { managerId } });
      if (p.status === 'applied') await this.transition(m, p, 'screening', null, actor);
      await this.notifications.notify(m, { userIds: [managerId], kind: 'application.assigned', params: { partner: p.name, manager: manager[0].display_name }, link: adminLink(id) });
      await this.notifications.notify(m, { userIds: await this.repo.partnerAdmins(m, id), kind: 'application.assigned', params: { partner: p.name, manager: manager[0].display_name }, link: PORTAL_APPLICATION });
    });
  }

  async score(id: string, input: ScreeningInput, actor: AuthenticatedUser) {
    return inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      if (!['applied', 'screening', 'trial'].includes(p.status)) {
        throw AppError.unprocessable(`A ${p.status} partner cannot be scored; scorecards belong to screening.`, { status: p.status });
      }
      if (input.type !== p.type) {
        throw AppError.unprocessable(`This partner applied as ${p.type}; use the ${p.type} scorecard.`, { field: 'type', expected: p.type });
      }
      const { screening } = await this.policies.get(m);
      const weights = input.type === 'strategic' ? screening.strategicWeights : screening.smbWeights;
      const result = scoreScorecard(input.type, input.scores, { passMark: screening.passMark, integrityKnockoutBelow: screening.integrityKnockoutBelow, weights }, input.type === 'strategic' ? input.integrity : undefined);
      const [row] = await m.query(
        `INSERT INTO partner_screenings (partner_id, type, scores, evidence, integrity, weights, pass_mark, total, knocked_out, passed, notes, scored_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [id, input.type, JSON.stringify(input.scores), JSON.stringify(input.evidence ?? {}), input.type === 'strategic' ? input.integrity : null, JSON.stringify(weights), screening.passMark, result.total, result.knockedOut, result.passed, input.notes ?? null, actor.id],
      );
      await this.audit.record(m, { entity: 'partner', entityId: id, action: 'partner.scored', after: { screeningId: row.id, ...input, ...result } });
      if (p.status === 'applied') await this.transition(m, p, 'screening', null, actor);
      return { id: row.id as string, ...result };
    });
  }

  async decide(id: string, decision: Decision, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      const block = decisionBlock(decision.decision, { status: p.status, approved: p.approved, latestScorecardPassed: await this.repo.latestScorecardPassed(m, id) });
      if (block) {
        const detail: Record<typeof block.reason, string> = {
          not_in_screening: `The application is no longer open (status ${p.status}).`,
          no_scorecard: 'Score the applicant with a scorecard before approving.',
          scorecard_failed: 'The latest scorecard did not pass (below the pass mark or knocked out); re-score or reject.',
          already_approved: 'This applicant is already approved.',
        };
        throw block.reason === 'not_in_screening'
          ? new AppError('INVALID_TRANSITION', { entity: 'partner', from: p.status, to: statusAfterDecision(decision.decision, p.status), allowed: '—' }, { reason: block.reason })
          : AppError.unprocessable(detail[block.reason], { reason: block.reason });
      }
      const text = decision.decision === 'reject' ? decision.reason : decision.decision === 'request_info' ? decision.question : (decision.notes ?? null);
      await m.query(`INSERT INTO partner_decisions (partner_id, decision, text, decided_by) VALUES ($1, $2, $3, $4)`, [id, decision.decision, text, actor.id]);
      await this.audit.record(m, { entity: 'partner', entityId: id, action: `partner.decision.${decision.decision}`, after: decision });
      const applicants = await this.repo.partnerAdmins(m, id);
      const vendorSide = p.managerId ? [p.managerId] : [];
      const both = { partner: p.name };

      switch (decision.decision) {
        case 'reject':
          await this.transition(m, p, 'rejected', decision.reason, actor);
          await this.notifications.notify(m, { userIds: applicants, kind: 'application.rejected', params: { ...both, reason: decision.reason }, link: PORTAL_APPLICATION });
          await this.notifications.notify(m, { userIds: vendorSide.filter((u) => u !== actor.id), kind: 'application.rejected', params: { ...both, reason: decision.reason }, link: adminLink(id) });
          break;
        case 'request_info':
          await m.query(`INSERT INTO partner_info_requests (partner_id, question, asked_by) VALUES ($1, $2, $3)`, [id, decision.question, actor.id]);
          await this.transition(m, p, 'screening', null, actor);
          await this.notifications.notify(m, { userIds: applicants, kind: 'application.info_requested', params: { ...both, question: decision.question }, link: PORTAL_APPLICATION });
          break;
        case 'approve_trial':
          await m.query(`INSERT INTO partner_trials (partner_id, customer, scope, end_date, started_by) VALUES ($1, $2, $3, $4, $5)`, [id, decision.trial.customer, decision.trial.scope, decision.trial.endDate, actor.id]);
          await this.transition(m, p, 'trial', decision.notes ?? null, actor);
          await this.notifications.notify(m, { userIds: [...applicants], kind: 'application.trial_approved', params: { ...both, ...decision.trial }, link: PORTAL_APPLICATION });
          await this.notifications.notify(m, { userIds: vendorSide.filter((u) => u !== actor.id), kind: 'application.trial_approved', params: { ...both, ...decision.trial }, link: adminLink(id) });
          break;
        case 'approve':
          await m.query(`UPDATE partners SET approved_at = now(), approved_by = $2 WHERE id = $1`, [id, actor.id]);
          await this.transition(m, p, 'screening', null, actor);
          await this.notifications.notify(m, { userIds: applicants, kind: 'application.approved', params: both, link: PORTAL_APPLICATION });
          await this.notifications.notify(m, { userIds: vendorSide.filter((u) => u !== actor.id), kind: 'application.approved', params: both, link: adminLink(id) });
          break;
      }
    });
  }

  /** A successful trial is the track record exclusive agreements require; it also approves the partner for an agreement. */
  async trialOutcome(id: string, input: TrialOutcome, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      const [trial] = await m.query(`SELECT id FROM partner_trials WHERE partner_id = $1 AND outcome IS NULL FOR UPDATE`, [id]);
      if (p.status !== 'trial' || !trial) {
        throw new AppError('INVALID_TRANSITION', { entity: 'partner', from: p.status, to: input.outcome === 'success' ? 'trial (succeeded)' : 'rejected', allowed: '—' }, { reason: 'no_open_trial' });
      }
      await m.query(`UPDATE partner_trials SET outcome = $2, outcome_notes = $3, outcome_at = now(), outcome_by = $4 WHERE id = $1`, [trial.id, input.outcome, input.notes, actor.id]);
      await this.audit.record(m, { entity: 'partner', entityId: id, action: `partner.trial_${input.outcome}`, after: { trialId: trial.id, ...input } });
      if (input.outcome === 'success') {
        await m.query(`UPDATE partners SET approved_at = coalesce(approved_at, now()), approved_by = coalesce(approved_by, $2) WHERE id = $1`, [id, actor.id]);
      } else {
        await this.transition(m, p, 'rejected', input.notes, actor);
      }
      const kind = input.outcome === 'success' ? 'trial.succeeded' : 'trial.failed';
      await this.notifications.notify(m, { userIds: await this.repo.partnerAdmins(m, id), kind, params: { partner: p.name, notes: input.notes }, link: PORTAL_APPLICATION });
      await this.notifications.notify(m, { userIds: p.managerId && p.managerId !== actor.id ? [p.managerId] : [], kind, params: { partner: p.name, notes: input.notes }, link: adminLink(id) });
    });
  }

  /** Suspend, reactivate (suspended → active) or terminate. Activation otherwise comes from a first active agreement. */
  async changeStatus(id: string, change: StatusChange, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, id);
      if (change.status === 'active' && p.status !== 'suspended') {
        const allowed = PARTNER_TRANSITIONS[p.status].filter((s) => s !== 'active');
        throw new AppError('INVALID_TRANSITION', { entity: 'partner', from: p.status, to: 'active', allowed: allowed.join(', ') || '—' }, { from: p.status, to: 'active', allowed, hint: 'a partner becomes active when its first agreement activates' });
      }
      await this.transition(m, p, change.status, change.reason, actor);
      const params = { partner: p.name, status: change.status, reason: change.reason };
      await this.notifications.notify(m, { userIds: await this.repo.partnerAdmins(m, id), kind: 'partner.status_changed', params, link: '/portal/' });
      await this.notifications.notify(m, { userIds: p.managerId && p.managerId !== actor.id ? [p.managerId] : [], kind: 'partner.status_changed', params, link: adminLink(id) });
    });
  }

  /** The applicant answers an open information request from the portal. */
  async answerInfo(partnerId: string, requestId: string, answer: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const p = await this.locked(m, partnerId);
      const [req] = await m.query(`SELECT id, asked_by, answered_at FROM partner_info_requests WHERE id = $1 AND partner_id = $2 FOR UPDATE`, [requestId, partnerId]);
      if (!req) throw AppError.notFound('information request', requestId);
      if (req.answered_at) throw AppError.conflict('This question has already been answered.');
      await m.query(`UPDATE partner_info_requests SET answer = $2, answered_by = $3, answered_at = now() WHERE id = $1`, [requestId, answer, actor.id]);
      await this.audit.record(m, { entity: 'partner', entityId: partnerId, action: 'partner.info_answered', after: { requestId, answer } });
      const to = [...new Set([req.asked_by as string, ...(p.managerId ? [p.managerId] : [])])];
      await this.notifications.notify(m, { userIds: to, kind: 'application.info_answered', params: { partner: p.name, answer }, link: adminLink(partnerId) });
    });
  }
}
