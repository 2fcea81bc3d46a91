import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addBusinessDays,
  checkTransition,
  type ConflictKind,
  missingEvidence,
  nameSimilarity,
  normaliseCustomerName,
  normaliseDomain,
  protectionEndsOn,
  extendProtection,
  remindersDue,
  REGISTRATION_TRANSITIONS,
  type RegistrationInput,
  type RegistrationStatus,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PoliciesService } from '../policies/policies.service';
import { checkEvidenceFile } from './evidence-files';
import { todayIso as today } from '../../common/time';
import { escapeLike } from '../../common/database/like';

const OPEN = ['submitted', 'in_review', 'in_conflict', 'approved'];

export type Row = {
  id: string;
  partner_id: string;
  status: RegistrationStatus;
  customer_name: string;
  customer_name_norm: string;
  customer_tax_id: string | null;
  customer_domain: string | null;
  industry_id: string;
  region_id: string;
  details: RegistrationInput;
};

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
}

interface Finding {
  kind: ConflictKind;
  registrationIds: string[];
  directAccountIds: string[];
  agreementIds: string[];
  evidence: Record<string, unknown>;
}

/** Registering opportunities: eligibility, evidence, conflict detection on submit (never silent), review. */
@Injectable()
export class DealRegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  private async partnerAdmins(m: EntityManager, partnerId: string): Promise<string[]> {
    return (await m.query(`SELECT id FROM users WHERE partner_id = $1 AND disabled_at IS NULL`, [partnerId])).map((u: { id: string }) => u.id);
  }

  private async managerOf(m: EntityManager, partnerId: string): Promise<string[]> {
    const [p] = await m.query(`SELECT manager_id, name FROM partners WHERE id = $1`, [partnerId]);
    return p?.manager_id ? [p.manager_id] : (await m.query(`SELECT id FROM users WHERE role = 'channel_manager' AND disabled_at IS NULL`)).map((u: { id: string }) => u.id);
  }

  async create(partnerId: string, input: RegistrationInput, actor: AuthenticatedUser): Promise<string> {
    return inTransaction(this.db, async (m) => {
      const c = input.customer;
      const [row] = await m.query(
        `INSERT INTO deal_registrations (partner_id, status, customer_name, customer_name_norm, customer_tax_id, customer_domain, industry_id, region_id,
                                         details, estimated_amount, expected_close, created_by)
         VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [partnerId, c.name, normaliseCustomerName(c.name), c.taxId || null, c.domain ? normaliseDomain(c.domain) : null, c.industryId, c.regionId, JSON.stringify(input), input.estimatedAmount, input.expectedCloseDate, actor.id],
      );
      await m.query(`INSERT INTO registration_status_history (registration_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'draft', $2)`, [row.id, actor.id]);
      await this.audit.record(m, { entity: 'deal_registration', entityId: row.id, action: 'registration.drafted', after: input });
      return row.id as string;
    });
  }

  private async load(m: EntityManager, id: string, tenant: string | null, lock = false): Promise<Row> {
    const rows: Row[] = await m.query(`SELECT * FROM deal_registrations WHERE id = $1 AND ($2::uuid IS NULL OR partner_id = $2) ${lock ? 'FOR UPDATE' : ''}`, [id, tenant]);
    if (!rows[0]) throw AppError.notFound('deal registration', id);
    return rows[0];
  }

  private async move(m: EntityManager, r: Row, to: RegistrationStatus, actorId: string | null, note: string | null = null) {
    const check = checkTransition(REGISTRATION_TRANSITIONS, r.status, to);
    if (!check.ok) throw new AppError('INVALID_TRANSITION', { entity: 'deal registration', from: r.status, to, allowed: check.allowed.join(', ') || '—' }, { from: r.status, to, allowed: check.allowed });
    await m.query(`UPDATE deal_registrations SET status = $2 WHERE id = $1`, [r.id, to]);
    await m.query(`INSERT INTO registration_status_history (registration_id, from_status, to_status, note, actor_id) VALUES ($1, $2, $3, $4, $5)`, [r.id, r.status, to, note, actorId]);
    await this.audit.record(m, { entity: 'deal_registration', entityId: r.id, action: `registration.${to}`, before: { status: r.status }, after: { status: to, note } });
    r.status = to;
  }

  /** The active registration or exclusive agreement of the partner whose scope covers the customer's segment today. */
  private async coveringAgreement(m: EntityManager, partnerId: string, industryId: string, regionId: string) {
    const rows = await m.query(
      `SELECT a.id, a.type, a.terms FROM agreements a
        WHERE a.partner_id = $1 AND a.status = 'active' AND a.type IN ('registration', 'exclusive') AND current_date BETWEEN a.start_date AND a.end_date
          AND EXISTS (SELECT 1 FROM agreement_scopes s LEFT JOIN regions sr ON sr.id = s.region_id, regions r
                       WHERE s.agreement_id = a.id AND r.id = $3 AND (s.industry_id IS NULL OR s.industry_id = $2)
                         AND (s.region_id IS NULL OR r.path LIKE sr.path || '%'))
        ORDER BY (a.type = 'exclusive') DESC LIMIT 1`,
      [partnerId, industryId, regionId],
    );
    return rows[0] as { id: string; type: string; terms: { evidenceStandard: { proofOfCommunication: boolean; customerFeedback: boolean; customerDetails: boolean } | null } } | undefined;
  }

  async submit(id: string, tenant: string | null, actor: AuthenticatedUser): Promise<{ status: RegistrationStatus; conflicts: ConflictKind[] }> {
    const policies = await this.policies.get();
    return inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, tenant, true);
      if (r.status !== 'draft') throw new AppError('INVALID_TRANSITION', { entity: 'deal registration', from: r.status, to: 'submitted', allowed: '—' });
      const [partner] = await m.query(`SELECT status FROM partners WHERE id = $1`, [r.partner_id]);
      const agreement = await this.coveringAgreement(m, r.partner_id, r.industry_id, r.region_id);
      if (!agreement) {
        if (partner.status !== 'trial') throw AppError.unprocessable('No active registration or exclusive agreement of yours covers this customer’s industry and region.', { missing: ['covering_agreement'] });
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM deal_registrations WHERE partner_id = $1 AND status = ANY($2)`, [r.partner_id, OPEN]);
        if (n >= policies.registrations.trialOpenRegistrationLimit) {
          throw AppError.unprocessable(`A trial partner may hold ${policies.registrations.trialOpenRegistrationLimit} open registrations; close one first.`, { missing: ['trial_capacity'] });
        }
      }
      const files: { kind: 'proofOfCommunication' | 'customerFeedback' | 'customerDetails' }[] = await m.query(`SELECT DISTINCT kind FROM evidence_files WHERE registration_id = $1`, [r.id]);
      const evidence = { ...r.details.evidence };
      for (const f of files) evidence[f.kind] = evidence[f.kind]?.trim() ? evidence[f.kind] : '(file)';
      const missing = missingEvidence(agreement?.terms.evidenceStandard ?? null, evidence);
      if (missing.length) throw AppError.unprocessable(`The agreement’s evidence standard requires: ${missing.join(', ')}.`, { missing });

      // Serialise submissions about the same customer: one lock per identity key (sorted, so no deadlock).
      const keys = [r.customer_tax_id && `tax:${r.customer_tax_id}`, r.customer_domain && `domain:${r.customer_domain}`, `name:${r.region_id}:${r.customer_name_norm}`].filter(Boolean).sort() as string[];
      for (const key of keys) await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);

      // A partner's own duplicate is refused with a pointer to its existing registration.
      const [own] = await m.query(
        `SELECT id FROM deal_registrations WHERE partner_id = $1 AND id <> $2 AND status = ANY($3)
            AND ((customer_tax_id IS NOT NULL AND customer_tax_id = $4) OR (customer_domain IS NOT NULL AND customer_domain = $5) OR (region_id = $6 AND customer_name_norm = $7)) LIMIT 1`,
        [r.partner_id, r.id, OPEN, r.customer_tax_id, r.customer_domain, r.region_id, r.customer_name_norm],
      );
      if (own) throw AppError.conflict('You have already registered this customer.', { existingRegistrationId: own.id });

      const findings = await this.detect(m, r, policies.registrations.fuzzyNameThreshold);
      await m.query(`UPDATE deal_registrations SET submitted_at = now(), sla_due = $2, agreement_id = $3 WHERE id = $1`, [r.id, addBusinessDays(today(), policies.registrations.reviewSlaBusinessDays), agreement?.id ?? null]);
      await this.move(m, r, 'submitted', actor.id);
      for (const f of findings) {
        const [c] = await m.query(`INSERT INTO conflicts (kind, registration_id, evidence) VALUES ($1, $2, $3) RETURNING id`, [f.kind, r.id, JSON.stringify(f.evidence)]);
        await m.query(`INSERT INTO conflict_parties (conflict_id, registration_id) VALUES ($1, $2)`, [c.id, r.id]);
        for (const other of f.registrationIds) await m.query(`INSERT INTO conflict_parties (conflict_id, registration_id) VALUES ($1, $2)`, [c.id, other]);
        for (const d of f.directAccountIds) await m.query(`INSERT INTO conflict_parties (conflict_id, direct_account_id) VALUES ($1, $2)`, [c.id, d]);
        for (const a of f.agreementIds) await m.query(`INSERT INTO conflict_parties (conflict_id, exclusive_agreement_id) VALUES ($1, $2)`, [c.id, a]);
        await this.audit.record(m, { entity: 'conflict', entityId: c.id, action: 'conflict.opened', after: f });
      }
      await this.move(m, r, findings.length ? 'in_conflict' : 'in_review', null);
      // Policy: inside the partner's own exclusive scope, with no conflict, approval is automatic.
      if (!findings.length && agreement?.type === 'exclusive' && policies.registrations.autoApproveInOwnExclusiveScope) {
        await this.approveIn(m, r, actor.id, policies.registrations.protectionDays, 'auto-approved: own exclusive scope, no conflict');
      }
      const [{ name: partnerName }] = await m.query(`SELECT name FROM partners WHERE id = $1`, [r.partner_id]);
      const due = addBusinessDays(today(), policies.registrations.reviewSlaBusinessDays);
      await this.notifications.notify(m, { userIds: await this.managerOf(m, r.partner_id), kind: 'registration.submitted', params: { customer: r.customer_name, partner: partnerName, due }, link: `/admin/registrations/${r.id}` });
      if (findings.length) {
        const involved = new Set<string>([r.partner_id]);
        for (const f of findings) for (const other of f.registrationIds) involved.add((await m.query(`SELECT partner_id FROM deal_registrations WHERE id = $1`, [other]))[0].partner_id);
        for (const pid of involved) {
          await this.notifications.notify(m, { userIds: await this.partnerAdmins(m, pid), kind: 'registration.conflict_opened', params: { customer: r.customer_name, kinds: findings.map((f) => f.kind).join(', ') }, link: '/portal/registrations' });
        }
      }
      return { status: r.status, conflicts: findings.map((f) => f.kind) };
    });
  }

  /** Conflict detection (DOMAIN §5): same customer at another partner, another partner's exclusive territory, direct sales. */
  private async detect(m: EntityManager, r: Row, threshold: number): Promise<Finding[]> {
    const findings: Finding[] = [];
    // Candidates by exact keys or a trigram pre-filter in the same region; the domain rule decides fuzzy matches.
    const candidates: { id: string; customer_name: string; customer_tax_id: string | null; customer_domain: string | null }[] = await m.query(
      `SELECT id, customer_name, customer_tax_id, customer_domain FROM deal_registrations
        WHERE partner_id <> $1 AND status = ANY($2)
          AND ((customer_tax_id IS NOT NULL AND customer_tax_id = $3) OR (customer_domain IS NOT NULL AND customer_domain = $4)
               OR (region_id = $5 AND similarity(customer_name_norm, $6) > 0.2))`,
      [r.partner_id, OPEN, r.customer_tax_id, r.customer_domain, r.region_id, r.customer_name_norm],
    );
    const dupes = candidates.filter(
      (c) => (r.customer_tax_id && c.customer_tax_id === r.customer_tax_id) || (r.customer_domain && c.customer_domain === r.customer_domain) || nameSimilarity(c.customer_name, r.customer_name) >= threshold,
    );
    if (dupes.length) {
      findings.push({
        kind: 'duplicate_customer',
        registrationIds: dupes.map((d) => d.id),
        directAccountIds: [],
        agreementIds: [],
        evidence: { matches: dupes.map((d) => ({ id: d.id, name: d.customer_name, similarity: nameSimilarity(d.customer_name, r.customer_name), sameTaxId: !!r.customer_tax_id && d.customer_tax_id === r.customer_tax_id, sameDomain: !!r.customer_domain && d.customer_domain === r.customer_domain })) },
      });
    }
    const exclusive: { agreement_id: string }[] = await m.query(
      `SELECT DISTINCT c.agreement_id FROM exclusive_claims c JOIN agreements a ON a.id = c.agreement_id
        WHERE c.industry_id = $1 AND c.region_id = $2 AND c.period @> current_date AND a.partner_id <> $3 AND a.status = 'active'`,
      [r.industry_id, r.region_id, r.partner_id],
    );
    if (exclusive.length) findings.push({ kind: 'exclusive_territory', registrationIds: [], directAccountIds: [], agreementIds: exclusive.map((e) => e.agreement_id), evidence: {} });
    const direct: { id: string; name: string }[] = await m.query(
      `SELECT id, name FROM direct_accounts WHERE (tax_id IS NOT NULL AND tax_id = $1) OR (domain IS NOT NULL AND domain = $2) OR similarity(name_norm, $3) > 0.2`,
      [r.customer_tax_id, r.customer_domain, r.customer_name_norm],
    );
    const directHits = direct.filter((d) => nameSimilarity(d.name, r.customer_name) >= threshold);
    const exactDirect: { id: string }[] = await m.query(`SELECT id FROM direct_accounts WHERE (tax_id IS NOT NULL AND tax_id = $1) OR (domain IS NOT NULL AND domain = $2)`, [r.customer_tax_id, r.customer_domain]);
    const directIds = [...new Set([...directHits.map((d) => d.id), ...exactDirect.map((d) => d.id)])];
    if (directIds.length) findings.push({ kind: 'direct_sales', registrationIds: [], directAccountIds: directIds, agreementIds: [], evidence: {} });
    return findings;
  }

  async approve(id: string, actor: AuthenticatedUser): Promise<void> {
    const { registrations } = await this.policies.get();
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, null, true);
      if (r.status === 'in_conflict') throw AppError.conflict('Resolve the open conflict first; the resolution approves the awarded registration.', { reason: 'open_conflict' });
      await this.approveIn(m, r, actor.id, registrations.protectionDays);
    });
  }

  /** Approval starts the protection period (policy days). Also used when a conflict is resolved in its favour. */
  async approveIn(m: EntityManager, r: Row, actorId: string, protectionDays: number, note: string | null = null): Promise<void> {
    await this.move(m, r, 'approved', actorId, note);
    const until = protectionEndsOn(today(), protectionDays);
    await m.query(`UPDATE deal_registrations SET approved_at = now(), protection_ends = $2 WHERE id = $1`, [r.id, until]);
    await this.notifications.notify(m, { userIds: await this.partnerAdmins(m, r.partner_id), kind: 'registration.approved', params: { customer: r.customer_name, until }, link: `/portal/registrations/${r.id}` });
  }

  async rejectIn(m: EntityManager, r: Row, actorId: string, reason: string): Promise<void> {
    await this.move(m, r, 'rejected', actorId, reason);
    await m.query(`UPDATE deal_registrations SET rejection_reason = $2 WHERE id = $1`, [r.id, reason]);
    await this.notifications.notify(m, { userIds: await this.partnerAdmins(m, r.partner_id), kind: 'registration.rejected', params: { customer: r.customer_name, reason }, link: `/portal/registrations/${r.id}` });
  }

  /** Attaches an evidence file (type checked by content, size-limited) to a registration that is not closed. */
  async addEvidence(id: string, tenant: string | null, kind: 'proofOfCommunication' | 'customerFeedback' | 'customerDetails', file: { originalname: string; buffer: Buffer } | undefined, actor: AuthenticatedUser) {
    if (!file) throw AppError.unprocessable('Attach a file in the "file" field.', { field: 'file' });
    const check = checkEvidenceFile(file.originalname, file.buffer);
    if (!check.ok) throw AppError.unprocessable(`The evidence file was refused: ${check.reason}.`, { field: 'file' });
    return inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, tenant, true);
      if (!['draft', 'in_review', 'in_conflict', 'approved'].includes(r.status)) throw AppError.unprocessable(`A ${r.status} registration takes no more evidence.`);
      const [row] = await m.query(
        `INSERT INTO evidence_files (registration_id, kind, filename, mime_type, size_bytes, sha256, content, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [id, kind, file.originalname.slice(0, 200), check.mime, file.buffer.length, check.sha256, file.buffer, actor.id],
      );
      await this.audit.record(m, { entity: 'deal_registration', entityId: id, action: 'registration.evidence_added', after: { fileId: row.id, kind, filename: file.originalname, size: file.buffer.length, sha256: check.sha256 } });
      return { id: row.id as string };
    });
  }

  async evidenceFiles(id: string, tenant: string | null) {
    await this.load(this.db.manager, id, tenant);
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT id, kind, filename, mime_type, size_bytes, uploaded_at FROM evidence_files WHERE registration_id = $1 ORDER BY uploaded_at`, [id]);
    return rows.map((r) => ({ id: r.id as string, kind: r.kind as string, filename: r.filename as string, mimeType: r.mime_type as string, size: r.size_bytes as number, uploadedAt: (r.uploaded_at as Date).toISOString() }));
  }

  async evidenceContent(id: string, fileId: string, tenant: string | null): Promise<{ filename: string; mimeType: string; content: Buffer }> {
    await this.load(this.db.manager, id, tenant);
    const [f] = await this.db.query(`SELECT filename, mime_type, content FROM evidence_files WHERE id = $1 AND registration_id = $2`, [fileId, id]);
    if (!f) throw AppError.notFound('evidence file', fileId);
    return { filename: f.filename, mimeType: f.mime_type, content: f.content };
  }

  async lockRow(m: EntityManager, id: string): Promise<Row> {
    return this.load(m, id, null, true);
  }

  /** One extension (policy) with a progress update, while protection runs. */
  async extend(id: string, tenant: string | null, progress: string, actor: AuthenticatedUser): Promise<string> {
    const { registrations } = await this.policies.get();
    return inTransaction(this.db, async (m) => {
      const r = (await this.load(m, id, tenant, true)) as Row & { protection_ends: string | null; extensions: number };
      if (r.status !== 'approved' || !r.protection_ends) throw new AppError('INVALID_TRANSITION', { entity: 'deal registration', from: r.status, to: 'extended', allowed: '—' });
      const check = extendProtection(r.protection_ends, today(), r.extensions, registrations);
      if (!check.ok) throw AppError.unprocessable(check.reason === 'no_extensions_left' ? `Protection can be extended ${registrations.maxExtensions} time(s); it already was.` : 'Protection has already ended.', { reason: check.reason });
      await m.query(`UPDATE deal_registrations SET protection_ends = $2, extensions = extensions + 1 WHERE id = $1`, [id, check.newEnd]);
      await m.query(`INSERT INTO registration_status_history (registration_id, from_status, to_status, note, actor_id) VALUES ($1, 'approved', 'approved', $2, $3)`, [id, `extended to ${check.newEnd}: ${progress}`, actor.id]);
      await this.audit.record(m, { entity: 'deal_registration', entityId: id, action: 'registration.extended', before: { protectionEnds: r.protection_ends }, after: { protectionEnds: check.newEnd, progress } });
      return check.newEnd;
    });
  }

  async close(id: string, tenant: string | null, outcome: { won: true; amount: string; date: string } | { won: false; reason: string } | { withdrawn: true }, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, tenant, true);
      if ('withdrawn' in outcome) return this.move(m, r, 'withdrawn', actor.id);
      if (outcome.won) {
        await this.move(m, r, 'won', actor.id, `${outcome.amount} on ${outcome.date}`);
        await m.query(`UPDATE deal_registrations SET won_amount = $2, won_on = $3 WHERE id = $1`, [id, outcome.amount, outcome.date]);
      } else {
        await this.move(m, r, 'lost', actor.id, outcome.reason);
        await m.query(`UPDATE deal_registrations SET lost_reason = $2 WHERE id = $1`, [id, outcome.reason]);
      }
    });
  }

  /** Expires protection past its end and sends the 14- and 3-day reminders. Safe with several instances (SKIP LOCKED). */
  async sweep(day: string): Promise<{ expired: string[]; reminded: number; escalated: number }> {
    const { registrations } = await this.policies.get();
    return inTransaction(this.db, async (m) => {
      const due: Row[] = await m.query(`SELECT * FROM deal_registrations WHERE status = 'approved' AND protection_ends < $1::date FOR UPDATE SKIP LOCKED LIMIT 500`, [day]);
      for (const r of due) {
        await this.move(m, r, 'expired', null);
        await this.notifications.notify(m, { userIds: await this.partnerAdmins(m, r.partner_id), kind: 'registration.expired', params: { customer: r.customer_name }, link: `/portal/registrations/${r.id}` });
      }
      const soon: (Row & { protection_ends: string })[] = await m.query(
        `SELECT * FROM deal_registrations WHERE status = 'approved' AND protection_ends - $1::date = ANY($2::int[]) FOR UPDATE SKIP LOCKED`,
        [day, registrations.expiryReminderDays],
      );
      let reminded = 0;
      for (const r of soon) {
        const days = remindersDue(r.protection_ends, day, registrations.expiryReminderDays)[0];
        // Once per registration and reminder day.
        const [sent] = await m.query(`SELECT 1 FROM notifications WHERE kind = 'registration.expiring' AND params->>'registrationId' = $1 AND params->>'days' = $2 LIMIT 1`, [r.id, String(days)]);
        if (sent) continue;
        await this.notifications.notify(m, { userIds: await this.partnerAdmins(m, r.partner_id), kind: 'registration.expiring', params: { customer: r.customer_name, days, registrationId: r.id }, link: `/portal/registrations/${r.id}` });
        reminded++;
      }
      // Overdue reviews: flagged in the queue, and escalated once to the vendor admins.
      const overdue: (Row & { sla_due: string })[] = await m.query(
        `SELECT r.* FROM deal_registrations r WHERE r.status IN ('in_review', 'in_conflict') AND r.sla_due < $1::date
            AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = 'registration.sla_breached' AND n.params->>'registrationId' = r.id::text)
          FOR UPDATE SKIP LOCKED LIMIT 200`,
        [day],
      );
      const admins = (await m.query(`SELECT id FROM users WHERE role = 'vendor_admin' AND disabled_at IS NULL`)).map((u: { id: string }) => u.id);
      for (const r of overdue) {
        const [{ name }] = await m.query(`SELECT name FROM partners WHERE id = $1`, [r.partner_id]);
        await this.notifications.notify(m, { userIds: admins, kind: 'registration.sla_breached', params: { customer: r.customer_name, partner: name, due: r.sla_due, registrationId: r.id }, link: `/admin/registrations/${r.id}` });
      }
      return { expired: due.map((r) => r.id), reminded, escalated: overdue.length };
    });
  }

  async list(q: { status?: string; partnerId?: string; q?: string; page: number; pageSize: number }, tenant: string | null) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (tenant) where.push(`r.partner_id = $${params.push(tenant)}`);
    if (q.status) where.push(`r.status = $${params.push(q.status)}`);
    if (q.partnerId) where.push(`r.partner_id = $${params.push(q.partnerId)}`);
    if (q.q) where.push(`r.customer_name ILIKE $${params.push(`%${escapeLike(q.q)}%`)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM deal_registrations r ${filter}`, params);
    // The review queue reads oldest SLA first; everything else newest first.
    const rows = await this.db.query(
      `SELECT r.id, r.partner_id, p.name AS partner_name, r.status, r.customer_name, r.estimated_amount, r.expected_close, r.sla_due, r.protection_ends, r.submitted_at, r.created_at,
              (r.sla_due IS NOT NULL AND r.sla_due < current_date AND r.status IN ('in_review', 'in_conflict')) AS sla_breached
         FROM deal_registrations r JOIN partners p ON p.id = r.partner_id ${filter}
        ORDER BY CASE WHEN r.status IN ('in_review', 'in_conflict') THEN 0 ELSE 1 END, r.sla_due NULLS LAST, r.created_at DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      total: count as number,
      items: rows.map((r: Record<string, unknown>) => ({
        id: r.id as string,
        partnerId: r.partner_id as string,
        partnerName: r.partner_name as string,
        status: r.status as RegistrationStatus,
        customerName: r.customer_name as string,
        estimatedAmount: r.estimated_amount as string,
        expectedClose: r.expected_close as string,
        slaDue: (r.sla_due as string | null) ?? null,
        slaBreached: r.sla_breached as boolean,
        protectionEnds: (r.protection_ends as string | null) ?? null,
        submittedAt: (r.submitted_at as Date | null)?.toISOString() ?? null,
      })),
    };
  }

  async reject(id: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => this.rejectIn(m, await this.load(m, id, null, true), actor.id, reason));
  }

  async get(id: string, tenant: string | null): Promise<RegistrationView> {
    const r = await this.load(this.db.manager, id, tenant);
    const history: { from_status: string | null; to_status: string; note: string | null; occurred_at: Date }[] = await this.db.query(
      `SELECT from_status, to_status, note, occurred_at FROM registration_status_history WHERE registration_id = $1 ORDER BY occurred_at, id`,
      [id],
    );
    const conflicts: { id: string; kind: ConflictKind; status: 'open' | 'resolved' }[] = await this.db.query(
      `SELECT DISTINCT c.id, c.kind, c.status, c.opened_at FROM conflicts c JOIN conflict_parties p ON p.conflict_id = c.id WHERE p.registration_id = $1 ORDER BY c.opened_at`,
      [id],
    );
    const row = r as Row & { protection_ends: string | null; sla_due: string | null; estimated_amount: string };
    return {
      id: r.id,
      partnerId: r.partner_id,
      status: r.status,
      customerName: r.customer_name,
      estimatedAmount: row.estimated_amount,
      slaDue: row.sla_due,
      protectionEnds: row.protection_ends,
      details: r.details,
      history: history.map((h) => ({ fromStatus: h.from_status, toStatus: h.to_status, note: h.note, occurredAt: h.occurred_at.toISOString() })),
      conflicts: conflicts.map((c) => ({ id: c.id, kind: c.kind, status: c.status })),
    };
  }
}
