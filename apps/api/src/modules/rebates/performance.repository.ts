import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Reads of the rebates module's own tables that the performance views need (reversals, a period's statement). */
@Injectable()
export class PerformanceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Registrations taken out of the rebate basis (rebate_reversals); with `among`, only those of that set. */
  async reversedIds(among?: readonly string[], m: EntityManager = this.db.manager): Promise<string[]> {
    if (among && !among.length) return [];
    const rows: { id: string }[] = among
      ? await m.query(`SELECT registration_id AS id FROM rebate_reversals WHERE registration_id = ANY($1::uuid[])`, [among])
      : await m.query(`SELECT registration_id AS id FROM rebate_reversals`);
    return rows.map((r) => r.id);
  }

  /** The statement of one agreement and period, if a run made one. */
  async statementOf(agreementId: string, periodStart: string, m: EntityManager = this.db.manager): Promise<{ id: string; number: string; status: 'draft' | 'approved' | 'paid'; payable: string } | null> {
    const rows = await m.query(`SELECT id, number, status, payable::text FROM rebate_statements WHERE agreement_id = $1 AND period_start = $2`, [agreementId, periodStart]);
    return rows[0] ?? null;
  }
}
