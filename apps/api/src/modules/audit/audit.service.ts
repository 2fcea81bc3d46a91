import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentRequest } from '../../common/http/request-context';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to the signed-in caller of the current request. */
  actor?: { id: string | null; email: string | null };
}

/** Writes audit rows; always through the caller's transaction manager so change and audit commit together. */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await this.repo.append(manager, this.row(record));
  }

  /** Several records of one unit of work in one statement (same rows as calling record for each, in order). */
  async recordMany(manager: EntityManager, records: readonly AuditRecord[]): Promise<void> {
    await this.repo.appendMany(manager, records.map((r) => this.row(r)));
  }

  private row(record: AuditRecord) {
    const ctx = currentRequest();
    const actor = record.actor ?? { id: ctx?.user?.id ?? null, email: ctx?.user?.email ?? null };
    return {
      actorId: actor.id,
      actorEmail: actor.email,
      entity: record.entity,
      entityId: record.entityId,
      action: record.action,
      before: toJson(record.before),
      after: toJson(record.after),
      requestId: ctx?.requestId ?? null,
    };
  }
}

function toJson(value: unknown): object | null {
  return value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as object);
}
