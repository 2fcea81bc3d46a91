import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ConflictKind, type ConflictParty, customerNamesMatch, type PartyMatch, recommendResolution, UNDER_REVIEW_STATUSES, validSplit } from '@partnerline/domain';
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
import { caseNumber, ConflictsRepository } from './conflicts.repository';
import { DealRegistrationsRepository, type Row } from './deal-registrations.repository';
import { DealRegistrationsService } from './deal-registrations.service';

export type Resolution =
  | { resolution: 'award'; winnerRegistrationId?: string; winnerAgreementId?: string; rationale: string }
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

  async list(status: 'open' | 'resolved' | undefined, page = 1, pageSize = 50) {
    const rows = await this.repo.list(status, page, pageSize);
    const names = new Map((await this.partners.briefs(this.db.manager, [...new Set(rows.map((r) => r.partner_id))])).map((p) => [p.id, p.name]));
    return rows.map((r) => ({
      id: r.id,
      number: caseNumber(r.number),
      kind: r.kind,
      kinds: r.kinds.length ? r.kinds : [r.kind],
      status: r.status,
      openedAt: r.opened_at.toISOString(),
      resolution: r.resolution ?? null,
      customerName: r.customer_name,
      otherCustomerNames: r.other_names,
      raisedBy: names.get(r.partner_id) ?? '',
      parties: r.parties,
    }));
  }

  async detail(id: string) {
    const m = this.db.manager;
    const c = await this.repo.get(m, id);
    if (!c) throw AppError.notFound('conflict', id);
    const day = businessToday();
    const { registrations: policy } = await this.policies.get();
    const rows = (await this.repo.registrationParties(id)) as unknown as (Row & Record<string, unknown> & { submitted_at: Date; agreement_id: string | null })[];
    const direct = await this.repo.directParties(id);
    const holderAgreements = await this.agreements.briefs(m, await this.repo.agreementParties(id));
    const holderAwards = await this.repo.holderAwards(id);
    const agreementTypes = new Map((await this.agreements.briefs(m, rows.map((r) => r.agreement_id).filter((x): x is string => !!x))).map((a) => [a.id, a.type]));
    const partners = new Map((await this.partners.briefs(m, [...new Set([...rows.map((r) => r.partner_id), ...holderAgreements.map((a) => a.partnerId)])])).map((p) => [p.id, p]));
    const holderPartners = new Set(holderAgreements.map((a) => a.partnerId));
    const open = c.status === 'open';
    // The case customer is the earliest registration; every other party says why it matched it.
    const ref = rows[0];
    const fallback: PartyMatch = holderAgreements.length ? { key: 'exclusive', score: null, normalised: null } : { key: 'direct', score: null, normalised: null };
    const matchOf = (x: Keys): PartyMatch => {
      const others = rows.filter((r) => r.id !== x.id);
      const candidates = x.id === ref?.id ? others : ref ? [ref, ...others.filter((r) => r.id !== ref.id)] : [];
      for (const o of candidates) {
        const found = keyMatch(x, { id: o.id, name: o.customer_name, taxId: o.customer_tax_id, domain: o.customer_domain }, policy.nameMatchThreshold);
        if (found) return found;
      }
      return fallback;
    };
    const regs = [];
    for (const r of rows) {
      const exclusiveOwner = holderPartners.has(r.partner_id) || (await this.agreements.holdsExclusive(m, r.partner_id, r.industry_id, r.region_id, day));
      regs.push({
        id: r.id,
        partnerId: r.partner_id,
        partnerName: partners.get(r.partner_id)?.name ?? '',
        status: r.status as string,
        customerName: r.customer_name,
        taxId: r.customer_tax_id,
        domain: r.customer_domain,
        submittedAt: r.submitted_at.toISOString(),
        agreementType: r.agreement_id ? (agreementTypes.get(r.agreement_id) ?? null) : null,
        exclusiveOwner,
        incumbent: await this.registrationRows.isIncumbent(m, r),
        evidence: r.details.evidence ?? {},
        estimatedAmount: r.details.estimatedAmount,
        sharePercent: (r.share_percent as number | null) ?? null,
        awarded: (r.awarded as boolean | null) ?? null,
        match: matchOf({ id: r.id, name: r.customer_name, taxId: r.customer_tax_id, domain: r.customer_domain }),
        onTrial: partners.get(r.partner_id)?.status === 'trial',
        intruder: !r.agreement_id && !exclusiveOwner && holderAgreements.some((a) => a.partnerId !== r.partner_id),
        selectable: open && (r.status === 'submitted' || UNDER_REVIEW_STATUSES.includes(r.status)),
      });
    }
    const holders = holderAgreements.map((a) => ({
      agreementId: a.id,
      agreementNumber: `AG-${a.id.slice(0, 8).toUpperCase()}`,
      partnerId: a.partnerId,
      partnerName: partners.get(a.partnerId)?.name ?? '',
      from: a.startDate,
      until: a.endDate,
      onTrial: partners.get(a.partnerId)?.status === 'trial',
      selectable: open,
      awarded: holderAwards.get(a.id) ?? null,
      match: { key: 'exclusive' as const, score: null, normalised: null },
    }));
    const parties: ConflictParty[] = [
      ...regs.map((r) => ({ id: r.id, kind: 'partner' as const, exclusiveOwner: r.exclusiveOwner, incumbent: r.incumbent, submittedAt: r.submittedAt, intruder: r.intruder })),
      ...holders.map((h) => ({ id: h.agreementId, kind: 'holder' as const, exclusiveOwner: true, incumbent: false, submittedAt: h.from })),
      ...direct.map((d) => ({ id: d.id, kind: 'direct' as const, exclusiveOwner: false, incumbent: d.kind === 'named_account', submittedAt: '0000' })),
    ];
    const rec = parties.length ? recommendResolution(parties) : null;
    return {
      id: c.id as string,
      number: caseNumber(c.number as string),
      kind: c.kind as ConflictKind,
      kinds: ((c.kinds as ConflictKind[] | null) ?? [c.kind as ConflictKind]),
      status: c.status as 'open' | 'resolved',
      openedAt: (c.opened_at as Date).toISOString(),
      evidence: c.evidence,
      resolution: c.resolution as string | null,
      rationale: c.rationale as string | null,
      registrations: regs,
      directAccounts: direct.map((d) => {
        const x = { id: d.id, name: d.name, taxId: d.tax_id, domain: d.domain };
        return { id: d.id, kind: d.kind, name: d.name, owner: d.owner_name ?? null, match: (ref && keyMatch(x, { id: ref.id, name: ref.customer_name, taxId: ref.customer_tax_id, domain: ref.customer_domain }, policy.nameMatchThreshold)) || { key: 'direct' as const, score: null, normalised: null } };
      }),
      exclusiveHolders: holders,
      // winnerId is a registration id or, for an exclusive holder, its agreement id (look it up in exclusiveHolders).
      recommendation: rec,
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
      if (input.resolution === 'award' && input.winnerAgreementId) {
        if (!(await this.repo.agreementParties(id, m)).includes(input.winnerAgreementId)) throw new AppError('REGISTRATION_CONFLICT_HOLDER', {}, { field: 'winnerAgreementId' });
        for (const r of open) await this.registrations.rejectIn(m, r, actor.id, input.rationale);
        await this.repo.awardHolder(m, id, input.winnerAgreementId);
      } else if (input.resolution === 'award') {
        if (!input.winnerRegistrationId || !regIds.includes(input.winnerRegistrationId)) throw new AppError('REGISTRATION_CONFLICT_WINNER', {}, { field: 'winnerRegistrationId' });
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

interface Keys {
  id: string;
  name: string;
  taxId: string | null;
  domain: string | null;
}

/** Why two parties are the same customer: an exact canonical key, else the matcher's verdict on the names. */
function keyMatch(x: Keys, o: Keys, threshold: number): PartyMatch | null {
  if (x.taxId && x.taxId === o.taxId) return { key: 'tax_id', score: 1, normalised: { ours: x.taxId, theirs: o.taxId } };
  if (x.domain && x.domain === o.domain) return { key: 'domain', score: 1, normalised: { ours: x.domain, theirs: o.domain } };
  const v = customerNamesMatch(x.name, o.name, { threshold });
  return v.match ? { key: 'name', score: v.score, normalised: { ours: v.a.core, theirs: v.b.core } } : null;
}
