import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addBusinessDays,
  autoApproves,
  checkEligibility,
  checkTaxId,
  customerNamesMatch,
  checkTransition,
  type ConflictKind,
  EVIDENCE_LABELS,
  EVIDENCE_OPEN_STATUSES,
  type EvidenceKind,
  extendProtection,
  matchLocks,
  missingRequiredEvidence,
  pickCoveringAgreement,
  protectionEndsOn,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_TRANSITIONS,
  requiredEvidence,
  type RegistrationInput,
  type RegistrationRequirements,
  type RegistrationStatus,
  reminderDates,
  remindersDue,
  type Scope,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessNow, businessToday } from '../../common/time';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { CatalogRepository, type RegionContext } from '../catalog/catalog.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { PoliciesService } from '../policies/policies.service';
import { UsersRepository } from '../users/users.repository';
import { caseNumber, ConflictsRepository } from './conflicts.repository';
import { type Candidate, customerColumns, DealRegistrationsRepository, type Owners, type Row } from './deal-registrations.repository';
import { DirectAccountsRepository } from './direct-accounts.repository';
import { checkEvidenceFile, evidenceFileName } from './evidence-files';

export type { Row } from './deal-registrations.repository';

export interface RegistrationView {
  id: string;
  partnerId: string;
  status: RegistrationStatus;
  customerName: string;
  estimatedAmount: string;
  slaDue: string | null;
  protectionEnds: string | null;
  details: RegistrationInput;
  history: { fromStatus: string | null; toStatus: string; note: string | null; occurredAt: string }[];
  conflicts: { id: string; kind: ConflictKind; status: 'open' | 'resolved' }[];
  reviewComment: string | null;
}

/** No registration has this id: stands for a registration not yet stored. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

type Policies = Awaited<ReturnType<PoliciesService['get']>>;

interface SubmissionCheck {
  agreement: ReturnType<typeof pickCoveringAgreement>;
  partner: Awaited<ReturnType<PartnersRepository['briefs']>>[number];
  findings: Finding[];
  due: string;
}

interface Finding {
  kind: ConflictKind;
  registrationIds: string[];
  directAccountIds: string[];
  agreementIds: string[];
  evidence: Record<string, unknown>;
}

/** Rows per sweep transaction: a lock is never held longer than one batch. */
export const SWEEP_BATCH = 500;

export interface SweepResult {
  expired: string[];
  reminded: number;
  escalated: number;
}

