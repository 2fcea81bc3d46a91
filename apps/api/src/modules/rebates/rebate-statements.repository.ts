import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LedgerKind, RebateProgramme, RebateStatementQuery, Scope } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { pageClause, scopeCondition, whereClause } from '../../common/database/scope-sql';

/** A statement as the run reads it back: enough to compare, lock or rewrite it. */
export interface ExistingStatement {
  id: string;
  agreement_id: string;
  period_start: string;
  /** The period the statement was computed for (the terms may have been amended since). */
  period_end?: string;
  /** The programme its figures were computed with (explanation.programme), null on statements older than that. */
  programme?: RebateProgramme | null;
  status: 'draft' | 'approved' | 'paid';
  earned: string;
  achievement: string;
  quota: string;
  payable: string;
  adjustments: string;
  tier_index: number | null;
  final: boolean;
  line_count: number;
}

export interface PeriodKey {
  agreementId: string;
  periodStart: string;
}

export interface LedgerLineEntry {
  agreement_id: string;
  period_start: string;
  kind: LedgerKind;
  amount: string;
  source_id: string | null;
  booked_on: string;
  statement_id: string | null;
}

/** A statement a run writes (insert or rewrite of the draft). */
export interface StatementWrite {
  agreementId: string;
  partnerId: string;
  periodStart: string;
  periodEnd: string;
  runId: string;
  asOf: string;
  final: boolean;
  quota: string;
  achievement: string;
  attainmentPercent: string | null;
  tierIndex: number | null;
  ratePercent: string | null;
  method: 'retroactive' | 'incremental';
  earned: string;
  alreadySettled: string;
  adjustments: string;
  payable: string;
  explanation: unknown;
}

export interface LineWrite {
  statementId: string;
  lineNo: number;
  kind: 'deal' | 'sell_out' | 'clawback' | 'adjustment';
  sourceId: string | null;
  sourcePeriodStart: string | null;
  description: string;
  occurredOn: string | null;
  amount: string | null;
  share: string | null;
  coefficient: string | null;
  achievement: string | null;
  rebate: string;
}

export interface StatementRow {
  id: string;
  number: string;
  agreement_id: string;
  agreement_type: 'exclusive' | 'registration' | 'distribution';
  terms: unknown;
  partner_id: string;
  partner_name: string;
  period_start: string;
  period_end: string;
  status: 'draft' | 'approved' | 'paid';
  run_id: string | null;
  run_started_by: string | null;
  as_of: string;
  final: boolean;
  quota: string;
  achievement: string;
  attainment_percent: string | null;
  tier_index: number | null;
  rate_percent: string | null;
  method: 'retroactive' | 'incremental';
  earned: string;
  already_settled: string;
  adjustments: string;
  payable: string;
  explanation: Record<string, unknown>;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  paid_on: string | null;
  payment_reference: string | null;
  paid_by: string | null;
  paid_by_name: string | null;
  open_disputes: number;
}

export interface LineRow {
  id: string;
  line_no: number;
  kind: LineWrite['kind'];
  source_id: string | null;
  source_period_start: string | null;
  description: string;
  occurred_on: string | null;
  amount: string | null;
  share: string | null;
  coefficient: string | null;
  achievement: string | null;
  rebate: string;
  dispute_id: string | null;
  dispute_status: 'open' | 'adjusted' | 'rejected' | null;
  dispute_comment: string | null;
  dispute_resolution: string | null;
  dispute_adjustment: string | null;
}

const keys = (ks: readonly PeriodKey[]) => [ks.map((k) => k.agreementId), ks.map((k) => k.periodStart)];

