import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Scope } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeCondition, whereClause } from '../../common/database/scope-sql';

export interface DisputeRow {
  id: string;
  statement_id: string;
  statement_number: string;
  agreement_id: string;
  line_id: string;
  line_no: number;
  line_description: string;
  line_rebate: string;
  partner_id: string;
  partner_name: string;
  period_start: string;
  comment: string;
  raised_by: string;
  raised_by_name: string;
  raised_at: Date;
  status: 'open' | 'adjusted' | 'rejected';
  resolution: string | null;
  adjustment: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
}

const SELECT = `
  SELECT d.id, d.statement_id, s.number AS statement_number, s.agreement_id, d.line_id, l.line_no, l.description AS line_description, l.rebate::text AS line_rebate,
         d.partner_id, p.name AS partner_name, s.period_start::text, d.comment, d.raised_by, coalesce(ur.display_name, ur.email) AS raised_by_name, d.raised_at,
         d.status, d.resolution, d.adjustment::text, d.resolved_by, coalesce(uv.display_name, uv.email) AS resolved_by_name, d.resolved_at
    FROM rebate_disputes d
    JOIN rebate_statements s ON s.id = d.statement_id
    JOIN rebate_statement_lines l ON l.id = d.line_id
    JOIN partners p ON p.id = d.partner_id
    JOIN users ur ON ur.id = d.raised_by
    LEFT JOIN users uv ON uv.id = d.resolved_by`;

/** Disputes of statement lines. The only SQL of disputes. */
@Injectable()
export class RebateDisputesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async lineOf(m: EntityManager, statementId: string, lineId: string): Promise<{ id: string } | null> {
    const rows = await m.query(`SELECT id FROM rebate_statement_lines WHERE id = $1 AND statement_id = $2`, [lineId, statementId]);
    return rows[0] ?? null;
  }

  async hasOpen(m: EntityManager, lineId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM rebate_disputes WHERE line_id = $1 AND status = 'open'`, [lineId]);
    return rows.length > 0;
  }

  async insert(m: EntityManager, d: { statementId: string; lineId: string; partnerId: string; comment: string; raisedBy: string }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO rebate_disputes (statement_id, line_id, partner_id, comment, raised_by, status) VALUES ($1, $2, $3, $4, $5, 'open') RETURNING id`,
      [d.statementId, d.lineId, d.partnerId, d.comment, d.raisedBy],
    );
    return row.id;
  }

  async find(id: string, scope: Scope, m: EntityManager = this.db.manager, forUpdate = false): Promise<DisputeRow | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'd.partner_id', params);
    const rows: DisputeRow[] = await m.query(`${SELECT} WHERE d.id = $1${scoped ? ` AND ${scoped}` : ''}${forUpdate ? ' FOR UPDATE OF d' : ''}`, params);
    return rows[0] ?? null;
  }

  async resolve(m: EntityManager, id: string, r: { status: 'adjusted' | 'rejected'; resolution: string; adjustment: string | null; resolvedBy: string }): Promise<void> {
    await m.query(`UPDATE rebate_disputes SET status = $2, resolution = $3, adjustment = $4, resolved_by = $5, resolved_at = now() WHERE id = $1 AND status = 'open'`, [
      id,
      r.status,
      r.resolution,
      r.adjustment,
      r.resolvedBy,
    ]);
  }

  async list(f: { scope: Scope; status?: string; partnerId?: string }): Promise<DisputeRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const scoped = scopeCondition(f.scope, 'd.partner_id', params);
    if (scoped) where.push(scoped);
    if (f.status) where.push(`d.status = $${params.push(f.status)}`);
    if (f.partnerId) where.push(`d.partner_id = $${params.push(f.partnerId)}`);
    return this.db.query(`${SELECT} ${whereClause(where)} ORDER BY d.raised_at DESC LIMIT 500`, params);
  }
}