/** Registering opportunities: eligibility, evidence, conflict detection on submit (never silent), review. */
@Injectable()
export class DealRegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: DealRegistrationsRepository,
    private readonly conflicts: ConflictsRepository,
    private readonly direct: DirectAccountsRepository,
    private readonly partners: PartnersRepository,
    private readonly agreements: AgreementsRepository,
    private readonly users: UsersRepository,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly catalog: CatalogRepository,
  ) {}

  /** The partner organisations a scope may see (null = vendor-wide). */
  async ownersOf(m: EntityManager, scope: Scope): Promise<Owners> {
    if (scope.kind === 'partner') return [scope.partnerId];
    if (scope.kind === 'manager') return this.partners.idsManagedBy(m, scope.managerId);
    return null;
  }

  async create(partnerId: string, input: RegistrationInput, actor: AuthenticatedUser): Promise<string> {
    if (!checkTaxId(input.customer.taxId).ok) throw new AppError('REGISTRATION_TAX_ID_CHECKSUM', {}, { field: 'customer.taxId' });
    return inTransaction(this.db, async (m) => {
      const id = await this.repo.insertDraft(m, partnerId, input, actor.id);
      await this.repo.addHistory(m, id, null, 'draft', null, actor.id);
      await this.audit.record(m, { entity: 'deal_registration', entityId: id, action: 'registration.drafted', after: input });
      return id;
    });
  }

  private async load(m: EntityManager, id: string, scope: Scope, lock = false): Promise<Row> {
    const row = await this.repo.load(m, id, await this.ownersOf(m, scope), lock);
    if (!row) throw AppError.notFound('deal registration', id);
    return row;
  }

  private async move(m: EntityManager, r: Row, to: RegistrationStatus, actorId: string | null, note: string | null = null) {
    const check = checkTransition(REGISTRATION_TRANSITIONS, r.status, to);
    if (!check.ok) throw new AppError('INVALID_TRANSITION', { entity: 'deal registration', from: r.status, to, allowed: check.allowed.join(', ') || '—' }, { from: r.status, to, allowed: check.allowed });
    await this.repo.setStatus(m, r.id, to);
    await this.repo.addHistory(m, r.id, r.status, to, note, actorId);
    await this.audit.record(m, { entity: 'deal_registration', entityId: r.id, action: `registration.${to}`, before: { status: r.status }, after: { status: to, note } });
    r.status = to;
  }

  async submit(id: string, scope: Scope, actor: AuthenticatedUser): Promise<{ status: RegistrationStatus; conflicts: ConflictKind[] }> {
    const policies = await this.policies.get();
    const day = businessToday();
    return inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, scope, true);
      if (r.status !== 'draft') throw new AppError('INVALID_TRANSITION', { entity: 'deal registration', from: r.status, to: 'submitted', allowed: '—' });
      const checked = await this.checkSubmission(m, r, policies, day, await this.repo.evidenceKinds(m, r.id));
      await this.repo.markSubmitted(m, r.id, businessNow(), checked.due, checked.agreement?.id ?? null);
      await this.move(m, r, 'submitted', actor.id);
      if (checked.findings.length) await this.joinOrOpenCase(m, r, checked.findings);
      await this.move(m, r, checked.findings.length ? 'in_conflict' : 'in_review', null);
      return this.afterSubmit(m, r, checked, policies, actor);
    });
  }

  /**
   * Creates and submits in one transaction (what the one-screen form's "Submit" sends): the same checks, locks, conflict
   * detection, history, audit and notices as create + submit, with the row written once in its review status.
   */
  async createAndSubmit(partnerId: string, input: RegistrationInput, actor: AuthenticatedUser): Promise<{ id: string; status: RegistrationStatus; conflicts: ConflictKind[] }> {
    if (!checkTaxId(input.customer.taxId).ok) throw new AppError('REGISTRATION_TAX_ID_CHECKSUM', {}, { field: 'customer.taxId' });
    const policies = await this.policies.get();
    const day = businessToday();
    return inTransaction(this.db, async (m) => {
      // Not yet stored: checked as the draft it would be (no files can be attached before the row exists).
      const draft: Row = { id: NO_ID, partner_id: partnerId, status: 'draft', ...customerColumns(input), details: input, estimated_amount: input.estimatedAmount, sla_due: null, protection_ends: null, extensions: 0 };
      const checked = await this.checkSubmission(m, draft, policies, day, []);
      const status: RegistrationStatus = checked.findings.length ? 'in_conflict' : 'in_review';
      const r = await this.repo.insertSubmitted(m, partnerId, input, actor.id, { status, submittedAt: businessNow(), slaDue: checked.due, agreementId: checked.agreement?.id ?? null });
      // Audit in the order create + submit writes it: drafted, submitted, [the case opened or joined], then the review status.
      const steps = [
        { entity: 'deal_registration', entityId: r.id, action: 'registration.drafted', after: input },
        { entity: 'deal_registration', entityId: r.id, action: 'registration.submitted', before: { status: 'draft' }, after: { status: 'submitted', note: null } },
      ];
      const reviewed = { entity: 'deal_registration', entityId: r.id, action: `registration.${status}`, before: { status: 'submitted' }, after: { status, note: null } };
      if (checked.findings.length) {
        await this.audit.recordMany(m, steps);
        await this.joinOrOpenCase(m, r, checked.findings);
        await this.audit.record(m, reviewed);
      } else {
        await this.audit.recordMany(m, [...steps, reviewed]);
      }
      return { id: r.id, ...(await this.afterSubmit(m, r, checked, policies, actor)) };
    });
  }

  /** The covering agreement of a segment for a partner and the evidence its standard requires (the form shows them). */
  async requirements(partnerId: string, industryId: string, regionId: string): Promise<RegistrationRequirements> {
    const m = this.repo.manager;
    const regions = await this.catalog.regionContext(m, regionId);
    const agreement = regions.upward.length ? pickCoveringAgreement(await this.agreements.coveringAgreements(m, partnerId, industryId, regionId, businessToday(), regions.upward)) : null;
    return { covered: !!agreement, agreement: agreement ? { id: agreement.id, type: agreement.type } : null, evidence: requiredEvidence(agreement) };
  }

  /** A trial partner's open registrations, counted under a lock per partner: parallel submissions cannot pass the limit together. */
  private async countOpenForTrial(m: EntityManager, partnerId: string): Promise<number> {
    await this.repo.lockKeys(m, [{ key: `trial:${partnerId}`, shared: false }]);
    return this.repo.countOpen(m, partnerId);
  }

  /** Auto-approval in the partner's own exclusive scope, and the notices of a submission. */
  private async afterSubmit(m: EntityManager, r: Row, checked: SubmissionCheck, policies: Policies, actor: AuthenticatedUser): Promise<{ status: RegistrationStatus; conflicts: ConflictKind[] }> {
    const { agreement, partner, findings, due } = checked;
    if (autoApproves({ conflicts: findings.length, agreementType: agreement?.type ?? null, autoApproveInOwnExclusiveScope: policies.registrations.autoApproveInOwnExclusiveScope })) {
      await this.approveIn(m, r, actor.id, policies.registrations.protectionDays, 'auto-approved: own exclusive scope, no conflict');
    }
    const managers = partner.managerId ? [partner.managerId] : await this.partners.managersOf(m, r.partner_id);
    await this.notifications.notify(m, { userIds: managers, kind: 'registration.submitted', params: { customer: r.customer_name, partner: partner.name, due }, link: `/admin/registrations/${r.id}` });
    if (findings.length) {
      const involved = new Set<string>([r.partner_id, ...(await this.repo.partnersOf(m, findings.flatMap((f) => f.registrationIds)))]);
      for (const pid of involved) {
        await this.notifications.notify(m, { userIds: await this.partners.partnerAdmins(m, pid), kind: 'registration.conflict_opened', params: { customer: r.customer_name, kinds: findings.map((f) => f.kind).join(', ') }, link: '/portal/registrations' });
      }
    }
    return { status: r.status, conflicts: findings.map((f) => f.kind) };
  }

  /**
   * What a submission must pass and what it finds, under the customer's locks: eligibility (covering agreement, trial
   * capacity), the agreement's required evidence, the partner's own duplicate (refused), then conflict detection.
   */
  private async checkSubmission(m: EntityManager, r: Row, policies: Policies, day: string, evidenceKinds: EvidenceKind[]): Promise<SubmissionCheck> {
    const regions = await this.catalog.regionContext(m, r.region_id);
    const [partner] = await this.partners.briefs(m, [r.partner_id]);
    const agreement = pickCoveringAgreement(await this.agreements.coveringAgreements(m, r.partner_id, r.industry_id, r.region_id, day, regions.upward));
    const eligibility = checkEligibility({
      covered: !!agreement,
      partnerStatus: partner.status,
      openRegistrations: agreement ? 0 : await this.countOpenForTrial(m, r.partner_id),
      trialOpenRegistrationLimit: policies.registrations.trialOpenRegistrationLimit,
    });
    if (!eligibility.ok) {
      if (eligibility.reason === 'not_covered') throw new AppError('REGISTRATION_NOT_COVERED', {}, { missing: ['covering_agreement'] });
      throw new AppError('REGISTRATION_TRIAL_CAPACITY', { limit: eligibility.limit }, { missing: ['trial_capacity'] });
    }
    const missing = missingRequiredEvidence(agreement, r.details.evidence, evidenceKinds);
    if (missing.length) {
      const named = { en: missing.map((k) => EVIDENCE_LABELS[k].en).join(', '), 'zh-CN': missing.map((k) => EVIDENCE_LABELS[k].zh).join('、') };
      throw new AppError('REGISTRATION_EVIDENCE_MISSING', { missing: named }, { missing });
    }

    // Another partner's exclusive territory is not decided by the customer locks: read before taking them.
    const exclusive = await this.agreements.exclusiveHolderIds(m, r.industry_id, r.region_id, day, r.partner_id);

    // Serialise submissions whose customers could match (exact keys + province × industry for names; sorted, no deadlock).
    await this.lockCustomer(m, r, regions);

    // A partner's own duplicate is refused with a pointer to its existing registration (same lookup as the candidates).
    const matches = await this.repo.openMatches(m, r, regions.related);
    if (matches.own) throw new AppError('REGISTRATION_DUPLICATE_OWN', {}, { existingRegistrationId: matches.own });

    const findings = await this.detect(m, r, policies.registrations.nameMatchThreshold, matches.others, exclusive, regions.related);
    return { agreement, partner, findings, due: addBusinessDays(day, policies.registrations.reviewSlaBusinessDays) };
  }

  /** The advisory locks of a registration's customer (see matchLocks): taken by submit and by a direct approve/reject. */
  private async lockCustomer(m: EntityManager, r: Row, known?: RegionContext): Promise<void> {
    const regions = known ?? (await this.catalog.regionContext(m, r.region_id));
    await this.repo.lockKeys(m, matchLocks({ taxId: r.customer_tax_id, domain: r.customer_domain, regionRootId: regions.root, industryId: r.industry_id, aboveRootIds: regions.aboveRoot }));
  }

  /** One case per customer: join the open case of any matched registration, else open one with every party. */
  private async joinOrOpenCase(m: EntityManager, r: Row, findings: Finding[]): Promise<void> {
    const registrationIds = [...new Set(findings.flatMap((f) => f.registrationIds))];
    const parties = { registrationIds: [r.id, ...registrationIds], directAccountIds: findings.flatMap((f) => f.directAccountIds), agreementIds: findings.flatMap((f) => f.agreementIds), kinds: findings.map((f) => f.kind) };
    const evidence = Object.fromEntries(findings.map((f) => [f.kind, f.evidence]));
    const existing = await this.conflicts.openCaseAmong(m, registrationIds);
    if (existing) {
      await this.conflicts.join(m, existing.id, parties);
      await this.audit.record(m, { entity: 'conflict', entityId: existing.id, action: 'conflict.joined', after: { registrationId: r.id, ...evidence } });
      return;
    }
    const conflictId = await this.conflicts.open(m, { kind: findings[0].kind, kinds: parties.kinds, registrationId: r.id, evidence: findings.length === 1 ? findings[0].evidence : evidence, registrationIds, directAccountIds: parties.directAccountIds, agreementIds: parties.agreementIds });
    await this.audit.record(m, { entity: 'conflict', entityId: conflictId, action: 'conflict.opened', after: findings });
  }

  /**
   * Conflict detection (DOMAIN §5): the same customer at another partner (exact canonical keys, or names that the
   * domain matcher calls the same among the related regions), another partner's exclusive territory, direct sales.
   */
  private async detect(m: EntityManager, r: Row, threshold: number, candidates: Candidate[], exclusive: string[], regionIds: string[]): Promise<Finding[]> {
    const findings: Finding[] = [];
    const why = (c: { customer_name: string; customer_tax_id: string | null; customer_domain: string | null }) => {
      if (r.customer_tax_id && c.customer_tax_id === r.customer_tax_id) return { key: 'tax_id' as const, score: 1 };
      if (r.customer_domain && c.customer_domain === r.customer_domain) return { key: 'domain' as const, score: 1 };
      const v = customerNamesMatch(r.customer_name, c.customer_name, { threshold });
      return v.match ? { key: 'name' as const, score: v.score } : null;
    };
    const dupes = candidates.map((c) => ({ c, match: why(c) })).filter((x) => x.match);
    if (dupes.length) {
      findings.push({
        kind: 'duplicate_customer',
        registrationIds: dupes.map((d) => d.c.id),
        directAccountIds: [],
        agreementIds: [],
        evidence: { matches: dupes.map((d) => ({ id: d.c.id, name: d.c.customer_name, key: d.match!.key, score: d.match!.score, sameTaxId: d.match!.key === 'tax_id', sameDomain: d.match!.key === 'domain' })) },
      });
    }
    if (exclusive.length) findings.push({ kind: 'exclusive_territory', registrationIds: [], directAccountIds: [], agreementIds: exclusive, evidence: {} });
    const direct = (await this.direct.candidates(m, { taxId: r.customer_tax_id, domain: r.customer_domain, nameCore: r.customer_name_core, regionIds, industryId: r.industry_id })).filter((d) =>
      why({ customer_name: d.name, customer_tax_id: d.tax_id, customer_domain: d.domain }),
    );
    const directIds = [...new Set(direct.map((d) => d.id))];
    if (directIds.length) findings.push({ kind: 'direct_sales', registrationIds: [], directAccountIds: directIds, agreementIds: [], evidence: {} });
    return findings;
  }

  /** A registration that is party to an open case is decided only by the case's resolution (409 naming the case). */
  private async refuseInOpenCase(m: EntityManager, r: Row): Promise<void> {
    await this.lockCustomer(m, r);
    const open = await this.conflicts.openCaseOf(m, r.id);
    if (open) throw new AppError('REGISTRATION_IN_OPEN_CASE', { case: caseNumber(open.number) }, { conflictId: open.id, caseNumber: caseNumber(open.number) });
  }

  /** A reviewer's approval; the optional comment is kept on the registration, in its history and audit, and shown to the partner. */
  async approve(id: string, actor: AuthenticatedUser, comment?: string): Promise<void> {
    const { registrations } = await this.policies.get();
    const note = comment?.trim() || null;
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, { kind: 'vendor' }, true);
      await this.refuseInOpenCase(m, r);
      if (r.status === 'in_conflict') throw new AppError('REGISTRATION_OPEN_CONFLICT', {}, { reason: 'open_conflict' });
      await this.approveIn(m, r, actor.id, registrations.protectionDays, note);
      if (note) await this.repo.setReviewComment(m, r.id, note);
    });
  }

  /** Approval starts the protection period (policy days). Also used when a conflict is resolved in its favour. */
  async approveIn(m: EntityManager, r: Row, actorId: string, protectionDays: number, note: string | null = null): Promise<void> {
    await this.move(m, r, 'approved', actorId, note);
    const until = protectionEndsOn(businessToday(), protectionDays);
    await this.repo.markApproved(m, r.id, businessNow(), until);
    await this.notifications.notify(m, { userIds: await this.partners.partnerAdmins(m, r.partner_id), kind: 'registration.approved', params: { customer: r.customer_name, until }, link: `/portal/registrations/${r.id}` });
  }

  async rejectIn(m: EntityManager, r: Row, actorId: string, reason: string): Promise<void> {
    await this.move(m, r, 'rejected', actorId, reason);
    await this.repo.setRejectionReason(m, r.id, reason);
    await this.notifications.notify(m, { userIds: await this.partners.partnerAdmins(m, r.partner_id), kind: 'registration.rejected', params: { customer: r.customer_name, reason }, link: `/portal/registrations/${r.id}` });
  }

  /** Attaches an evidence file (type checked by content, size-limited) to a registration that is not closed. */
  async addEvidence(id: string, scope: Scope, kind: EvidenceKind, file: { originalname: string; buffer: Buffer } | undefined, actor: AuthenticatedUser) {
    if (!file) throw new AppError('REGISTRATION_EVIDENCE_FILE_REQUIRED', {}, { field: 'file' });
    const check = checkEvidenceFile(file.originalname, file.buffer);
    if (!check.ok) throw new AppError(check.code, check.params, { field: 'file' });
    return inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, scope, true);
      if (!EVIDENCE_OPEN_STATUSES.includes(r.status)) throw new AppError('REGISTRATION_EVIDENCE_CLOSED', { status: REGISTRATION_STATUS_LABELS[r.status] }, { status: r.status });
      // The registration row is locked (load … true): parallel uploads count one after another.
      const { registrations: limits } = await this.policies.get(m);
      if ((await this.repo.evidenceCount(m, id)) >= limits.maxEvidenceFiles) throw new AppError('REGISTRATION_EVIDENCE_TOO_MANY', { max: limits.maxEvidenceFiles }, { field: 'file', max: limits.maxEvidenceFiles });
      const fileId = await this.repo.insertEvidence(m, { registrationId: id, kind, filename: evidenceFileName(file.originalname), mime: check.mime, content: file.buffer, sha256: check.sha256, uploadedBy: actor.id });
      await this.audit.record(m, { entity: 'deal_registration', entityId: id, action: 'registration.evidence_added', after: { fileId, kind, filename: file.originalname, size: file.buffer.length, sha256: check.sha256 } });
      return { id: fileId };
    });
  }

  async evidenceFiles(id: string, scope: Scope) {
    await this.load(this.repo.manager, id, scope);
    const rows = await this.repo.evidenceFiles(id);
    return rows.map((r) => ({ id: r.id, kind: r.kind, filename: r.filename, mimeType: r.mime_type, size: r.size_bytes, uploadedAt: r.uploaded_at.toISOString() }));
  }

  async evidenceContent(id: string, fileId: string, scope: Scope): Promise<{ filename: string; mimeType: string; content: Buffer }> {
    await this.load(this.repo.manager, id, scope);
    const f = await this.repo.evidenceContent(id, fileId);
    if (!f) throw AppError.notFound('evidence file', fileId);
    return { filename: f.filename, mimeType: f.mime_type, content: f.content };
  }

  async lockRow(m: EntityManager, id: string): Promise<Row> {
    return this.load(m, id, { kind: 'vendor' }, true);
  }

  /** One extension (policy) with a progress update, while protection runs. */
  async extend(id: string, scope: Scope, progress: string, actor: AuthenticatedUser): Promise<string> {
    const { registrations } = await this.policies.get();
    return inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, scope, true);
      if (r.status !== 'approved' || !r.protection_ends) throw new AppError('INVALID_TRANSITION', { entity: 'deal registration', from: r.status, to: 'extended', allowed: '—' });
      const check = extendProtection(r.protection_ends, businessToday(), r.extensions, registrations);
      if (!check.ok) {
        if (check.reason === 'no_extensions_left') throw new AppError('REGISTRATION_NO_EXTENSIONS_LEFT', { max: registrations.maxExtensions }, { reason: check.reason });
        throw new AppError('REGISTRATION_PROTECTION_ENDED', {}, { reason: check.reason });
      }
      await this.repo.extendProtection(m, id, check.newEnd);
      await this.repo.addHistory(m, id, 'approved', 'approved', `extended to ${check.newEnd}: ${progress}`, actor.id);
      await this.audit.record(m, { entity: 'deal_registration', entityId: id, action: 'registration.extended', before: { protectionEnds: r.protection_ends }, after: { protectionEnds: check.newEnd, progress } });
      return check.newEnd;
    });
  }

  async close(id: string, scope: Scope, outcome: { won: true; amount: string; date: string } | { won: false; reason: string } | { withdrawn: true }, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, scope, true);
      if ('withdrawn' in outcome) return this.move(m, r, 'withdrawn', actor.id);
      if (outcome.won) {
        await this.move(m, r, 'won', actor.id, `${outcome.amount} on ${outcome.date}`);
        await this.repo.setWon(m, id, outcome.amount, outcome.date);
      } else {
        await this.move(m, r, 'lost', actor.id, outcome.reason);
        await this.repo.setLost(m, id, outcome.reason);
      }
    });
  }

  /**
   * Expires protection past its end, sends the 14- and 3-day reminders, escalates overdue reviews once.
   * Bounded batches (SWEEP_BATCH rows, one short transaction each, claimed with SKIP LOCKED so several instances
   * share the work); each reminder is recorded once, so a re-run or a re-delivered job sends nothing twice.
   */
  async sweep(day: string, progress: (processed: number, total: number) => Promise<void> = async () => {}): Promise<SweepResult> {
    const { registrations } = await this.policies.get();
    const ends = reminderDates(day, registrations.expiryReminderDays);
    const total = await this.repo.countSweepWork(day, ends);
    const result: SweepResult = { expired: [], reminded: 0, escalated: 0 };
    let processed = 0;
    const batches = async (claim: (m: EntityManager, after: string | null) => Promise<Row[]>, handle: (m: EntityManager, rows: Row[]) => Promise<void>) => {
      let after: string | null = null;
      for (;;) {
        const n: number = await inTransaction(this.db, async (m) => {
          const rows = await claim(m, after);
          if (rows.length) await handle(m, rows);
          after = rows.length ? rows[rows.length - 1].id : after;
          return rows.length;
        });
        processed += n;
        if (n) await progress(processed, Math.max(total, processed));
        if (n < SWEEP_BATCH) return;
      }
    };

    await batches(
      (m, after) => this.repo.claimExpired(m, day, after, SWEEP_BATCH),
      async (m, rows) => {
        const admins = this.adminsOnce(m);
        for (const r of rows) {
          await this.move(m, r, 'expired', null);
          await this.notifications.notify(m, { userIds: await admins(r.partner_id), kind: 'registration.expired', params: { customer: r.customer_name }, link: `/portal/registrations/${r.id}` });
          result.expired.push(r.id);
        }
      },
    );
    await batches(
      (m, after) => this.repo.claimReminders(m, day, ends, after, SWEEP_BATCH),
      async (m, rows) => {
        const admins = this.adminsOnce(m);
        for (const r of rows) {
          const days = remindersDue(r.protection_ends as string, day, registrations.expiryReminderDays)[0];
          if (days === undefined || !(await this.repo.recordReminder(m, r.id, 'expiring', days))) continue;
          await this.notifications.notify(m, { userIds: await admins(r.partner_id), kind: 'registration.expiring', params: { customer: r.customer_name, days, registrationId: r.id }, link: `/portal/registrations/${r.id}` });
          result.reminded++;
        }
      },
    );
    // Overdue reviews: flagged in the queue, and escalated once to the vendor admins.
    await batches(
      (m, after) => this.repo.claimOverdue(m, day, after, SWEEP_BATCH),
      async (m, rows) => {
        const admins = (await this.users.activeWithRoles(m, ['vendor_admin'])).map((u) => u.id);
        const names = new Map((await this.partners.briefs(m, [...new Set(rows.map((r) => r.partner_id))])).map((p) => [p.id, p.name]));
        for (const r of rows) {
          if (!(await this.repo.recordReminder(m, r.id, 'sla_breached', 0))) continue;
          await this.notifications.notify(m, { userIds: admins, kind: 'registration.sla_breached', params: { customer: r.customer_name, partner: names.get(r.partner_id), due: r.sla_due, registrationId: r.id }, link: `/admin/registrations/${r.id}` });
          result.escalated++;
        }
      },
    );
    return result;
  }

  /** Partner admins, read once per partner within one batch. */
  private adminsOnce(m: EntityManager): (partnerId: string) => Promise<string[]> {
    const seen = new Map<string, Promise<string[]>>();
    return (partnerId) => {
      if (!seen.has(partnerId)) seen.set(partnerId, this.partners.partnerAdmins(m, partnerId));
      return seen.get(partnerId)!;
    };
  }

  async reject(id: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, { kind: 'vendor' }, true);
      await this.refuseInOpenCase(m, r);
      await this.rejectIn(m, r, actor.id, reason);
    });
  }

  /**
   * An agreement ended without renewal (a renewal decision's termination, ADR 0018): the registrations submitted under
   * it and still waiting for a review are rejected with `reason`, in the caller's transaction (the partner is told as
   * for any rejection). Approved ones keep their protection until it ends; those in a conflict case are left to the
   * case. Returns the ids rejected.
   */
  async rejectUnderReviewOf(m: EntityManager, agreementId: string, reason: string, actorId: string): Promise<string[]> {
    const ids = await this.repo.underReviewOfAgreement(m, agreementId);
    const rejected: string[] = [];
    for (const id of ids) {
      const r = await this.load(m, id, { kind: 'vendor' }, true);
      if (r.status !== 'submitted' && r.status !== 'in_review') continue;
      // 'submitted' is a passing state: review first, then reject, as the transitions require.
      if (r.status === 'submitted') await this.move(m, r, 'in_review', actorId);
      await this.rejectIn(m, r, actorId, reason);
      rejected.push(id);
    }
    return rejected;
  }

  async get(id: string, scope: Scope): Promise<RegistrationView> {
    const r = await this.load(this.repo.manager, id, scope);
    const history = await this.repo.history(id);
    const conflicts = await this.repo.conflictsOf(id);
    return {
      id: r.id,
      partnerId: r.partner_id,
      status: r.status,
      customerName: r.customer_name,
      estimatedAmount: r.estimated_amount,
      slaDue: r.sla_due,
      protectionEnds: r.protection_ends,
      details: r.details,
      history: history.map((h) => ({ fromStatus: h.from_status, toStatus: h.to_status, note: h.note, occurredAt: h.occurred_at.toISOString() })),
      conflicts: conflicts.map((c) => ({ id: c.id, kind: c.kind, status: c.status })),
      reviewComment: (r as Row & { review_comment?: string | null }).review_comment ?? null,
    };
  }
}
