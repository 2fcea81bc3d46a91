import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AGREEMENT_TRANSITIONS,
  type AgreementDetail,
  agreementGaps,
  type AgreementStatus,
  type AgreementTerms,
  changedFields,
  checkTransition,
  expandScope,
  missingExclusiveRequirements,
} from '@partnerline/domain';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { ScreeningService } from '../partners/screening.service';
import { AgreementsRepository } from './agreements.repository';

type Row = NonNullable<Awaited<ReturnType<AgreementsRepository['row']>>>;
const APPROVERS = ['vendor_admin', 'channel_manager'];

@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: AgreementsRepository,
    private readonly partners: PartnersRepository,
    private readonly screening: ScreeningService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  private async locked(m: EntityManager, id: string): Promise<Row> {
    const row = await this.repo.row(id, null, m, true);
    if (!row) throw AppError.notFound('agreement', id);
    return row;
  }

  private move(row: Row, to: AgreementStatus) {
    const check = checkTransition(AGREEMENT_TRANSITIONS, row.status, to);
    if (!check.ok) throw new AppError('INVALID_TRANSITION', { entity: 'agreement', from: row.status, to, allowed: check.allowed.join(', ') || '—' }, { from: row.status, to, allowed: check.allowed });
  }

  private async assertPartner(m: EntityManager, partnerId: string) {
    const [p] = await m.query(`SELECT status FROM partners WHERE id = $1`, [partnerId]);
    if (!p) throw AppError.unprocessable('partnerId does not name a partner.', { field: 'partnerId' });
    if (['rejected', 'terminated'].includes(p.status)) throw AppError.unprocessable(`A ${p.status} partner cannot have a new agreement.`, { field: 'partnerId' });
  }

  async create(terms: AgreementTerms, actor: AuthenticatedUser): Promise<string> {
    return inTransaction(this.db, async (m) => {
      await this.assertPartner(m, terms.partnerId);
      const [row] = await m.query(
        `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by) VALUES ($1, $2, 'draft', $3, $4, $5, $6) RETURNING id`,
        [terms.partnerId, terms.type, terms.startDate, terms.endDate, JSON.stringify(terms), actor.id],
      );
      await this.repo.replaceScope(m, row.id, terms.scope);
      await m.query(`INSERT INTO agreement_versions (agreement_id, version, kind, status, terms, created_by) VALUES ($1, 1, 'original', 'draft', $2, $3)`, [row.id, JSON.stringify(terms), actor.id]);
      await this.audit.record(m, { entity: 'agreement', entityId: row.id, action: 'agreement.drafted', after: terms });
      return row.id as string;
    });
  }

  async update(id: string, terms: AgreementTerms): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const row = await this.locked(m, id);
      if (row.status !== 'draft') throw new AppError('INVALID_TRANSITION', { entity: 'agreement', from: row.status, to: 'draft (edit)', allowed: '—' }, { hint: 'use /amend for an active agreement' });
      if (terms.partnerId !== row.partner_id || terms.type !== row.type) throw AppError.unprocessable('The partner and type of an agreement cannot change; draft a new one.', { field: 'type' });
      await m.query(`UPDATE agreements SET start_date = $2, end_date = $3, terms = $4 WHERE id = $1`, [id, terms.startDate, terms.endDate, JSON.stringify(terms)]);
      await m.query(`UPDATE agreement_versions SET terms = $2 WHERE agreement_id = $1 AND version = $3`, [id, JSON.stringify(terms), row.version]);
      await this.repo.replaceScope(m, id, terms.scope);
      await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.edited', before: row.terms, after: terms });
    });
  }

  async submit(id: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const row = await this.locked(m, id);
      this.move(row, 'pending_approval');
      const gaps = agreementGaps(row.terms);
      if (gaps.length) throw new AppError('AGREEMENT_INCOMPLETE', { missing: gaps.join(', ') }, { missing: gaps });
      await m.query(`UPDATE agreements SET status = 'pending_approval', submitted_by = $2, submitted_at = now(), rejection_reason = NULL WHERE id = $1`, [id, actor.id]);
      await m.query(`UPDATE agreement_versions SET status = 'pending' WHERE agreement_id = $1 AND version = $2`, [id, row.version]);
      await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.submitted', before: { status: row.status }, after: { status: 'pending_approval' } });
    });
  }

  /**
   * Approves a submitted agreement or a pending amendment. Never by the submitter. Exclusive agreements claim
   * their segments for their term; the database refuses an overlap, which we answer with 409 naming the holder.
   */
  async approve(id: string, actor: AuthenticatedUser, override?: { justification: string }): Promise<void> {
    try {
      await inTransaction(this.db, (m) => this.approveIn(m, id, actor, override));
    } catch (err) {
      if (err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '23P01') throw await this.overlapError(id);
      throw err;
    }
  }

  private async approveIn(m: EntityManager, id: string, actor: AuthenticatedUser, override?: { justification: string }) {
    const row = await this.locked(m, id);
    const [amendment] = await m.query(`SELECT version, terms, created_by FROM agreement_versions WHERE agreement_id = $1 AND kind = 'amendment' AND status = 'pending' FOR UPDATE`, [id]);
    const submitter = amendment ? amendment.created_by : row.submitted_by;
    if (!amendment) this.move(row, 'active');
    if (submitter === actor.id) throw new AppError('SELF_APPROVAL', {}, { reason: 'self_approval' });
    if (override && actor.role !== 'vendor_admin') throw new AppError('FORBIDDEN', { role: actor.role }, { reason: 'only a vendor admin may override the track record' });
    const terms: AgreementTerms = amendment ? amendment.terms : row.terms;

    const [partner] = await m.query(`SELECT status, approved_at FROM partners WHERE id = $1 FOR UPDATE`, [row.partner_id]);
    if (!partner.approved_at || !['screening', 'trial', 'active'].includes(partner.status)) {
      throw AppError.unprocessable(`The partner must be approved (and not ${partner.status}) before an agreement can activate.`, { missing: ['partner_approval'] });
    }
    const missing = missingExclusiveRequirements({ ...terms, type: row.type, hasTrackRecord: await this.repo.hasTrackRecord(m, row.partner_id), override: override ?? null });
    if (missing.length) throw new AppError('AGREEMENT_INCOMPLETE', { missing: missing.join(', ') }, { missing });

    if (row.type === 'exclusive') {
      await this.repo.releaseClaims(m, id);
      await this.repo.claim(m, id, expandScope(terms.scope, await this.repo.catalogIds(m)), terms.startDate, terms.endDate);
    }
    if (amendment) {
      await m.query(`UPDATE agreements SET terms = $2, start_date = $3, end_date = $4, version = $5 WHERE id = $1`, [id, JSON.stringify(terms), terms.startDate, terms.endDate, amendment.version]);
      await this.repo.replaceScope(m, id, terms.scope);
      await m.query(`UPDATE agreement_versions SET status = 'approved', decided_by = $3, decided_at = now() WHERE agreement_id = $1 AND version = $2`, [id, amendment.version, actor.id]);
      await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.amendment_approved', before: row.terms, after: terms });
    } else {
      await m.query(`UPDATE agreements SET status = 'active', approved_by = $2, approved_at = now(), override_justification = $3 WHERE id = $1`, [id, actor.id, override?.justification ?? null]);
      await m.query(`UPDATE agreement_versions SET status = 'approved', decided_by = $3, decided_at = now() WHERE agreement_id = $1 AND version = $2`, [id, row.version, actor.id]);
      await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.approved', before: { status: row.status }, after: { status: 'active', overrideJustification: override?.justification ?? null } });
      // A partner becomes active with its first active agreement.
      const locked = await this.partners.lockForChange(m, row.partner_id);
      if (locked && (locked.status === 'screening' || locked.status === 'trial')) await this.screening.transition(m, locked, 'active', `agreement ${id} activated`, actor);
    }
    await this.notifications.notify(m, {
      userIds: await this.partners.partnerAdmins(m, row.partner_id),
      kind: 'agreement.activated',
      params: { partner: row.partner_name, type: row.type },
      link: `/portal/agreements/${id}`,
    });
  }

  private async overlapError(id: string): Promise<AppError> {
    const row = (await this.repo.row(id, null))!;
    const [amendment] = await this.db.query(`SELECT terms FROM agreement_versions WHERE agreement_id = $1 AND kind = 'amendment' AND status = 'pending'`, [id]);
    const terms: AgreementTerms = amendment?.terms ?? row.terms;
    const holdings = await this.previewOverlaps(terms.scope, terms.startDate, terms.endDate, id);
    const first = holdings[0];
    if (!first) return AppError.conflict('The scope overlaps another exclusive agreement.');
    const same = holdings.filter((h) => h.agreementId === first.agreementId);
    const segments = same.slice(0, 3).map((h) => `${h.industryNameZh}·${h.regionNameZh}`).join('、') + (same.length > 3 ? ` …(+${same.length - 3})` : '');
    return new AppError(
      'EXCLUSIVE_OVERLAP',
      { number: first.number, partner: first.partnerName, segments, from: first.from, until: first.until },
      { holder: { agreementId: first.agreementId, number: first.number, partnerId: first.partnerId, partnerName: first.partnerName }, overlaps: holdings.slice(0, 50) },
    );
  }

  /** The holdings a scope and term would collide with (expanded by the domain rule). */
  async previewOverlaps(scope: AgreementTerms['scope'], startDate: string, endDate: string, excludeAgreementId: string | null) {
    return this.repo.overlaps(expandScope(scope, await this.repo.catalogIds()), startDate, endDate, excludeAgreementId);
  }

  async reject(id: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const row = await this.locked(m, id);
      const [amendment] = await m.query(`SELECT version FROM agreement_versions WHERE agreement_id = $1 AND kind = 'amendment' AND status = 'pending' FOR UPDATE`, [id]);
      if (amendment) {
        await m.query(`UPDATE agreement_versions SET status = 'rejected', decided_by = $3, decided_at = now(), reason = $4 WHERE agreement_id = $1 AND version = $2`, [id, amendment.version, actor.id, reason]);
        await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.amendment_rejected', after: { version: amendment.version, reason } });
        return;
      }
      this.move(row, 'draft');
      await m.query(`UPDATE agreements SET status = 'draft', rejection_reason = $2 WHERE id = $1`, [id, reason]);
      await m.query(`UPDATE agreement_versions SET status = 'draft', reason = $3 WHERE agreement_id = $1 AND version = $2`, [id, row.version, reason]);
      await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.rejected', before: { status: row.status }, after: { status: 'draft', reason } });
    });
  }

  async terminate(id: string, reason: string, effectiveDate: string, _actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const row = await this.locked(m, id);
      this.move(row, 'terminated');
      if (effectiveDate < row.start_date && row.status === 'active') throw AppError.unprocessable('The effective date cannot be before the agreement starts.', { field: 'effectiveDate' });
      await m.query(`UPDATE agreements SET status = 'terminated', termination_reason = $2, termination_effective = $3 WHERE id = $1`, [id, reason, effectiveDate]);
      if (row.type === 'exclusive') await this.repo.endClaims(m, id, effectiveDate);
      await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.terminated', before: { status: row.status }, after: { status: 'terminated', reason, effectiveDate } });
    });
  }

  async amend(id: string, terms: AgreementTerms, actor: AuthenticatedUser): Promise<number> {
    return inTransaction(this.db, async (m) => {
      const row = await this.locked(m, id);
      if (row.status !== 'active') throw new AppError('INVALID_TRANSITION', { entity: 'agreement', from: row.status, to: 'amended', allowed: '—' }, { hint: 'only an active agreement is amended; edit a draft directly' });
      if (terms.partnerId !== row.partner_id || terms.type !== row.type) throw AppError.unprocessable('An amendment cannot change the partner or the type.', { field: 'type' });
      const gaps = agreementGaps(terms);
      if (gaps.length) throw new AppError('AGREEMENT_INCOMPLETE', { missing: gaps.join(', ') }, { missing: gaps });
      const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM agreement_versions WHERE agreement_id = $1`, [id]);
      await m.query(`INSERT INTO agreement_versions (agreement_id, version, kind, status, terms, created_by) VALUES ($1, $2, 'amendment', 'pending', $3, $4)`, [id, next, JSON.stringify(terms), actor.id]);
      await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.amendment_submitted', before: row.terms, after: terms });
      return next as number;
    });
  }

  /** Expires active agreements past their end date. Row locks with SKIP LOCKED: safe when several instances sweep. */
  async sweepExpired(today: string): Promise<string[]> {
    return inTransaction(this.db, async (m) => {
      const due: { id: string }[] = await m.query(`SELECT id FROM agreements WHERE status = 'active' AND end_date < $1::date ORDER BY end_date FOR UPDATE SKIP LOCKED LIMIT 500`, [today]);
      for (const { id } of due) {
        await m.query(`UPDATE agreements SET status = 'expired' WHERE id = $1`, [id]);
        await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.expired', before: { status: 'active' }, after: { status: 'expired' }, actor: { id: null, email: null } });
      }
      return due.map((d) => d.id);
    });
  }

  async detail(id: string, user: AuthenticatedUser, tenant: string | null): Promise<AgreementDetail> {
    const row = await this.repo.row(id, tenant);
    if (!row) throw AppError.notFound('agreement', id);
    const scope = (await this.repo.scopeViews(this.db.manager, [id])).get(id) ?? [];
    const names: Record<string, string | null> = {};
    for (const [k, uid] of [['submittedBy', row.submitted_by], ['approvedBy', row.approved_by]] as const) {
      names[k] = uid ? ((await this.db.query(`SELECT display_name FROM users WHERE id = $1`, [uid]))[0]?.display_name ?? null) : null;
    }
    const vendor = APPROVERS.includes(user.role);
    const actions: AgreementDetail['allowedActions'] = [];
    if (vendor) {
      if (row.status === 'draft') actions.push('edit', 'submit', 'terminate');
      if (row.status === 'pending_approval' || row.pending_amendment) actions.push('approve', 'reject');
      if (row.status === 'active') actions.push('terminate', ...(row.pending_amendment ? [] : (['amend'] as const)));
    }
    return {
      ...this.repo.summary(row, scope),
      terms: row.terms,
      submittedBy: names.submittedBy,
      submittedById: (row.submitted_by as string | null) ?? null,
      submittedAt: (row.submitted_at as Date | null)?.toISOString() ?? null,
      approvedBy: names.approvedBy,
      approvedAt: (row.approved_at as Date | null)?.toISOString() ?? null,
      rejectionReason: (row.rejection_reason as string | null) ?? null,
      termination: row.termination_reason ? { reason: row.termination_reason as string, effectiveDate: row.termination_effective as string } : null,
      overrideJustification: (row.override_justification as string | null) ?? null,
      allowedActions: actions,
      gaps: agreementGaps(row.terms),
    };
  }

  async versions(id: string, tenant: string | null) {
    const row = await this.repo.row(id, tenant);
    if (!row) throw AppError.notFound('agreement', id);
    const versions = await this.repo.versions(id);
    return versions.map((v, i) => ({
      version: v.version as number,
      kind: v.kind as 'original' | 'amendment',
      status: v.status as 'draft' | 'pending' | 'approved' | 'rejected',
      terms: v.terms,
      createdBy: v.created_by as string,
      createdAt: (v.created_at as Date).toISOString(),
      decidedBy: (v.decided_by as string | null) ?? null,
      decidedAt: (v.decided_at as Date | null)?.toISOString() ?? null,
      reason: (v.reason as string | null) ?? null,
      changedFields: i === 0 ? [] : changedFields(versions[i - 1].terms as Record<string, unknown>, v.terms as Record<string, unknown>),
    }));
  }
}
