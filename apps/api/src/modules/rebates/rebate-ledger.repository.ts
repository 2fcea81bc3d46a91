import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type LedgerKind, periodKey } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { pageClause, whereClause } from '../../common/database/scope-sql';

/** One entry to book. Amounts are signed decimal strings: positive grows what the vendor owes the partner. */
export interface NewLedgerEntry {
  partnerId: string;
  agreementId: string;
  periodStart: string | null;
  kind: LedgerKind;
  amount: string;
  sourceId?: string | null;
  statementId?: string | null;
  runId?: string | null;
  bookedOn: string;
  note?: string | null;
  createdBy?: string | null;
}

export interface LedgerRow {
  id: string;
  partner_id: string;
  agreement_id: string;
  period_start: string | null;
  kind: LedgerKind;
  amount: string;
  source_id: string | null;
  statement_id: string | null;
  run_id: string | null;
  booked_on: string;
  note: string | null;
}

export interface LedgerFilter {
  partnerId?: string;
  agreementId?: string;
  /** A partner user's own partner: rows of other partners are never returned. */
  ownPartnerId?: string | null;
}

/**
 * The rebate ledger (owned by the rebates module). Append-only: a trigger refuses UPDATE and DELETE, so this class has
 * no method that edits — a correction is a negating entry. Other modules (deposits) book through `append`.
 */
@Injectable()
export class RebateLedgerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Books the entries in one multi-row insert, inside the caller's transaction. */
  async append(m: EntityManager, entries: readonly NewLedgerEntry[]): Promise<void> {
    if (!entries.length) return;
    const col = <T>(f: (e: NewLedgerEntry) => T) => entries.map(f);
    await m.query(
      `INSERT INTO rebate_ledger (partner_id, agreement_id, period_start, kind, amount, source_id, statement_id, run_id, booked_on, note, created_by)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::numeric[], $6::uuid[], $7::uuid[], $8::uuid[], $9::date[], $10::text[], $11::uuid[])`,
      [
        col((e) => e.partnerId),
        col((e) => e.agreementId),
        col((e) => e.periodStart),
        col((e) => e.kind),
        col((e) => e.amount),
        col((e) => e.sourceId ?? null),
        col((e) => e.statementId ?? null),
        col((e) => e.runId ?? null),
        col((e) => e.bookedOn),
        col((e) => e.note ?? null),
        col((e) => e.createdBy ?? null),
      ],
    );
  }

  private where(f: LedgerFilter, params: unknown[]): string {
    const where: string[] = [];
    if (f.ownPartnerId) where.push(`partner_id = $${params.push(f.ownPartnerId)}`);
    if (f.partnerId) where.push(`partner_id = $${params.push(f.partnerId)}`);
    if (f.agreementId) where.push(`agreement_id = $${params.push(f.agreementId)}`);
    return whereClause(where);
  }

  /** A page of entries, newest first, with the count. */
  async page(f: LedgerFilter, page: number, pageSize: number): Promise<{ rows: LedgerRow[]; total: number }> {
    const params: unknown[] = [];
    const where = this.where(f, params);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM rebate_ledger ${where}`, params);
    const rows: LedgerRow[] = await this.db.query(
      `SELECT id::text, partner_id, agreement_id, period_start::text, kind, amount::text, source_id, statement_id, run_id, booked_on::text, note
         FROM rebate_ledger ${where} ORDER BY id DESC ${pageClause({ page, pageSize }, params)}`,
      params,
    );
    return { rows, total };
  }

  /** Σ amount per kind over the filter (the totals of the whole ledger slice, not just one page). */
  async sumsByKind(f: LedgerFilter): Promise<{ kind: LedgerKind; amount: string }[]> {
    const params: unknown[] = [];
    return this.db.query(`SELECT kind, sum(amount)::text AS amount FROM rebate_ledger ${this.where(f, params)} GROUP BY kind`, params);
  }

  /** Accrued (accrual+reversal+clawback+adjustment) and paid per partner: the rebate liability. */
  async liabilityByPartner(m: EntityManager = this.db.manager): Promise<{ partner_id: string; partner_name: string; accrued: string; paid: string }[]> {
    return m.query(
      `SELECT l.partner_id, p.name AS partner_name,
              coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('accrual', 'reversal', 'clawback', 'adjustment')), 0)::text AS accrued,
              coalesce(-sum(l.amount) FILTER (WHERE l.kind = 'payment'), 0)::text AS paid
         FROM rebate_ledger l JOIN partners p ON p.id = l.partner_id
        GROUP BY l.partner_id, p.name ORDER BY p.name, l.partner_id`,
    );
  }

  /** Σ settlement entries per (agreement, period start) asked: what was already settled for each period (absent = 0). */
  async settledFor(pairs: readonly { agreementId: string; periodStart: string }[], m: EntityManager = this.db.manager): Promise<Map<string, string>> {
    if (!pairs.length) return new Map();
    const rows: { agreement_id: string; period_start: string; settled: string }[] = await m.query(
      `SELECT l.agreement_id, l.period_start::text, sum(l.amount)::text AS settled
         FROM rebate_ledger l JOIN unnest($1::uuid[], $2::date[]) AS t(agreement_id, period_start)
           ON l.agreement_id = t.agreement_id AND l.period_start = t.period_start
        WHERE l.kind = 'settlement' GROUP BY l.agreement_id, l.period_start`,
      [pairs.map((p) => p.agreementId), pairs.map((p) => p.periodStart)],
    );
    return new Map(rows.map((r) => [periodKey(r.agreement_id, r.period_start), r.settled]));
  }
}
