import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Scope, SupportRequest, SupportRequestInput, SupportStatus } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { pageClause, scopeCondition, whereClause } from '../../common/database/scope-sql';

export type SupportRow = {
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

export type MessageRow = {
  id: string;
  body: string;
  created_at: Date;
  display_name: string | null;
  partner_id: string | null;
  author_id: string | null;
};

/** The partner's and people's names are joined for display only. */
const SELECT = `
  SELECT s.*, s.activity_date::text AS activity_date, p.name AS partner_name, p.manager_id, a.display_name AS assignee_name, c.display_name AS created_by_name
    FROM support_requests s JOIN partners p ON p.id = s.partner_id JOIN users c ON c.id = s.created_by LEFT JOIN users a ON a.id = s.assignee_id`;

export interface SupportFilter {
  scope: Scope;
  status?: SupportStatus;
  kind?: string;
  partnerId?: string;
  assigneeId?: string;
}

/** Support requests and their threads: the only SQL of support. */
@Injectable()
export class SupportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private filter(f: SupportFilter, params: unknown[]): string {
    const where: string[] = [];
    const scoped = scopeCondition(f.scope, 's.partner_id', params, 'p.manager_id');
    if (scoped) where.push(scoped);
    if (f.partnerId) where.push(`s.partner_id = $${params.push(f.partnerId)}`);
    if (f.status) where.push(`s.status = $${params.push(f.status)}`);
    if (f.kind) where.push(`s.kind = $${params.push(f.kind)}`);
    if (f.assigneeId) where.push(`s.assignee_id = $${params.push(f.assigneeId)}`);
    return whereClause(where);
  }

  /** Open ones first, latest activity first: one page with the total, or up to 1,000. */
  async list(f: SupportFilter, page: { page: number; pageSize: number } | null): Promise<{ rows: SupportRow[]; total: number | null }> {
    const params: unknown[] = [];
    const where = this.filter(f, params);
    const order = `ORDER BY (s.status = 'closed'), s.updated_at DESC, s.id`;
    if (!page) return { rows: await this.db.query(`${SELECT} ${where} ${order} LIMIT 1000`, params), total: null };
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM support_requests s JOIN partners p ON p.id = s.partner_id ${where}`,
      params,
    );
    const rows: SupportRow[] = await this.db.query(`${SELECT} ${where} ${order} ${pageClause(page, params)}`, params);
    return { rows, total };
  }

  async byId(m: EntityManager | DataSource, id: string, scope: Scope, lock = false): Promise<SupportRow | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 's.partner_id', params, 'p.manager_id');
    const [r]: SupportRow[] = await m.query(
      `${SELECT} WHERE s.id = $1 ${scoped ? `AND ${scoped}` : ''} ${lock ? 'FOR UPDATE OF s' : ''}`,
      params,
    );
    return r ?? null;
  }

  messages(requestId: string): Promise<MessageRow[]> {
    return this.db.query(
      `SELECT m.id, m.body, m.created_at, m.author_id, u.display_name, u.partner_id FROM support_messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.request_id = $1 ORDER BY m.created_at, m.id`,
      [requestId],
    );
  }

  async insert(m: EntityManager, partnerId: string, input: SupportRequestInput, createdBy: string): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO support_requests (partner_id, kind, subject, requested_funds, funds_status, activity_date, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        partnerId,
        input.kind,
        input.subject,
        input.requestedFunds,
        input.requestedFunds ? 'requested' : null,
        input.activityDate,
        createdBy,
      ],
    );
    return row.id as string;
  }

  async addMessage(m: EntityManager, requestId: string, authorId: string, body: string): Promise<void> {
    await m.query(`INSERT INTO support_messages (request_id, author_id, body) VALUES ($1, $2, $3)`, [requestId, authorId, body]);
  }

  async setStatus(m: EntityManager, id: string, status: SupportStatus, at: Date): Promise<void> {
    await m.query(
      `UPDATE support_requests SET status = $2, closed_at = CASE WHEN $2 = 'closed' THEN $3::timestamptz ELSE closed_at END WHERE id = $1`,
      [id, status, at],
    );
  }

  async setAssignee(m: EntityManager, id: string, assigneeId: string): Promise<void> {
    await m.query(`UPDATE support_requests SET assignee_id = $2 WHERE id = $1`, [id, assigneeId]);
  }

  async touch(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE support_requests SET updated_at = now() WHERE id = $1`, [id]);
  }

  async decideFunds(m: EntityManager, id: string, decision: 'approved' | 'declined', amount: string | null): Promise<void> {
    await m.query(`UPDATE support_requests SET funds_status = $2, approved_funds = $3 WHERE id = $1`, [id, decision, amount]);
  }
}
