import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AGREEMENT_TRANSITIONS,
  agreementActions,
  changesParties,
  isClosedPartner,
  mayActivateAgreement,
  statusOnAgreementActivated,
  terminationTooEarly,
  type AgreementDetail,
  agreementGaps,
  type AgreementStatus,
  type AgreementTerms,
  changedFields,
  checkTransition,
  expandScope,
  missingExclusiveRequirements,
  type Scope,
  VENDOR_SCOPE,
} from '@partnerline/domain';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { ScreeningService } from '../partners/screening.service';
import { AgreementsRepository } from './agreements.repository';

type Row = NonNullable<Awaited<ReturnType<AgreementsRepository['row']>>>;
const APPROVERS = ['vendor_admin', 'channel_manager'];
/** Agreements expired per transaction by the sweep: each batch holds its row locks only briefly. */
const EXPIRY_BATCH = 200;

@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: AgreementsRepository,
    private readonly partners: PartnersRepository,
    private readonly catalog: CatalogRepository,
    private readonly users: AuthRepository,
    private readonly screening: ScreeningService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  private async locked(m: EntityManager, id: string): Promise<Row> {
    const row = await this.repo.row(id, VENDOR_SCOPE, m, true);
    if (!row) throw AppError.notFound('agreement', id);
    return row;
  }

  private move(row: Row, to: AgreementStatus) {
    const check = checkTransition(AGREEMENT_TRANSITIONS, row.status, to);
    if (!check.ok)
      throw new AppError(
        'INVALID_TRANSITION',
        { entity: 'agreement', from: row.status, to, allowed: check.allowed.join(', ') || '—' },
        { from: row.status, to, allowed: check.allowed },
      );
  }

  private async assertPartner(m: EntityManager, partnerId: string) {
    const status = await this.partners.statusOf(m, partnerId);
    if (!status) throw new AppError('AGREEMENT_PARTNER_UNKNOWN', {}, { field: 'partnerId' });
    if (isClosedPartner(status)) throw new AppError('AGREEMENT_PARTNER_CLOSED', {}, { field: 'partnerId', status });
  }

  async create(terms: AgreementTerms, actor: AuthenticatedUser): Promise<string> {
    return inTransaction(this.db, async (m) => {
      await this.assertPartner(m, terms.partnerId);
      const id = await this.repo.insertDraft(m, terms, actor.id);
      await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.drafted', after: terms });
      return id;
    });
  }

  async update(id: string, terms: AgreementTerms): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const row = await this.locked(m, id);
      if (row.status !== 'draft')
        throw new AppError(
          'INVALID_TRANSITION',
          { entity: 'agreement', from: row.status, to: 'draft (edit)', allowed: '—' },
          { hint: 'use /amend for an active agreement' },
        );
      if (changesParties({ partnerId: row.partner_id, type: row.type }, terms))
        throw new AppError('AGREEMENT_PARTNER_TYPE_FIXED', {}, { field: 'type' });
      await this.repo.updateDraft(m, id, row.version, terms);
      await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.edited', before: row.terms, after: terms });
    });
  }

  async submit(id: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const row = await this.locked(m, id);
      this.move(row, 'pending_approval');
      const gaps = agreementGaps(row.terms);
      if (gaps.length) throw new AppError('AGREEMENT_INCOMPLETE', { missing: gaps.join(', ') }, { missing: gaps });
      await this.repo.markSubmitted(m, id, row.version, actor.id);
      await this.audit.record(m, {
        entity: 'agreement',
        entityId: id,
        action: 'agreement.submitted',
        before: { status: row.status },
        after: { status: 'pending_approval' },
      });
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
      if (err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '23P01')
        throw await this.overlapError(id);
      throw err;
    }
  }

  private async approveIn(m: EntityManager, id: string, actor: AuthenticatedUser, override?: { justification: string }) {
    const row = await this.locked(m, id);
    const amendment = await this.repo.pendingAmendment(m, id, true);
    const submitter = amendment ? amendment.createdBy : row.submitted_by;
    if (!amendment) this.move(row, 'active');
    if (submitter === actor.id) throw new AppError('SELF_APPROVAL', {}, { reason: 'self_approval' });
    if (override && actor.role !== 'vendor_admin')
      throw new AppError('FORBIDDEN', { role: actor.role }, { reason: 'only a vendor admin may override the track record' });
    const terms: AgreementTerms = amendment ? amendment.terms : row.terms;
    // An agreement whose term has already ended can never come into force.
    if (terms.endDate < businessToday()) throw new AppError('AGREEMENT_TERM_ENDED', { endDate: terms.endDate }, { field: 'endDate' });

    const partner = (await this.partners.lockForChange(m, row.partner_id))!;
    if (!mayActivateAgreement(partner)) {
      throw new AppError('AGREEMENT_PARTNER_NOT_APPROVED', {}, { missing: ['partner_approval'], status: partner.status });
    }
    const missing = missingExclusiveRequirements({
      ...terms,
      type: row.type,
      hasTrackRecord: await this.partners.hasSuccessfulTrial(m, row.partner_id),
      override: override ?? null,
    });
    if (missing.length) throw new AppError('AGREEMENT_INCOMPLETE', { missing: missing.join(', ') }, { missing });

    if (row.type === 'exclusive') {
      await this.repo.releaseClaims(m, id);
      await this.repo.claim(m, id, expandScope(terms.scope, await this.catalog.catalogIds(m)), terms.startDate, terms.endDate);
    }
    if (amendment) {
      await this.repo.applyAmendment(m, id, amendment.version, terms, actor.id);
      await this.audit.record(m, {
        entity: 'agreement',
        entityId: id,
        action: 'agreement.amendment_approved',
        before: row.terms,
        after: terms,
      });
    } else {
      await this.repo.activate(m, id, row.version, actor.id, override?.justification ?? null);
      await this.audit.record(m, {
        entity: 'agreement',
        entityId: id,
        action: 'agreement.approved',
        before: { status: row.status },
        after: { status: 'active', overrideJustification: override?.justification ?? null },
      });
      // A partner becomes active with its first active agreement.
      const next = statusOnAgreementActivated(partner.status);
      if (next) await this.screening.transition(m, partner, next, `agreement ${id} activated`, actor);
    }
    await this.notifications.notify(m, {
      userIds: await this.partners.partnerAdmins(m, row.partner_id),
      kind: 'agreement.activated',
      params: { partner: row.partner_name, type: row.type },
      link: `/portal/agreements/${id}`,
    });
  }

  private async overlapError(id: string, proposed?: AgreementTerms): Promise<AppError> {
    const row = (await this.repo.row(id, VENDOR_SCOPE))!;
    const amendment = proposed ? null : await this.repo.pendingAmendment(this.db.manager, id);
    const terms: AgreementTerms = proposed ?? amendment?.terms ?? row.terms;
    return (await this.overlapRefusal('EXCLUSIVE_OVERLAP', terms.scope, terms.startDate, terms.endDate, id)) ?? new AppError('AGREEMENT_SCOPE_OVERLAPS');
  }

  /**
   * The refusal naming the first exclusive holding a scope and term collide with (its holder, up to three segments,
   * its dates; up to 50 overlaps in the details), null when none. `code`: who refuses (approval or amendment, or a
   * renewal decision's successor).
   */
  async overlapRefusal(
    code: 'EXCLUSIVE_OVERLAP' | 'RENEWAL_SUCCESSOR_OVERLAP',
    scope: AgreementTerms['scope'],
    startDate: string,
    endDate: string,
    excludeAgreementId: string | null,
  ): Promise<AppError | null> {
    const holdings = await this.previewOverlaps(scope, startDate, endDate, excludeAgreementId);
    const first = holdings[0];
    if (!first) return null;
    const same = holdings.filter((h) => h.agreementId === first.agreementId);
    const segments =
      same
        .slice(0, 3)
        .map((h) => `${h.industryNameZh}·${h.regionNameZh}`)
        .join('、') + (same.length > 3 ? ` …(+${same.length - 3})` : '');
    return new AppError(
      code,
      { number: first.number, partner: first.partnerName, segments, from: first.from, until: first.until },
      {
        holder: { agreementId: first.agreementId, number: first.number, partnerId: first.partnerId, partnerName: first.partnerName },
        overlaps: holdings.slice(0, 50),
      },
    );
  }

  /** The holdings a scope and term would collide with (expanded by the domain rule). */
  async previewOverlaps(scope: AgreementTerms['scope'], startDate: string, endDate: string, excludeAgreementId: string | null) {
    return this.repo.overlaps(expandScope(scope, await this.catalog.catalogIds()), startDate, endDate, excludeAgreementId);
  }

  async reject(id: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const row = await this.locked(m, id);
      const amendment = await this.repo.pendingAmendment(m, id, true);
      if (amendment) {
        await this.repo.rejectAmendment(m, id, amendment.version, actor.id, reason);
        await this.audit.record(m, {
          entity: 'agreement',
          entityId: id,
          action: 'agreement.amendment_rejected',
          after: { version: amendment.version, reason },
        });
        return;
      }
      this.move(row, 'draft');
      await this.repo.backToDraft(m, id, row.version, reason);
      await this.audit.record(m, {
        entity: 'agreement',
        entityId: id,
        action: 'agreement.rejected',
        before: { status: row.status },
        after: { status: 'draft', reason },
      });
    });
  }

  /**
   * Termination with effect on `effectiveDate` (D): the agreement stays in force — its exclusive scope held, its
   * holder eligible — through D−1 and is `terminated` from D (a successor may start on D). Before D it stays active
   * with the termination recorded ("terminates on D"); the sweep flips it on D.
   */
  async terminate(id: string, reason: string, effectiveDate: string, _actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, (m) => this.terminateIn(m, id, reason, effectiveDate));
  }

  /** `terminate` inside the caller's transaction (a renewal decision terminates the agreement with its own audit row). */
  async terminateIn(m: EntityManager, id: string, reason: string, effectiveDate: string): Promise<void> {
    const row = await this.locked(m, id);
    const from = row.status;
    this.move(row, 'terminated');
    if (terminationTooEarly({ status: from, startDate: row.start_date }, effectiveDate))
      throw new AppError('TERMINATION_BEFORE_START', { startDate: row.start_date }, { field: 'effectiveDate' });
    const now = from !== 'active' || effectiveDate <= businessToday();
    await this.repo.markTerminated(m, id, reason, effectiveDate, now);
    if (row.type === 'exclusive') await this.repo.endClaims(m, id, dayBefore(effectiveDate));
    await this.audit.record(m, {
      entity: 'agreement',
      entityId: id,
      action: 'agreement.terminated',
      before: { status: from },
      after: { status: now ? 'terminated' : from, reason, effectiveDate },
    });
  }

  /**
   * A renewal decision's successor: a new draft with `terms` (the caller prefilled them from the predecessor), in the
   * caller's transaction, audited as drafted with the agreement it renews. Exclusivity is claimed only at approval.
   */
  async draftSuccessorIn(m: EntityManager, terms: AgreementTerms, predecessorId: string, actorId: string): Promise<string> {
    await this.assertPartner(m, terms.partnerId);
    const id = await this.repo.insertDraft(m, terms, actorId);
    await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.drafted', after: { ...terms, renews: predecessorId } });
    return id;
  }

  /** Agreements whose termination took effect by `today` become `terminated` (idempotent; run by the sweep). */
  async sweepTerminations(today: string): Promise<string[]> {
    return inTransaction(this.db, async (m) => {
      const ids = await this.repo.terminateDue(m, today);
      for (const id of ids) await this.audit.record(m, { entity: 'agreement', entityId: id, action: 'agreement.termination_effective', after: { status: 'terminated', on: today } });
      return ids;
    });
  }

  async amend(id: string, terms: AgreementTerms, actor: AuthenticatedUser): Promise<number> {
    // Refused at submission, not only at approval: an exclusive scope that would overlap another holder, named. (A read
    // before the transaction; approval stays guarded by the exclusion constraint.)
    const current = await this.repo.row(id, VENDOR_SCOPE);
    if (current?.status === 'active' && current.type === 'exclusive' && (await this.previewOverlaps(terms.scope, terms.startDate, terms.endDate, id)).length)
      throw await this.overlapError(id, terms);
    return inTransaction(this.db, async (m) => {
      const row = await this.locked(m, id);
      if (row.status !== 'active')
        throw new AppError(
          'INVALID_TRANSITION',
          { entity: 'agreement', from: row.status, to: 'amended', allowed: '—' },
          { hint: 'only an active agreement is amended; edit a draft directly' },
        );
      if (changesParties({ partnerId: row.partner_id, type: row.type }, terms))
        throw new AppError('AMENDMENT_PARTNER_TYPE_FIXED', {}, { field: 'type' });
      const gaps = agreementGaps(terms);
      if (gaps.length) throw new AppError('AGREEMENT_INCOMPLETE', { missing: gaps.join(', ') }, { missing: gaps });
      const next = await this.repo.addAmendment(m, id, terms, actor.id);
      await this.audit.record(m, {
        entity: 'agreement',
        entityId: id,
        action: 'agreement.amendment_submitted',
        before: row.terms,
        after: terms,
      });
      return next;
    });
  }

  /**
   * Expires active agreements that ended before `today` (a business date), in batches of `batch`, each batch one
   * short transaction (row locks with SKIP LOCKED: safe when several instances sweep), reporting progress between
   * batches. Idempotent: an expired agreement is never picked again. Returns the ids it expired.
   */
  async sweepExpired(
    today: string,
    progress?: (processed: number, total: number) => Promise<void>,
    batch = EXPIRY_BATCH,
  ): Promise<string[]> {
    const total = await this.repo.countExpired(today);
    const expired: string[] = [];
    for (;;) {
      const ids = await inTransaction(this.db, async (m) => {
        const due = await this.repo.expireBatch(m, today, batch);
        for (const id of due) {
          await this.audit.record(m, {
            entity: 'agreement',
            entityId: id,
            action: 'agreement.expired',
            before: { status: 'active' },
            after: { status: 'expired' },
            actor: { id: null, email: null },
          });
        }
        return due;
      });
      expired.push(...ids);
      await progress?.(expired.length, Math.max(total, expired.length));
      if (ids.length < batch) return expired;
    }
  }

  async detail(id: string, user: AuthenticatedUser, scope: Scope): Promise<AgreementDetail> {
    const row = await this.repo.row(id, scope);
    if (!row) throw AppError.notFound('agreement', id);
    const scopeView = (await this.repo.scopeViews(this.db.manager, [id])).get(id) ?? [];
    const people = await this.users.displayNames([row.submitted_by, row.approved_by].filter((u): u is string => typeof u === 'string'));
    const nameOf = (uid: unknown) => (typeof uid === 'string' ? (people.get(uid) ?? null) : null);
    const names = { submittedBy: nameOf(row.submitted_by), approvedBy: nameOf(row.approved_by) };
    const actions = agreementActions({ status: row.status, pendingAmendment: row.pending_amendment }, APPROVERS.includes(user.role));
    return {
      ...this.repo.summary(row, scopeView),
      terms: row.terms,
      submittedBy: names.submittedBy,
      submittedById: (row.submitted_by as string | null) ?? null,
      submittedAt: (row.submitted_at as Date | null)?.toISOString() ?? null,
      approvedBy: names.approvedBy,
      approvedAt: (row.approved_at as Date | null)?.toISOString() ?? null,
      rejectionReason: (row.rejection_reason as string | null) ?? null,
      termination: row.termination_reason
        ? { reason: row.termination_reason as string, effectiveDate: row.termination_effective as string }
        : null,
      overrideJustification: (row.override_justification as string | null) ?? null,
      allowedActions: actions,
      gaps: agreementGaps(row.terms),
    };
  }

  async versions(id: string, scope: Scope) {
    const row = await this.repo.row(id, scope);
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

/** The calendar day before an ISO date. */
function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
