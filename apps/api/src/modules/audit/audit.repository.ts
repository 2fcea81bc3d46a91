import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, AuditQuery } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared';
import { AuditLogEntity } from './audit-log.entity';

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends one row (the table refuses UPDATE and DELETE), in the caller's transaction. */
  async append(manager: EntityManager, row: Omit<AuditLogEntity, 'seq' | 'id' | 'occurredAt'>): Promise<void> {
    await manager.insert(AuditLogEntity, row);
  }

  /** Appends several rows in one (prepared) statement, in the order given. */
  async appendMany(manager: EntityManager, rows: Omit<AuditLogEntity, 'seq' | 'id' | 'occurredAt'>[]): Promise<void> {
    if (!rows.length) return;
    await preparedQuery(
      manager,
      `INSERT INTO audit_log (actor_id, actor_email, entity, entity_id, action, before, after, request_id)
       SELECT x.ai, x.ae, x.en, x.ei, x.ac, x.b::jsonb, x.a::jsonb, x.r
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS x(ai, ae, en, ei, ac, b, a, r, n)
        ORDER BY x.n`,
      [
        rows.map((r) => r.actorId),
        rows.map((r) => r.actorEmail),
        rows.map((r) => r.entity),
        rows.map((r) => r.entityId),
        rows.map((r) => r.action),
        rows.map((r) => (r.before === null ? null : JSON.stringify(r.before))),
        rows.map((r) => (r.after === null ? null : JSON.stringify(r.after))),
        rows.map((r) => r.requestId),
      ],
    );
  }

  async list(query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    const qb = this.db.getRepository(AuditLogEntity).createQueryBuilder('a').orderBy('a.seq', 'DESC');
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        occurredAt: r.occurredAt.toISOString(),
        actorId: r.actorId,
        actorEmail: r.actorEmail,
        entity: r.entity,
        entityId: r.entityId,
        action: r.action,
        before: r.before ?? null,
        after: r.after ?? null,
        requestId: r.requestId,
      })),
    };
  }
}
