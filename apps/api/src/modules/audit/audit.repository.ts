import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/connection.repository';
import { AuditLogEntity } from './audit-log.entity';

/** Writes the audit log; reading it is AuditReadRepository's. */
@Injectable()
export class AuditRepository {
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
}
