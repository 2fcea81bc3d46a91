import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, AuditQuery } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { escapeLike } from '../../common/database/like';
import { cappedCount } from '../../common/database/scope-sql';
import { businessTimeZone } from '../../common/time';

/** Counting stops here: beyond it the page shows "10,000+" rather than scanning the whole log. */
export const AUDIT_COUNT_LIMIT = 10_000;

interface Row {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

/** The readable audit log: filters by who, what, which record and when (business dates), newest first. */
@Injectable()
export class AuditReadRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: AuditQuery): Promise<{ items: AuditEntry[]; total: number; totalIsEstimate: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.entity) where.push(`a.entity = $${params.push(query.entity)}`);
    if (query.entityId) where.push(`a.entity_id = $${params.push(query.entityId)}`);
    if (query.action) where.push(`a.action = $${params.push(query.action)}`);
    if (query.actor) {
      const p = params.push(`%${escapeLike(query.actor)}%`);
      where.push(`(a.actor_email ILIKE $${p} OR a.actor_id IN (SELECT id FROM users WHERE display_name ILIKE $${p} OR email ILIKE $${p}))`);
    }
    if (query.from || query.to) {
      const tz = params.push(businessTimeZone());
      if (query.from) where.push(`a.occurred_at >= ($${params.push(query.from)}::date::timestamp AT TIME ZONE $${tz})`);
      if (query.to) where.push(`a.occurred_at < (($${params.push(query.to)}::date + 1)::timestamp AT TIME ZONE $${tz})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const { count, exact } = await cappedCount((sql) => this.db.query(sql, params), `audit_log a ${filter}`, AUDIT_COUNT_LIMIT);
    const rows: Row[] = await this.db.query(
      `SELECT a.id, a.occurred_at, a.actor_id, a.actor_email, u.display_name AS actor_name, a.entity, a.entity_id, a.action,
              a.before, a.after, a.request_id
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         ${filter}
        ORDER BY a.seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      total: count,
      totalIsEstimate: !exact,
      items: rows.map((r) => ({
        id: r.id,
        occurredAt: r.occurred_at.toISOString(),
        actorId: r.actor_id,
        actorEmail: r.actor_email,
        actorName: r.actor_name,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        before: r.before ?? null,
        after: r.after ?? null,
        requestId: r.request_id,
      })),
    };
  }
}
