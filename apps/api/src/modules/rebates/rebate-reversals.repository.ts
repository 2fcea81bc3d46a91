import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface ReversalRow {
  registration_id: string;
  reversed_on: string;
  reason: string;
  reversed_by: string;
  reversed_by_name: string;
  created_at: Date;
}

const SELECT = `SELECT v.registration_id, v.reversed_on::text, v.reason, v.reversed_by, coalesce(u.display_name, u.email) AS reversed_by_name, v.created_at
  FROM rebate_reversals v JOIN users u ON u.id = v.reversed_by`;

/** Won deals reversed for rebates (a reversed deal leaves every basis; the next run books its reversal or clawback). */
@Injectable()
export class RebateReversalsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records the reversal; false when the registration was already reversed (once only). */
  async insert(m: EntityManager, r: { registrationId: string; reversedOn: string; reason: string; reversedBy: string }): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO rebate_reversals (registration_id, reversed_on, reason, reversed_by) VALUES ($1, $2, $3, $4) ON CONFLICT (registration_id) DO NOTHING RETURNING registration_id`,
      [r.registrationId, r.reversedOn, r.reason, r.reversedBy],
    );
    return rows.length > 0;
  }

  async find(registrationId: string): Promise<ReversalRow | null> {
    const rows: ReversalRow[] = await this.db.query(`${SELECT} WHERE v.registration_id = $1`, [registrationId]);
    return rows[0] ?? null;
  }

  async list(limit = 500): Promise<ReversalRow[]> {
    return this.db.query(`${SELECT} ORDER BY v.created_at DESC LIMIT $1`, [limit]);
  }

  /** Registrations of these ids that were reversed (out of every basis). */
  async reversedAmong(registrationIds: readonly string[], m: EntityManager = this.db.manager): Promise<Set<string>> {
    if (!registrationIds.length) return new Set();
    const rows: { id: string }[] = await m.query(`SELECT registration_id AS id FROM rebate_reversals WHERE registration_id = ANY($1::uuid[])`, [registrationIds]);
    return new Set(rows.map((r) => r.id));
  }

  /** Every registration taken out of the rebate basis. */
  async reversedIds(m: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT registration_id AS id FROM rebate_reversals`);
    return rows.map((r) => r.id);
  }
}
