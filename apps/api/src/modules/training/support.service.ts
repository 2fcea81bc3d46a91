import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  afterVendorReply,
  checkTransition,
  formatMoney,
  fundsWithinRequest,
  isPartnerRole,
  replyExcerpt,
  scopePartnerId,
  SUPPORT_TRANSITIONS,
  supportAuthorSide,
  type SupportRequest,
  type SupportRequestInput,
  type SupportStatus,
  supportVendorRecipients,
  type SupportThread,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeOf } from '../../common/auth/scope';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessNow } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';
import { UsersRepository } from '../users/users.repository';
import { SupportRepository, type SupportRow as Row } from './support.repository';

/** Support requests from partners: marketing activity support (with funds), technical questions, sales coaching. */
@Injectable()
export class SupportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: SupportRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly partners: PartnersRepository,
    private readonly users: UsersRepository,
  ) {}

  private view(r: Row): SupportRequest {
    return {
      id: r.id,
      number: r.number,
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      kind: r.kind,
      subject: r.subject,
      status: r.status,
      requestedFunds: r.requested_funds,
      approvedFunds: r.approved_funds,
      fundsStatus: r.funds_status,
      activityDate: r.activity_date,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      createdByName: r.created_by_name,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  }

  private async load(m: EntityManager | DataSource, id: string, actor: AuthenticatedUser, lock = false): Promise<Row> {
    const r = await this.repo.byId(m, id, scopeOf(actor), lock);
    if (!r) throw AppError.notFound('support request', id);
    return r;
  }

  /** Who hears about a request on the partner side: whoever opened it and the partner's admins. */
  private async partnerSide(m: EntityManager, r: Row): Promise<string[]> {
    return [r.created_by, ...(await this.partners.partnerAdmins(m, r.partner_id))];
  }

  private async vendorSide(m: EntityManager, r: Row): Promise<string[]> {
    const everyManager = r.assignee_id || r.manager_id ? [] : (await this.users.activeWithRoles(m, ['channel_manager'])).map((u) => u.id);
    return supportVendorRecipients({ assigneeId: r.assignee_id, managerId: r.manager_id }, everyManager);
  }

  async assignees(): Promise<{ id: string; displayName: string; role: 'vendor_admin' | 'channel_manager' }[]> {
    const staff = await this.users.activeWithRoles(this.db.manager, ['vendor_admin', 'channel_manager']);
    return staff.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role as 'vendor_admin' | 'channel_manager' }));
  }

  /** The queue (vendor) or the organisation's requests (partner); paged when `page` is given. */
  async list(
    q: { status?: SupportStatus; kind?: string; partnerId?: string; assigneeId?: string; page?: number; pageSize?: number },
    actor: AuthenticatedUser,
  ): Promise<{ items: SupportRequest[]; total: number }> {
    const { rows, total } = await this.repo.list(
      { scope: scopeOf(actor), status: q.status, kind: q.kind, partnerId: q.partnerId, assigneeId: q.assigneeId },
      q.page ? { page: q.page, pageSize: q.pageSize ?? 25 } : null,
    );
    const items = rows.map((r) => this.view(r));
    return { items, total: total ?? items.length };
  }

  async get(id: string, actor: AuthenticatedUser): Promise<SupportThread> {
    const r = await this.load(this.db, id, actor);
    const messages = await this.repo.messages(id);
    return {
      ...this.view(r),
      messages: messages.map((m) => ({
        id: m.id,
        authorName: m.display_name ?? 'Partnerline',
        authorSide: supportAuthorSide(m.author_id, m.partner_id),
        body: m.body,
        createdAt: m.created_at.toISOString(),
      })),
    };
  }

  async create(input: SupportRequestInput, actor: AuthenticatedUser): Promise<string> {
    const tenant = scopePartnerId(scopeOf(actor));
    if (!tenant) throw new AppError('FORBIDDEN', { role: actor.role });
    return inTransaction(this.db, async (m) => {
      const id = await this.repo.insert(m, tenant, input, actor.id);
      await this.repo.addMessage(m, id, actor.id, input.body);
      await this.audit.record(m, { entity: 'support_request', entityId: id, action: 'support.created', after: input });
      const r = await this.load(m, id, actor);
      await this.notifications.notify(m, {
        userIds: await this.vendorSide(m, r),
        kind: 'support.created',
        params: { number: r.number, subject: r.subject, partner: r.partner_name, kind: r.kind },
        link: `/admin/support/${r.id}`,
      });
      return id;
    });
  }

  private async move(m: EntityManager, r: Row, to: SupportStatus) {
    if (r.status === to) return;
    const check = checkTransition(SUPPORT_TRANSITIONS, r.status, to);
    if (!check.ok)
      throw new AppError(
        'INVALID_TRANSITION',
        { entity: 'support request', from: r.status, to, allowed: check.allowed.join(', ') || '—' },
        { from: r.status, to, allowed: check.allowed },
      );
    await this.repo.setStatus(m, r.id, to, businessNow());
    r.status = to;
  }

  async reply(id: string, body: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, actor, true);
      if (r.status === 'closed')
        throw new AppError('INVALID_TRANSITION', { entity: 'support request', from: 'closed', to: 'closed', allowed: '—' });
      const fromPartner = isPartnerRole(actor.role);
      await this.repo.addMessage(m, r.id, actor.id, body);
      if (!fromPartner) {
        const effect = afterVendorReply({ status: r.status, assigneeId: r.assignee_id }, actor.id);
        if (effect.moveToInProgress) await this.move(m, r, 'in_progress');
        if (effect.assignTo) await this.repo.setAssignee(m, r.id, effect.assignTo);
      }
      await this.repo.touch(m, r.id);
      await this.audit.record(m, {
        entity: 'support_request',
        entityId: r.id,
        action: 'support.replied',
        after: { body, side: fromPartner ? 'partner' : 'vendor' },
      });
      const to = fromPartner ? await this.vendorSide(m, r) : await this.partnerSide(m, r);
      const excerpt = replyExcerpt(body);
      const author = await this.users.displayName(m, actor.id);
      await this.notifications.notify(m, {
        userIds: to.filter((u) => u !== actor.id),
        kind: 'support.replied',
        params: { number: r.number, subject: r.subject, author, excerpt },
        link: fromPartner ? `/admin/support/${r.id}` : `/portal/support/${r.id}`,
      });
    });
  }

  async assign(id: string, assigneeId: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, actor, true);
      const staff = await this.users.activeWithRoles(m, ['vendor_admin', 'channel_manager']);
      if (!staff.some((u) => u.id === assigneeId)) throw new AppError('SUPPORT_ASSIGNEE_INVALID', {}, { field: 'assigneeId' });
      if (r.status === 'closed')
        throw new AppError('INVALID_TRANSITION', { entity: 'support request', from: 'closed', to: 'in_progress', allowed: '—' });
      await this.repo.setAssignee(m, r.id, assigneeId);
      await this.move(m, r, 'in_progress');
      await this.audit.record(m, {
        entity: 'support_request',
        entityId: r.id,
        action: 'support.assigned',
        before: { assigneeId: r.assignee_id },
        after: { assigneeId },
      });
      if (assigneeId !== actor.id)
        await this.notifications.notify(m, {
          userIds: [assigneeId],
          kind: 'support.assigned',
          params: { number: r.number, subject: r.subject, partner: r.partner_name },
          link: `/admin/support/${r.id}`,
        });
    });
  }

  async decideFunds(
    id: string,
    d: { decision: 'approved' | 'declined'; amount: string | null; note: string },
    actor: AuthenticatedUser,
  ): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, actor, true);
      if (r.funds_status !== 'requested' || !r.requested_funds)
        throw new AppError('SUPPORT_NO_FUNDS_PENDING', {}, { fundsStatus: r.funds_status });
      if (r.status === 'closed')
        throw new AppError('INVALID_TRANSITION', { entity: 'support request', from: 'closed', to: 'closed', allowed: '—' });
      if (d.decision === 'approved' && !fundsWithinRequest(r.requested_funds, d.amount!)) {
        throw new AppError('SUPPORT_FUNDS_OUT_OF_RANGE', { requested: `¥${formatMoney(r.requested_funds)}` }, { field: 'amount' });
      }
      const amount = d.decision === 'approved' ? d.amount : null;
      await this.repo.decideFunds(m, r.id, d.decision, amount);
      await this.move(m, r, r.status === 'open' ? 'in_progress' : r.status);
      const amountText = amount ? `¥${formatMoney(amount)}` : `¥${formatMoney(r.requested_funds)}`;
      await this.audit.record(m, {
        entity: 'support_request',
        entityId: r.id,
        action: `support.funds_${d.decision}`,
        before: { fundsStatus: 'requested', requested: r.requested_funds },
        after: { fundsStatus: d.decision, approved: amount, note: d.note },
      });
      await this.notifications.notify(m, {
        userIds: await this.partnerSide(m, r),
        kind: 'support.funds_decided',
        params: { number: r.number, subject: r.subject, decision: d.decision, amount: amountText, note: d.note },
        link: `/portal/support/${r.id}`,
      });
    });
  }

  async close(id: string, resolution: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, actor, true);
      // Closing twice would add a second resolution and notify everyone again: a closed request stays as it is.
      if (r.status === 'closed')
        throw new AppError('INVALID_TRANSITION', { entity: 'support request', from: 'closed', to: 'closed', allowed: '—' });
      await this.move(m, r, 'closed');
      await this.repo.addMessage(m, r.id, actor.id, resolution);
      await this.audit.record(m, { entity: 'support_request', entityId: r.id, action: 'support.closed', after: { resolution } });
      const to = isPartnerRole(actor.role) ? await this.vendorSide(m, r) : await this.partnerSide(m, r);
      await this.notifications.notify(m, {
        userIds: to.filter((u) => u !== actor.id),
        kind: 'support.closed',
        params: { number: r.number, subject: r.subject, resolution },
        link: isPartnerRole(actor.role) ? `/admin/support/${r.id}` : `/portal/support/${r.id}`,
      });
    });
  }
}
