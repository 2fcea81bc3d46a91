import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, AuditQuery } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends one row (the table refuses UPDATE and DELETE), in the caller's transaction. */
  async append(manager: EntityManager, row: Omit<AuditLogEntity, 'seq' | 'id' | 'occurredAt'>): Promise<void> {
    await manager.insert(AuditLogEntity, row);
  }

  /** Appends several rows in one statement, in the order given. */
  async appendMany(manager: EntityManager, rows: Omit<AuditLogEntity, 'seq' | 'id' | 'occurredAt'>[]): Promise<void> {
    if (rows.length) await manager.insert(AuditLogEntity, rows);
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
