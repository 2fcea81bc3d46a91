import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ConflictParty, recommendResolution, validSplit } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PoliciesService } from '../policies/policies.service';
import { DealRegistrationsService } from './deal-registrations.service';

export type Resolution =
  | { resolution: 'award'; winnerRegistrationId: string; rationale: string }
  | { resolution: 'split'; shares: { registrationId: string; percent: number }[]; rationale: string }
  | { resolution: 'reject_all'; rationale: string }
  | { resolution: 'dismiss'; rationale: string };

/** Conflict cases: the parties side by side, the system's recommendation with reasons, and the manager's resolution. */
@Injectable()
export class ConflictsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registrations: DealRegistrationsService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(status: 'open' | 'resolved' | undefined) {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT c.id, c.kind, c.status, c.opened_at, c.resolution, r.customer_name, p.name AS partner_name,
              (SELECT count(*)::int FROM conflict_parties x WHERE x.conflict_id = c.id) AS parties
         FROM conflicts c JOIN deal_registrations r ON r.id = c.registration_id JOIN partners p ON p.id = r.partner_id
        WHERE ($1::text IS NULL OR c.status = $1) ORDER BY c.status, c.opened_at LIMIT 500`,
      [status ?? null],
    );
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      status: r.status as string,
      openedAt: (r.opened_at as Date).toISOString(),
      resolution: (r.resolution as string | null) ?? null,
      customerName: r.customer_name as string,
      raisedBy: r.partner_name as string,
      parties: r.parties as number,
    }));
  }

  async detail(id: string) {
    const [c] = await this.db.query(`SELECT * FROM conflicts WHERE id = $1`, [id]);
    if (!c) throw AppError.notFound('conflict', id);
    const regs: Record<string, unknown>[] = await this.db.query(
      `SELECT r.id, r.partner_id, p.name AS partner_name, r.status, r.customer_name, r.customer_tax_id, r.customer_domain, r.submitted_at, r.details,
              r.industry_id, r.region_id, a.type AS agreement_type, x.share_percent, x.awarded,
              EXISTS (SELECT 1 FROM exclusive_claims e JOIN agreements ea ON ea.id = e.agreement_id
                       WHERE ea.partner_id = r.partner_id AND e.industry_id = r.industry_id AND e.region_id = r.region_id AND e.period @> current_date) AS exclusive_owner,
              EXISTS (SELECT 1 FROM deal_registrations w WHERE w.partner_id = r.partner_id AND w.status = 'won' AND w.id <> r.id
                       AND ((w.customer_tax_id IS NOT NULL AND w.customer_tax_id = r.customer_tax_id) OR (w.customer_domain IS NOT NULL AND w.customer_domain = r.customer_domain) OR w.customer_name_norm = r.customer_name_norm)) AS incumbent
         FROM conflict_parties x JOIN deal_registrations r ON r.id = x.registration_id JOIN partners p ON p.id = r.partner_id
         LEFT JOIN agreements a ON a.id = r.agreement_id
        WHERE x.conflict_id = $1 ORDER BY r.submitted_at`,
      [id],
    );
    const direct: Record<string, unknown>[] = await this.db.query(
      `SELECT d.id, d.kind, d.name, d.owner_name FROM conflict_parties x JOIN direct_accounts d ON d.id = x.direct_account_id WHERE x.conflict_id = $1`,
      [id],
    );
    const holders: Record<string, unknown>[] = await this.db.query(
      `SELECT a.id, p.name AS partner_name, a.start_date, a.end_date FROM conflict_parties x JOIN agreements a ON a.id = x.exclusive_agreement_id JOIN partners p ON p.id = a.partner_id WHERE x.conflict_id = $1`,
      [id],
    );
    const parties: ConflictParty[] = [
      ...regs.map((r) => ({ id: r.id as string, kind: 'partner' as const, exclusiveOwner: r.exclusive_owner as boolean, incumbent: r.incumbent as boolean, submittedAt: (r.submitted_at as Date).toISOString() })),
      ...direct.map((d) => ({ id: d.id as string, kind: 'direct' as const, exclusiveOwner: false, incumbent: d.kind === 'named_account', submittedAt: '0000' })),
    ];
    return {
      id: c.id as string,
      kind: c.kind as string,
      status: c.status as string,
      openedAt: (c.opened_at as Date).toISOString(),
      evidence: c.evidence,
      resolution: c.resolution as string | null,
      rationale: c.rationale as string | null,
      registrations: regs.map((r) => ({
        id: r.id as string,
        partnerId: r.partner_id as string,
        partnerName: r.partner_name as string,
        status: r.status as string,
        customerName: r.customer_name as string,
        taxId: r.customer_tax_id as string | null,
        domain: r.customer_domain as string | null,
        submittedAt: (r.submitted_at as Date).toISOString(),
        agreementType: (r.agreement_type as string | null) ?? null,
        exclusiveOwner: r.exclusive_owner as boolean,
        incumbent: r.incumbent as boolean,
        evidence: (r.details as { evidence: Record<string, string> }).evidence ?? {},
        estimatedAmount: (r.details as { estimatedAmount: string }).estimatedAmount,
        sharePercent: (r.share_percent as number | null) ?? null,
        awarded: (r.awarded as boolean | null) ?? null,
      })),
      directAccounts: direct.map((d) => ({ id: d.id as string, kind: d.kind as string, name: d.name as string, owner: (d.owner_name as string | null) ?? null })),
      exclusiveHolders: holders.map((h) => ({ agreementId: h.id as string, partnerName: h.partner_name as string, from: h.start_date as string, until: h.end_date as string })),
      recommendation: parties.length ? recommendResolution(parties) : null,
    };
  }

  async resolve(id: string, input: Resolution, actor: AuthenticatedUser): Promise<void> {
    const { registrations: policy } = await this.policies.get();
    await inTransaction(this.db, async (m) => {
      const [c] = await m.query(`SELECT * FROM conflicts WHERE id = $1 FOR UPDATE`, [id]);
      if (!c) throw AppError.notFound('conflict', id);
      if (c.status !== 'open') throw AppError.conflict('This conflict is already resolved.');
      const regIds: string[] = (await m.query(`SELECT registration_id FROM conflict_parties WHERE conflict_id = $1 AND registration_id IS NOT NULL`, [id])).map((r: { registration_id: string }) => r.registration_id);
      const rows = [];
      for (const rid of regIds) rows.push(await this.registrations.lockRow(m, rid));
      const open = rows.filter((r) => ['in_review', 'in_conflict', 'submitted'].includes(r.status));
      if (input.resolution === 'award') {
        if (!regIds.includes(input.winnerRegistrationId)) throw AppError.unprocessable('The winner must be one of the registrations in this conflict.', { field: 'winnerRegistrationId' });
        for (const r of open) {
          if (r.id === input.winnerRegistrationId) await this.registrations.approveIn(m, r, actor.id, policy.protectionDays, input.rationale);
          else await this.registrations.rejectIn(m, r, actor.id, input.rationale);
        }
        await m.query(`UPDATE conflict_parties SET awarded = (registration_id = $2), share_percent = CASE WHEN registration_id = $2 THEN 100 ELSE NULL END WHERE conflict_id = $1 AND registration_id IS NOT NULL`, [id, input.winnerRegistrationId]);
      } else if (input.resolution === 'split') {
        const ids = input.shares.map((s) => s.registrationId);
        if (!validSplit(input.shares.map((s) => s.percent)) || ids.some((x) => !regIds.includes(x)) || new Set(ids).size !== ids.length) {
          throw AppError.unprocessable('Split shares must name registrations of this conflict, each a whole percentage above 0, summing to 100.', { field: 'shares' });
        }
        for (const r of open) {
          const share = input.shares.find((s) => s.registrationId === r.id);
          if (share) await this.registrations.approveIn(m, r, actor.id, policy.protectionDays, `co-sell ${share.percent}%: ${input.rationale}`);
          else await this.registrations.rejectIn(m, r, actor.id, input.rationale);
        }
        for (const s of input.shares) await m.query(`UPDATE conflict_parties SET share_percent = $3, awarded = true WHERE conflict_id = $1 AND registration_id = $2`, [id, s.registrationId, s.percent]);
      } else if (input.resolution === 'reject_all') {
        for (const r of open) await this.registrations.rejectIn(m, r, actor.id, input.rationale);
      } else {
        // Not a real conflict: registrations with no other open conflict go back to review.
        for (const r of open.filter((x) => x.status === 'in_conflict')) {
          const [other] = await m.query(`SELECT 1 FROM conflicts c JOIN conflict_parties p ON p.conflict_id = c.id WHERE p.registration_id = $1 AND c.status = 'open' AND c.id <> $2 LIMIT 1`, [r.id, id]);
          if (!other) {
            await m.query(`UPDATE deal_registrations SET status = 'in_review' WHERE id = $1`, [r.id]);
            await m.query(`INSERT INTO registration_status_history (registration_id, from_status, to_status, note, actor_id) VALUES ($1, 'in_conflict', 'in_review', $2, $3)`, [r.id, input.rationale, actor.id]);
          }
        }
      }
      await m.query(`UPDATE conflicts SET status = 'resolved', resolution = $2, rationale = $3, resolved_by = $4, resolved_at = now() WHERE id = $1`, [id, input.resolution, input.rationale, actor.id]);
      await this.audit.record(m, { entity: 'conflict', entityId: id, action: `conflict.${input.resolution}`, after: input });
      const partners = [...new Set(rows.map((r) => r.partner_id))];
      const customer = rows[0]?.customer_name ?? '';
      for (const pid of partners) {
        const users = (await m.query(`SELECT id FROM users WHERE partner_id = $1 AND disabled_at IS NULL`, [pid])).map((u: { id: string }) => u.id);
        await this.notifications.notify(m, { userIds: users, kind: 'registration.conflict_resolved', params: { customer, outcome: input.resolution, rationale: input.rationale }, link: '/portal/registrations' });
      }
    });
  }
}
