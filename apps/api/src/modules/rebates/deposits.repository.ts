import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DepositStatus } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface DepositRow {
  agreement_id: string;
  partner_id: string;
  amount: string;
  due_on: string;
  status: DepositStatus;
}

export interface DepositEventRow {
  id: string;
  from_status: DepositStatus;
  to_status: DepositStatus;
  amount: string;
  occurred_on: string;
  reference: string | null;
  note: string | null;
  created_by: string;
  created_at: Date;
}

/** Deposits of exclusive agreements and their events (agreement_deposits, deposit_events; rebates module). */
@Injectable()
export class DepositsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the deposit from the terms on first use (nothing if it exists), then returns it — locked with `lock`. */
  async ensure(m: EntityManager, d: { agreementId: string; partnerId: string; amount: string; dueOn: string }, lock = false): Promise<DepositRow> {
    await m.query(
      `INSERT INTO agreement_deposits (agreement_id, partner_id, amount, due_on, status) VALUES ($1, $2, $3, $4, 'due') ON CONFLICT (agreement_id) DO NOTHING`,
      [d.agreementId, d.partnerId, d.amount, d.dueOn],
    );
    const [row] = await m.query(
      `SELECT agreement_id, partner_id, amount::text, due_on, status FROM agreement_deposits WHERE agreement_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [d.agreementId],
    );
    return row;
  }

  /** The deposit's status, null when none was created yet (read only: renewal reviews). */
  async statusOf(agreementId: string, m: EntityManager = this.db.manager): Promise<DepositStatus | null> {
    const rows: { status: DepositStatus }[] = await m.query(`SELECT status FROM agreement_deposits WHERE agreement_id = $1`, [agreementId]);
    return rows[0]?.status ?? null;
  }

  async setStatus(m: EntityManager, agreementId: string, status: DepositStatus): Promise<void> {
    await m.query(`UPDATE agreement_deposits SET status = $2, updated_at = now() WHERE agreement_id = $1`, [agreementId, status]);
  }

  async insertEvent(
    m: EntityManager,
    e: { agreementId: string; from: DepositStatus; to: DepositStatus; amount: string; occurredOn: string; reference: string | null; note: string | null; createdBy: string },
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO deposit_events (agreement_id, from_status, to_status, amount, occurred_on, reference, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [e.agreementId, e.from, e.to, e.amount, e.occurredOn, e.reference, e.note, e.createdBy],
    );
    return row.id;
  }

  async events(agreementId: string, m: EntityManager = this.db.manager): Promise<DepositEventRow[]> {
    return m.query(
      `SELECT id, from_status, to_status, amount::text, occurred_on, reference, note, created_by, created_at FROM deposit_events WHERE agreement_id = $1 ORDER BY created_at, id`,
      [agreementId],
    );
  }
}