const SELECT = `
  SELECT s.id, s.number, s.agreement_id, a.type AS agreement_type, a.terms, s.partner_id, p.name AS partner_name,
         s.period_start::text, s.period_end::text, s.status, s.run_id, rr.started_by AS run_started_by, s.as_of::text, s.final,
         s.quota::text, s.achievement::text, s.attainment_percent::text, s.tier_index, s.rate_percent::text, s.method,
         s.earned::text, s.already_settled::text, s.adjustments::text, s.payable::text, s.explanation,
         s.approved_by, coalesce(ua.display_name, ua.email) AS approved_by_name, s.approved_at, s.paid_on::text, s.payment_reference,
         s.paid_by, coalesce(up.display_name, up.email) AS paid_by_name,
         (SELECT count(*)::int FROM rebate_disputes d WHERE d.statement_id = s.id AND d.status = 'open') AS open_disputes
    FROM rebate_statements s
    JOIN agreements a ON a.id = s.agreement_id
    JOIN partners p ON p.id = s.partner_id
    LEFT JOIN rebate_runs rr ON rr.id = s.run_id
    LEFT JOIN users ua ON ua.id = s.approved_by
    LEFT JOIN users up ON up.id = s.paid_by`;

/** Statements and their lines, and the ledger reads a run needs. The only SQL of statements. */
@Injectable()
export class RebateStatementsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Serialises every writer of an agreement's statements and ledger (runs, approval, payment, disputes) per agreement. */
  async lockAgreements(m: EntityManager, agreementIds: readonly string[]): Promise<void> {
    if (!agreementIds.length) return;
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('rebates:' || id::text, 0)) FROM (SELECT unnest($1::uuid[]) AS id ORDER BY 1) x`, [agreementIds]);
  }

  /** Every statement of these agreements up to `until` (period start), for the run to compare, lock or look back. */
  async statementsOf(m: EntityManager, agreementIds: readonly string[]): Promise<ExistingStatement[]> {
    if (!agreementIds.length) return [];
    return m.query(
      `SELECT s.id, s.agreement_id, s.period_start::text, s.period_end::text, s.explanation->'programme' AS programme, s.status, s.earned::text, s.achievement::text, s.quota::text, s.payable::text, s.adjustments::text,
              s.tier_index, s.final, (SELECT count(*)::int FROM rebate_statement_lines l WHERE l.statement_id = s.id) AS line_count
         FROM rebate_statements s WHERE s.agreement_id = ANY($1::uuid[])`,
      [agreementIds],
    );
  }

  /** The ledger entries of these (agreement, period) pairs (every kind: line entries, settlements, adjustments). */
  async ledgerOf(m: EntityManager, ks: readonly PeriodKey[]): Promise<LedgerLineEntry[]> {
    if (!ks.length) return [];
    return m.query(
      `SELECT l.agreement_id, l.period_start::text, l.kind, l.amount::text, l.source_id, l.booked_on::text, l.statement_id
         FROM rebate_ledger l
         JOIN unnest($1::uuid[], $2::date[]) AS k(agreement_id, period_start) ON k.agreement_id = l.agreement_id AND k.period_start = l.period_start`,
      keys(ks),
    );
  }

  /** Line entries about earlier periods booked onto these statements (their clawback/adjustment lines). */
  async crossPeriodEntries(m: EntityManager, drafts: readonly { id: string; agreementId: string; periodStart: string }[]): Promise<LedgerLineEntry[]> {
    if (!drafts.length) return [];
    // By agreement (the ledger's agreement index), then the statement: no index on statement_id to keep up at insert.
    return m.query(
      `SELECT l.agreement_id, l.period_start::text, l.kind, l.amount::text, l.source_id, l.booked_on::text, l.statement_id
         FROM unnest($1::uuid[], $2::uuid[], $3::date[]) AS d(id, agreement_id, period_start)
         JOIN rebate_ledger l ON l.agreement_id = d.agreement_id AND l.statement_id = d.id
        WHERE l.kind IN ('accrual', 'reversal', 'clawback') AND l.period_start <> d.period_start`,
      [drafts.map((d) => d.id), drafts.map((d) => d.agreementId), drafts.map((d) => d.periodStart)],
    );
  }

  /**
   * Dispute adjustments of these agreements not yet carried by any other statement: they become adjustment lines of
   * the draft being written (`draftIds`: the drafts being rewritten, which keep theirs), and of no other one.
   */
  async pendingAdjustments(m: EntityManager, agreementIds: readonly string[], draftIds: readonly string[]): Promise<(LedgerLineEntry & { description: string })[]> {
    if (!agreementIds.length) return [];
    return m.query(
      `SELECT l.agreement_id, l.period_start::text, l.kind, l.amount::text, l.source_id, l.booked_on::text, l.statement_id, dl.description
         FROM rebate_ledger l
         JOIN rebate_disputes d ON d.id = l.source_id
         JOIN rebate_statement_lines dl ON dl.id = d.line_id
        WHERE l.agreement_id = ANY($1::uuid[]) AND l.kind = 'adjustment'
          AND NOT EXISTS (SELECT 1 FROM rebate_statement_lines x
                           WHERE x.kind = 'adjustment' AND x.source_id = l.source_id AND x.statement_id <> ALL($2::uuid[]))`,
      [agreementIds, draftIds],
    );
  }

  /**
   * The basis lines already on paid statements for these (agreement, period) pairs — a fall on such a line is a
   * clawback — with their description (a reversed deal is no longer in the basis, so its words come from here).
   */
  async paidLines(m: EntityManager, ks: readonly PeriodKey[]): Promise<{ agreement_id: string; period_start: string; source_id: string; description: string }[]> {
    if (!ks.length) return [];
    return m.query(
      `SELECT s.agreement_id, coalesce(l.source_period_start, s.period_start)::text AS period_start, l.source_id, l.description
         FROM rebate_statement_lines l JOIN rebate_statements s ON s.id = l.statement_id
         JOIN unnest($1::uuid[], $2::date[]) AS k(agreement_id, period_start)
           ON k.agreement_id = s.agreement_id AND k.period_start = coalesce(l.source_period_start, s.period_start)
        WHERE s.status = 'paid' AND l.source_id IS NOT NULL AND l.kind IN ('deal', 'sell_out', 'clawback', 'adjustment')`,
      keys(ks),
    );
  }

  /** Descriptions of earlier lines about these sources (for the words of a clawback line). */
  async lineDescriptions(m: EntityManager, sourceIds: readonly string[]): Promise<Map<string, string>> {
    if (!sourceIds.length) return new Map();
    const rows: { source_id: string; description: string }[] = await m.query(
      `SELECT DISTINCT ON (source_id) source_id, description FROM rebate_statement_lines WHERE source_id = ANY($1::uuid[]) ORDER BY source_id, line_no`,
      [sourceIds],
    );
    return new Map(rows.map((r) => [r.source_id, r.description]));
  }

  /**
   * Inserts new statements and rewrites drafts in one statement; an approved or paid one is never touched (the
   * WHERE of the update). Returns each written statement's id by agreement.
   */
  async upsert(m: EntityManager, rows: readonly StatementWrite[]): Promise<Map<string, { id: string; inserted: boolean }>> {
    const out = new Map<string, { id: string; inserted: boolean }>();
    if (!rows.length) return out;
    const col = <T>(f: (r: StatementWrite) => T) => rows.map(f);
    const written: { id: string; agreement_id: string; inserted: boolean }[] = await m.query(
      `INSERT INTO rebate_statements AS s (number, agreement_id, partner_id, period_start, period_end, status, run_id, as_of, final, quota, achievement,
              attainment_percent, tier_index, rate_percent, method, earned, already_settled, adjustments, payable, explanation)
       SELECT 'RS-' || to_char(v.period_start, 'YYYY') || '-' || lpad(nextval('rebate_statement_number_seq')::text, 6, '0'),
              v.agreement_id, v.partner_id, v.period_start, v.period_end, 'draft', v.run_id, v.as_of, v.final, v.quota, v.achievement,
              v.attainment_percent, v.tier_index, v.rate_percent, v.method, v.earned, v.already_settled, v.adjustments, v.payable, v.explanation
         FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[], $5::uuid[], $6::date[], $7::boolean[], $8::numeric[], $9::numeric[], $10::numeric[],
                     $11::int[], $12::numeric[], $13::text[], $14::numeric[], $15::numeric[], $16::numeric[], $17::numeric[], $18::jsonb[])
           AS v(agreement_id, partner_id, period_start, period_end, run_id, as_of, final, quota, achievement, attainment_percent,
                tier_index, rate_percent, method, earned, already_settled, adjustments, payable, explanation)
       ON CONFLICT (agreement_id, period_start) DO UPDATE
          SET run_id = EXCLUDED.run_id, as_of = EXCLUDED.as_of, final = EXCLUDED.final, quota = EXCLUDED.quota, achievement = EXCLUDED.achievement,
              attainment_percent = EXCLUDED.attainment_percent, tier_index = EXCLUDED.tier_index, rate_percent = EXCLUDED.rate_percent,
              method = EXCLUDED.method, earned = EXCLUDED.earned, already_settled = EXCLUDED.already_settled, adjustments = EXCLUDED.adjustments,
              payable = EXCLUDED.payable, explanation = EXCLUDED.explanation, updated_at = now(), version = s.version + 1
        WHERE s.status = 'draft'
       RETURNING s.id, s.agreement_id, (s.version = 1) AS inserted`,
      [
        col((r) => r.agreementId),
        col((r) => r.partnerId),
        col((r) => r.periodStart),
        col((r) => r.periodEnd),
        col((r) => r.runId),
        col((r) => r.asOf),
        col((r) => r.final),
        col((r) => r.quota),
        col((r) => r.achievement),
        col((r) => r.attainmentPercent),
        col((r) => r.tierIndex),
        col((r) => r.ratePercent),
        col((r) => r.method),
        col((r) => r.earned),
        col((r) => r.alreadySettled),
        col((r) => r.adjustments),
        col((r) => r.payable),
        col((r) => JSON.stringify(r.explanation)),
      ],
    );
    for (const w of written) out.set(w.agreement_id, { id: w.id, inserted: w.inserted });
    return out;
  }

  /** Drafts whose figures did not change still belong to the latest run and carry its business date. */
  async touch(m: EntityManager, ids: readonly string[], runId: string, asOf: string): Promise<void> {
    if (!ids.length) return;
    await m.query(`UPDATE rebate_statements SET run_id = $2, as_of = $3 WHERE id = ANY($1::uuid[]) AND status = 'draft'`, [ids, runId, asOf]);
  }

  /** Replaces the lines of these (draft) statements. */
  async replaceLines(m: EntityManager, statementIds: readonly string[], lines: readonly LineWrite[]): Promise<void> {
    if (statementIds.length) await m.query(`DELETE FROM rebate_statement_lines WHERE statement_id = ANY($1::uuid[])`, [statementIds]);
    if (!lines.length) return;
    const col = <T>(f: (r: LineWrite) => T) => lines.map(f);
    await m.query(
      `INSERT INTO rebate_statement_lines (statement_id, line_no, kind, source_id, source_period_start, description, occurred_on, amount, share, coefficient, achievement, rebate)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $5::date[], $6::text[], $7::date[], $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[])`,
      [
        col((l) => l.statementId),
        col((l) => l.lineNo),
        col((l) => l.kind),
        col((l) => l.sourceId),
        col((l) => l.sourcePeriodStart),
        col((l) => l.description),
        col((l) => l.occurredOn),
        col((l) => l.amount),
        col((l) => l.share),
        col((l) => l.coefficient),
        col((l) => l.achievement),
        col((l) => l.rebate),
      ],
    );
  }

  private filter(q: Partial<RebateStatementQuery> & { scope: Scope }, params: unknown[]): string {
    const where: string[] = [];
    const scoped = scopeCondition(q.scope, 's.partner_id', params);
    if (scoped) where.push(scoped);
    // A partner sees a statement once it is approved.
    if (q.scope.kind === 'partner') where.push(`s.status IN ('approved', 'paid')`);
    if (q.status) where.push(`s.status = $${params.push(q.status)}`);
    if (q.partnerId) where.push(`s.partner_id = $${params.push(q.partnerId)}`);
    if (q.agreementId) where.push(`s.agreement_id = $${params.push(q.agreementId)}`);
    if (q.periodStart) where.push(`s.period_start = $${params.push(q.periodStart)}`);
    if (q.runId) where.push(`s.run_id = $${params.push(q.runId)}`);
    return whereClause(where);
  }

  async page(q: RebateStatementQuery & { scope: Scope }): Promise<{ rows: StatementRow[]; total: number }> {
    const params: unknown[] = [];
    const where = this.filter(q, params);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM rebate_statements s ${where}`, params);
    const rows: StatementRow[] = await this.db.query(`${SELECT} ${where} ORDER BY s.period_start DESC, p.name, s.number ${pageClause(q, params)}`, params);
    return { rows, total };
  }

  /** One statement within the caller's scope (a partner: approved or paid, its own), or null. */
  async find(id: string, scope: Scope, m: EntityManager = this.db.manager, forUpdate = false): Promise<StatementRow | null> {
    const params: unknown[] = [id];
    const where = this.filter({ scope }, params);
    const rows: StatementRow[] = await m.query(`${SELECT} ${where ? `${where} AND` : 'WHERE'} s.id = $1${forUpdate ? ' FOR UPDATE OF s' : ''}`, params);
    return rows[0] ?? null;
  }

  /** The statement of one agreement and period, if a run made one. */
  async statementOf(agreementId: string, periodStart: string, m: EntityManager = this.db.manager): Promise<{ id: string; number: string; status: 'draft' | 'approved' | 'paid'; payable: string } | null> {
    const rows = await m.query(`SELECT id, number, status, payable::text FROM rebate_statements WHERE agreement_id = $1 AND period_start = $2`, [agreementId, periodStart]);
    return rows[0] ?? null;
  }

  async lines(statementId: string, m: EntityManager = this.db.manager): Promise<LineRow[]> {
    return m.query(
      `SELECT l.id, l.line_no, l.kind, l.source_id, l.source_period_start::text, l.description, l.occurred_on::text, l.amount::text, l.share::text,
              l.coefficient::text, l.achievement::text, l.rebate::text,
              d.id AS dispute_id, d.status AS dispute_status, d.comment AS dispute_comment, d.resolution AS dispute_resolution, d.adjustment::text AS dispute_adjustment
         FROM rebate_statement_lines l
         LEFT JOIN LATERAL (SELECT * FROM rebate_disputes d WHERE d.line_id = l.id ORDER BY d.raised_at DESC LIMIT 1) d ON true
        WHERE l.statement_id = $1 ORDER BY l.line_no`,
      [statementId],
    );
  }

  async approve(m: EntityManager, id: string, userId: string): Promise<void> {
    await m.query(`UPDATE rebate_statements SET status = 'approved', approved_by = $2, approved_at = now(), updated_at = now(), version = version + 1 WHERE id = $1 AND status = 'draft'`, [
      id,
      userId,
    ]);
  }

  async pay(m: EntityManager, id: string, userId: string, paidOn: string, reference: string): Promise<void> {
    await m.query(
      `UPDATE rebate_statements SET status = 'paid', paid_by = $2, paid_on = $3, payment_reference = $4, updated_at = now(), version = version + 1 WHERE id = $1 AND status = 'approved'`,
      [id, userId, paidOn, reference],
    );
  }
}
