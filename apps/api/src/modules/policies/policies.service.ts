import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_POLICIES, type Policies, type PoliciesResponse, PoliciesSchema } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AuditService } from '../audit/audit.service';
import { recomputeSegmentStrategies } from '../catalog/segment-strategy.sync';
import { PolicyEntity } from './policy.entity';

/** The single source of every configurable default. Read per use (cheap), so all instances agree. */
@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.db.manager): Promise<Policies> {
    return (await this.read(manager)).policies;
  }

  async read(manager: EntityManager = this.db.manager): Promise<PoliciesResponse> {
    const rows: { value: unknown; updated_at: Date; email: string | null }[] = await manager.query(
      `SELECT p.value, p.updated_at, u.email FROM policies p LEFT JOIN users u ON u.id = p.updated_by WHERE p.id = 1`,
    );
    if (!rows[0]) return { policies: DEFAULT_POLICIES, updatedAt: null, updatedBy: null };
    // Stored values are merged over the defaults, so a policy added by a later release has a value.
    const merged = PoliciesSchema.safeParse(deepMerge(DEFAULT_POLICIES, rows[0].value));
    return {
      policies: merged.success ? merged.data : DEFAULT_POLICIES,
      updatedAt: rows[0].updated_at.toISOString(),
      updatedBy: rows[0].email,
    };
  }

  async update(next: Policies, actorId: string): Promise<PoliciesResponse> {
    return inTransaction(this.db, async (m) => {
      // Lock the row so two admins saving at once apply one after the other.
      await m.query(`SELECT 1 FROM policies WHERE id = 1 FOR UPDATE`);
      const before = await this.get(m);
      await m.upsert(PolicyEntity, { id: 1, value: next, updatedAt: new Date(), updatedBy: actorId }, ['id']);
      const t = next.segments;
      if (t.highPotentialAt !== before.segments.highPotentialAt || t.hardDifficultyAt !== before.segments.hardDifficultyAt) {
        await recomputeSegmentStrategies(m, t);
      }
      await this.audit.record(m, { entity: 'policies', entityId: '1', action: 'policies.updated', before, after: next });
      return this.read(m);
    });
  }
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (Array.isArray(over) || typeof over !== 'object' || over === null) return over === undefined ? base : over;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge((base as Record<string, unknown>)[k], v);
  return out;
}
