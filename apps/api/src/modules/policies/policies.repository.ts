import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_POLICIES, type Policies } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { PolicyEntity } from './policy.entity';
import { preparedQuery } from '../../database/connection.repository';

/** The one policies row (id 1): stored values, when and by whom they were last saved. */
@Injectable()
export class PoliciesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(m: EntityManager = this.db.manager): Promise<{ value: unknown; updatedAt: Date; updatedBy: string | null } | null> {
    const rows: { value: unknown; updated_at: Date; updated_by: string | null }[] = await preparedQuery(
      m,
      `SELECT value, updated_at, updated_by FROM policies WHERE id = 1`,
    );
    return rows[0] ? { value: rows[0].value, updatedAt: rows[0].updated_at, updatedBy: rows[0].updated_by } : null;
  }

  /** Locks the row so two admins saving at once apply one after the other. */
  async lock(m: EntityManager): Promise<void> {
    await m.query(`SELECT 1 FROM policies WHERE id = 1 FOR UPDATE`);
  }

  async save(m: EntityManager, value: Policies, actorId: string): Promise<void> {
    await m.upsert(PolicyEntity, { id: 1, value, updatedAt: new Date(), updatedBy: actorId }, ['id']);
  }
}

/** Makes sure the one policies row exists (start-up, before the app's modules run): the defaults, never overwriting. */
export async function ensurePoliciesRow(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO policies (id, value) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [JSON.stringify(DEFAULT_POLICIES)]);
}
