import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkTransition,
  formatMoney,
  fundsWithinRequest,
  isPartnerRole,
  SUPPORT_TRANSITIONS,
  type SupportRequest,
  type SupportRequestInput,
  type SupportStatus,
  type SupportThread,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { tenantOf } from '../../common/auth/tenant-scope';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PartnersRepository } from '../partners/partners.repository';

type Row = {
  id: string;
  number: string;
  partner_id: string;
  partner_name: string;
  kind: SupportRequest['kind'];
  subject: string;
  status: SupportStatus;
  requested_funds: string | null;
  approved_funds: string | null;
  funds_status: SupportRequest['fundsStatus'];
  activity_date: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  created_by: string;
  created_by_name: string;
  manager_id: string | null;
  created_at: Date;
  updated_at: Date;
};

const SELECT = `
  SELECT s.*, s.activity_date::text AS activity_date, p.name AS partner_name, p.manager_id, a.display_name AS assignee_name, c.display_name AS created_by_name
    FROM support_requests s JOIN partners p ON p.id = s.partner_id JOIN users c ON c.id = s.created_by LEFT JOIN users a ON a.id = s.assignee_id`;

/** Support requests from partners: marketing activity support (with funds), technical questions, sales coaching. */
@Injectable()
export class SupportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly partners: PartnersRepository,
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
    const [r]: Row[] = await m.query(`${SELECT} WHERE s.id = $1 AND ($2::uuid IS NULL OR s.partner_id = $2) ${lock ? 'FOR UPDATE OF s' : ''}`, [id, tenantOf(actor)]);
    if (!r) throw AppError.notFound('support request', id);
    return r;
  }

  /** Who hears about a request on the partner side: whoever opened it and the partner's admins. */
  private async partnerSide(m: EntityManager, r: Row): Promise<string[]> {
    return [r.created_by, ...(await this.partners.partnerAdmins(m, r.partner_id))];
  }

  private async vendorSide(m: EntityManager, r: Row): Promise<string[]> {
    if (r.assignee_id) return [r.assignee_id];
    if (r.manager_id) return [r.manager_id];
    return (await m.query(`SELECT id FROM users WHERE role = 'channel_manager' AND disabled_at IS NULL`)).map((u: { id: string }) => u.id);
  }

  async assignees(): Promise<{ id: string; displayName: string; role: 'vendor_admin' | 'channel_manager' }[]> {
    const rows = await this.db.query(`SELECT id, display_name, role FROM users WHERE role IN ('vendor_admin', 'channel_manager') AND disabled_at IS NULL ORDER BY role DESC, display_name`);
    return rows.map((r: { id: string; display_name: string; role: 'vendor_admin' | 'channel_manager' }) => ({ id: r.id, displayName: r.display_name, role: r.role }));
  }

  async list(q: { status?: SupportStatus; kind?: string; partnerId?: string; assigneeId?: string }, actor: AuthenticatedUser): Promise<SupportRequest[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const tenant = tenantOf(actor);
    if (tenant) where.push(`s.partner_id = $${params.push(tenant)}`);
    if (q.partnerId) where.push(`s.partner_id = $${params.push(q.partnerId)}`);
    if (q.status) where.push(`s.status = $${params.push(q.status)}`);
    if (q.kind) where.push(`s.kind = $${params.push(q.kind)}`);
    if (q.assigneeId) where.push(`s.assignee_id = $${params.push(q.assigneeId)}`);
    const rows: Row[] = await this.db.query(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY (s.status = 'closed'), s.updated_at DESC LIMIT 1000`, params);
    return rows.map((r) => this.view(r));
  }

  async get(id: string, actor: AuthenticatedUser): Promise<SupportThread> {
    const r = await this.load(this.db, id, actor);
    const messages: { id: string; body: string; created_at: Date; display_name: string | null; partner_id: string | null; author_id: string | null }[] = await this.db.query(
      `SELECT m.id, m.body, m.created_at, m.author_id, u.display_name, u.partner_id FROM support_messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.request_id = $1 ORDER BY m.created_at, m.id`,
      [id],
    );
    return {
      ...this.view(r),
      messages: messages.map((m) => ({
        id: m.id,
        authorName: m.display_name ?? 'Partnerline',
        authorSide: m.author_id === null ? 'system' : m.partner_id ? 'partner' : 'vendor',
        body: m.body,
        createdAt: m.created_at.toISOString(),
      })),
    };
  }

  async create(input: SupportRequestInput, actor: AuthenticatedUser): Promise<string> {
    const tenant = tenantOf(actor);
    if (!tenant) throw new AppError('FORBIDDEN', { role: actor.role });
    return inTransaction(this.db, async (m) => {
      const [row] = await m.query(
        `INSERT INTO support_requests (partner_id, kind, subject, requested_funds, funds_status, activity_date, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [tenant, input.kind, input.subject, input.requestedFunds, input.requestedFunds ? 'requested' : null, input.activityDate, actor.id],
      );
      await m.query(`INSERT INTO support_messages (request_id, author_id, body) VALUES ($1, $2, $3)`, [row.id, actor.id, input.body]);
      await this.audit.record(m, { entity: 'support_request', entityId: row.id, action: 'support.created', after: input });
      const r = await this.load(m, row.id, actor);
      await this.notifications.notify(m, { userIds: await this.vendorSide(m, r), kind: 'support.created', params: { number: r.number, subject: r.subject, partner: r.partner_name, kind: r.kind }, link: `/admin/support/${r.id}` });
      return row.id as string;
    });
  }

  private async move(m: EntityManager, r: Row, to: SupportStatus) {
    if (r.status === to) return;
    const check = checkTransition(SUPPORT_TRANSITIONS, r.status, to);
    if (!check.ok) throw new AppError('INVALID_TRANSITION', { entity: 'support request', from: r.status, to, allowed: check.allowed.join(', ') || '—' }, { from: r.status, to, allowed: check.allowed });
    await m.query(`UPDATE support_requests SET status = $2, closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END WHERE id = $1`, [r.id, to]);
    r.status = to;
  }

  async reply(id: string, body: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, actor, true);
      if (r.status === 'closed') throw new AppError('INVALID_TRANSITION', { entity: 'support request', from: 'closed', to: 'closed', allowed: '—' });
      const fromPartner = isPartnerRole(actor.role);
      await m.query(`INSERT INTO support_messages (request_id, author_id, body) VALUES ($1, $2, $3)`, [r.id, actor.id, body]);
      // A vendor answer takes an open request into progress, with the responder as assignee if none was set.
      if (!fromPartner && r.status === 'open') {
        await this.move(m, r, 'in_progress');
        if (!r.assignee_id) await m.query(`UPDATE support_requests SET assignee_id = $2 WHERE id = $1`, [r.id, actor.id]);
      }
      await m.query(`UPDATE support_requests SET updated_at = now() WHERE id = $1`, [r.id]);
      await this.audit.record(m, { entity: 'support_request', entityId: r.id, action: 'support.replied', after: { body, side: fromPartner ? 'partner' : 'vendor' } });
      const to = fromPartner ? await this.vendorSide(m, r) : await this.partnerSide(m, r);
      const excerpt = body.length > 140 ? `${body.slice(0, 140)}…` : body;
      const [{ display_name: author }] = await m.query(`SELECT display_name FROM users WHERE id = $1`, [actor.id]);
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
      const [u] = await m.query(`SELECT id FROM users WHERE id = $1 AND role IN ('vendor_admin', 'channel_manager') AND disabled_at IS NULL`, [assigneeId]);
      if (!u) throw AppError.unprocessable('The assignee must be an active channel manager or vendor admin.', { field: 'assigneeId' });
      if (r.status === 'closed') throw new AppError('INVALID_TRANSITION', { entity: 'support request', from: 'closed', to: 'in_progress', allowed: '—' });
      await m.query(`UPDATE support_requests SET assignee_id = $2 WHERE id = $1`, [r.id, assigneeId]);
      await this.move(m, r, 'in_progress');
      await this.audit.record(m, { entity: 'support_request', entityId: r.id, action: 'support.assigned', before: { assigneeId: r.assignee_id }, after: { assigneeId } });
      if (assigneeId !== actor.id) await this.notifications.notify(m, { userIds: [assigneeId], kind: 'support.assigned', params: { number: r.number, subject: r.subject, partner: r.partner_name }, link: `/admin/support/${r.id}` });
    });
  }

  async decideFunds(id: string, d: { decision: 'approved' | 'declined'; amount: string | null; note: string }, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, actor, true);
      if (r.funds_status !== 'requested' || !r.requested_funds) throw AppError.unprocessable('This request has no funds awaiting a decision.', { fundsStatus: r.funds_status });
      if (r.status === 'closed') throw new AppError('INVALID_TRANSITION', { entity: 'support request', from: 'closed', to: 'closed', allowed: '—' });
      if (d.decision === 'approved' && !fundsWithinRequest(r.requested_funds, d.amount!)) {
        throw AppError.unprocessable(`Approved funds must be more than 0 and at most the ${formatMoney(r.requested_funds)} requested.`, { field: 'amount' });
      }
      const amount = d.decision === 'approved' ? d.amount : null;
      await m.query(`UPDATE support_requests SET funds_status = $2, approved_funds = $3 WHERE id = $1`, [r.id, d.decision, amount]);
      await this.move(m, r, r.status === 'open' ? 'in_progress' : r.status);
      const amountText = amount ? `¥${formatMoney(amount)}` : `¥${formatMoney(r.requested_funds)}`;
      await this.audit.record(m, { entity: 'support_request', entityId: r.id, action: `support.funds_${d.decision}`, before: { fundsStatus: 'requested', requested: r.requested_funds }, after: { fundsStatus: d.decision, approved: amount, note: d.note } });
      await this.notifications.notify(m, { userIds: await this.partnerSide(m, r), kind: 'support.funds_decided', params: { number: r.number, subject: r.subject, decision: d.decision, amount: amountText, note: d.note }, link: `/portal/support/${r.id}` });
    });
  }

  async close(id: string, resolution: string, actor: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const r = await this.load(m, id, actor, true);
      await this.move(m, r, 'closed');
      await m.query(`INSERT INTO support_messages (request_id, author_id, body) VALUES ($1, $2, $3)`, [r.id, actor.id, resolution]);
      await this.audit.record(m, { entity: 'support_request', entityId: r.id, action: 'support.closed', after: { resolution } });
      const to = isPartnerRole(actor.role) ? await this.vendorSide(m, r) : await this.partnerSide(m, r);
      await this.notifications.notify(m, { userIds: to.filter((u) => u !== actor.id), kind: 'support.closed', params: { number: r.number, subject: r.subject, resolution }, link: isPartnerRole(actor.role) ? `/admin/support/${r.id}` : `/portal/support/${r.id}` });
    });
  }
}
