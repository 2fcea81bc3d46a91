import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { periodKey } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface QuotaRow {
  agreement_id: string;
  period_start: string;
  period_end: string;
  quota: string;
  amendment_reason: string | null;
  set_by: string;
  set_at: Date;
}

/** Quotas set per evaluation period (rebate_quotas, owned by the rebates module). */
@Injectable()
export class QuotasRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forAgreement(agreementId: string, m: EntityManager = this.db.manager): Promise<QuotaRow[]> {
    return m.query(
      `SELECT agreement_id, period_start, period_end, quota::text, amendment_reason, set_by, set_at FROM rebate_quotas WHERE agreement_id = $1 ORDER BY period_start`,
      [agreementId],
    );
  }

  /** The set quota of each (agreement, period start) asked that has one, keyed periodKey(agreementId, periodStart). */
  async forPairs(pairs: readonly { agreementId: string; periodStart: string }[], m: EntityManager = this.db.manager): Promise<Map<string, string>> {
    if (!pairs.length) return new Map();
    const rows: { agreement_id: string; period_start: string; quota: string }[] = await m.query(
      `SELECT q.agreement_id, q.period_start, q.quota::text
         FROM rebate_quotas q JOIN unnest($1::uuid[], $2::date[]) AS t(agreement_id, period_start)
           ON q.agreement_id = t.agreement_id AND q.period_start = t.period_start`,
      [pairs.map((p) => p.agreementId), pairs.map((p) => p.periodStart)],
    );
    return new Map(rows.map((r) => [periodKey(r.agreement_id, r.period_start), r.quota]));
  }

  /** The period's row, locked for a change (null when the period has no set quota yet). */
  async lock(m: EntityManager, agreementId: string, periodStart: string): Promise<QuotaRow | null> {
    const rows: QuotaRow[] = await m.query(
      `SELECT agreement_id, period_start, period_end, quota::text, amendment_reason, set_by, set_at FROM rebate_quotas WHERE agreement_id = $1 AND period_start = $2 FOR UPDATE`,
      [agreementId, periodStart],
    );
    return rows[0] ?? null;
  }

  async upsert(m: EntityManager, q: { agreementId: string; periodStart: string; periodEnd: string; quota: string; amendmentReason: string | null; setBy: string }): Promise<QuotaRow> {
    const [row] = await m.query(
      `INSERT INTO rebate_quotas (agreement_id, period_start, period_end, quota, amendment_reason, set_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (agreement_id, period_start) DO UPDATE
         SET period_end = excluded.period_end, quota = excluded.quota, amendment_reason = excluded.amendment_reason, set_by = excluded.set_by, set_at = now()
       RETURNING agreement_id, period_start, period_end, quota::text, amendment_reason, set_by, set_at`,
      [q.agreementId, q.periodStart, q.periodEnd, q.quota, q.amendmentReason, q.setBy],
    );
    return row;
  }
}
