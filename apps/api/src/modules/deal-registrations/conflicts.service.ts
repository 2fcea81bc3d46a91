import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ConflictKind, type ConflictParty, recommendResolution, UNDER_REVIEW_STATUSES, validSplit } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessNow, businessToday } from '../../common/time';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { PoliciesService } from '../policies/policies.service';
import { ConflictsRepository } from './conflicts.repository';
import { DealRegistrationsRepository, type Row } from './deal-registrations.repository';
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
    private readonly repo: ConflictsRepository,
    private readonly registrationRows: DealRegistrationsRepository,
    private readonly partners: PartnersRepository,
    private readonly agreements: AgreementsRepository,
    private readonly registrations: DealRegistrationsService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(status: 'open' | 'resolved' | undefined) {
    const rows = await this.repo.list(status);
    const names = new Map((await this.partners.briefs(this.db.manager, [...new Set(rows.map((r) => r.partner_id))])).map((p) => [p.id, p.name]));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      openedAt: r.opened_at.toISOString(),
      resolution: r.resolution ?? null,
      customerName: r.customer_name,
      raisedBy: names.get(r.partner_id) ?? '',
      parties: r.parties,
    }));
  }

  async detail(id: string) {
    const m = this.db.manager;
    const c = await this.repo.get(m, id);
    if (!c) throw AppError.notFound('conflict', id);
    const day = businessToday();
    const rows = await this.repo.registrationParties(id);
    const agreementTypes = new Map((await this.agreements.briefs(m, rows.map((r) => r.agreement_id as string | null).filter((x): x is string => !!x))).map((a) => [a.id, a.type]));
    const regs = [];
    for (const r of rows) {
      regs.push({
        ...r,
        agreement_type: r.agreement_id ? (agreementTypes.get(r.agreement_id as string) ?? null) : null,
        exclusive_owner: await this.agreements.holdsExclusive(m, r.partner_id as string, r.industry_id as string, r.region_id as string, day),
        incumbent: await this.registrationRows.isIncumbent(m, r as unknown as Row),
      } as Record<string, unknown>);
    }
    const direct = await this.repo.directParties(id);
    const holderAgreements = await this.agreements.briefs(m, await this.repo.agreementParties(id));
    const partnerNames = new Map((await this.partners.briefs(m, [...new Set([...rows.map((r) => r.partner_id as string), ...holderAgreements.map((a) => a.partnerId)])])).map((p) => [p.id, p.name]));
    for (const r of regs) r.partner_name = partnerNames.get(r.partner_id as string) ?? '';
    const holders = holderAgreements.map((a) => ({ id: a.id, partner_name: partnerNames.get(a.partnerId) ?? '', start_date: a.startDate, end_date: a.endDate }));
    const parties: ConflictParty[] = [
      ...regs.map((r) => ({ id: r.id as string, kind: 'partner' as const, exclusiveOwner: r.exclusive_owner as boolean, incumbent: r.incumbent as boolean, submittedAt: (r.submitted_at as Date).toISOString() })),
      ...direct.map((d) => ({ id: d.id as string, kind: 'direct' as const, exclusiveOwner: false, incumbent: d.kind === 'named_account', submittedAt: '0000' })),
    ];
    return {
      id: c.id as string,
      kind: c.kind as ConflictKind,
      status: c.status as 'open' | 'resolved',
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
      const c = await this.repo.get(m, id, true);
      if (!c) throw AppError.notFound('conflict', id);
      if (c.status !== 'open') throw new AppError('REGISTRATION_CONFLICT_RESOLVED');
      const regIds = await this.repo.registrationIds(m, id);
      const rows = [];
      for (const rid of regIds) rows.push(await this.registrations.lockRow(m, rid));
      const open = rows.filter((r) => r.status === 'submitted' || UNDER_REVIEW_STATUSES.includes(r.status));
      if (input.resolution === 'award') {
        if (!regIds.includes(input.winnerRegistrationId)) throw new AppError('REGISTRATION_CONFLICT_WINNER', {}, { field: 'winnerRegistrationId' });
        for (const r of open) {
          if (r.id === input.winnerRegistrationId) await this.registrations.approveIn(m, r, actor.id, policy.protectionDays, input.rationale);
          else await this.registrations.rejectIn(m, r, actor.id, input.rationale);
        }
        await this.repo.award(m, id, input.winnerRegistrationId);
      } else if (input.resolution === 'split') {
        const ids = input.shares.map((s) => s.registrationId);
        if (!validSplit(input.shares.map((s) => s.percent)) || ids.some((x) => !regIds.includes(x)) || new Set(ids).size !== ids.length) {
          throw new AppError('REGISTRATION_CONFLICT_SPLIT', {}, { field: 'shares' });
        }
        for (const r of open) {
          const share = input.shares.find((s) => s.registrationId === r.id);
          if (share) await this.registrations.approveIn(m, r, actor.id, policy.protectionDays, `co-sell ${share.percent}%: ${input.rationale}`);
          else await this.registrations.rejectIn(m, r, actor.id, input.rationale);
        }
        for (const s of input.shares) await this.repo.setShare(m, id, s.registrationId, s.percent);
      } else if (input.resolution === 'reject_all') {
        for (const r of open) await this.registrations.rejectIn(m, r, actor.id, input.rationale);
      } else {
        // Not a real conflict: registrations with no other open conflict go back to review.
        for (const r of open.filter((x) => x.status === 'in_conflict')) {
          if (!(await this.repo.hasOtherOpen(m, r.id, id))) {
            await this.registrationRows.setStatus(m, r.id, 'in_review');
            await this.registrationRows.addHistory(m, r.id, 'in_conflict', 'in_review', input.rationale, actor.id);
          }
        }
      }
      await this.repo.markResolved(m, id, input.resolution, input.rationale, actor.id, businessNow());
      await this.audit.record(m, { entity: 'conflict', entityId: id, action: `conflict.${input.resolution}`, after: input });
      const partners = [...new Set(rows.map((r) => r.partner_id))];
      const customer = rows[0]?.customer_name ?? '';
      for (const pid of partners) {
        // Partner admins only (registration notices never reach every partner user).
        await this.notifications.notify(m, { userIds: await this.partners.partnerAdmins(m, pid), kind: 'registration.conflict_resolved', params: { customer, outcome: input.resolution, rationale: input.rationale }, link: '/portal/registrations' });
      }
    });
  }
}
