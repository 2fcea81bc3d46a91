import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Scope, SellOutIssue } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { pageClause, scopeCondition, whereClause } from '../../common/database/scope-sql';

/** One sell-out line as a rebate basis line (DOMAIN §7): share 1, amount as reported. */
export interface SellOutBasisLine {
  id: string;
  agreementId: string;
  soldOn: string;
  amount: string;
  customer: string;
  productId: string;
  /** The product's product line (incentive coefficients, 激励系数). */
  productLineId: string;
  quantity: number;
}

export interface NewSellOutReport {
  agreementId: string;
  partnerId: string;
  periodStart: string;
  periodEnd: string;
  fileName: string;
  fileSha256: string;
  rowCount: number;
  skipped: SellOutIssue[];
  submittedBy: string;
  lines: { row: number; soldOn: string; customer: string; productId: string; quantity: number; amount: string }[];
}

export interface SellOutReportRow {
  id: string;
  agreement_id: string;
  partner_id: string;
  period_start: string;
  period_end: string;
  file_name: string;
  row_count: number;
  imported_count: number;
  skipped_rows: SellOutIssue[];
  submitted_by: string;
  created_at: Date;
  /** Set when a later report of the same period replaced this one: its lines no longer count. */
  superseded_at: Date | null;
  superseded_by: string | null;
  /** bigint: a string from the driver. */
  quantity: number | string;
  amount: string;
}

/** The sell-out module's tables: sell_out_reports and sell_out_lines. Other modules read them through this class. */
@Injectable()
export class SellOutRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts a report and its lines (one statement for all lines); returns the report id, or null when the same file was already reported for the period. */
  async insert(m: EntityManager, r: NewSellOutReport): Promise<string | null> {
    const [report]: { id: string }[] = await m.query(
      `INSERT INTO sell_out_reports (agreement_id, partner_id, period_start, period_end, file_name, file_sha256, row_count, imported_count, skipped_rows, submitted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (agreement_id, period_start, file_sha256) DO NOTHING RETURNING id`,
      [r.agreementId, r.partnerId, r.periodStart, r.periodEnd, r.fileName, r.fileSha256, r.rowCount, r.lines.length, JSON.stringify(r.skipped), r.submittedBy],
    );
    if (!report) return null;
    if (r.lines.length) {
      await m.query(
        `INSERT INTO sell_out_lines (report_id, agreement_id, partner_id, row_no, sold_on, customer, product_id, quantity, amount)
         SELECT $1, $2, $3, l.row_no, l.sold_on, l.customer, l.product_id, l.quantity, l.amount
           FROM unnest($4::int[], $5::date[], $6::text[], $7::uuid[], $8::int[], $9::numeric[]) AS l(row_no, sold_on, customer, product_id, quantity, amount)`,
        [
          report.id,
          r.agreementId,
          r.partnerId,
          r.lines.map((l) => l.row),
          r.lines.map((l) => l.soldOn),
          r.lines.map((l) => l.customer),
          r.lines.map((l) => l.productId),
          r.lines.map((l) => l.quantity),
          r.lines.map((l) => l.amount),
        ],
      );
    }
    return report.id;
  }

  /** When the same file was reported for this agreement and period (the refusal names the day). */
  async reportedAt(m: EntityManager, agreementId: string, periodStart: string, sha256: string): Promise<Date | null> {
    const rows: { created_at: Date }[] = await m.query(
      `SELECT created_at FROM sell_out_reports WHERE agreement_id = $1 AND period_start = $2 AND file_sha256 = $3`,
      [agreementId, periodStart, sha256],
    );
    return rows[0]?.created_at ?? null;
  }

  /** The period's current report (not superseded), locked until the transaction ends so that a replacement sees it. */
  async current(m: EntityManager, agreementId: string, periodStart: string): Promise<{ id: string; file_name: string; created_at: Date } | null> {
    const rows: { id: string; file_name: string; created_at: Date }[] = await m.query(
      `SELECT id, file_name, created_at FROM sell_out_reports WHERE agreement_id = $1 AND period_start = $2 AND superseded_at IS NULL FOR UPDATE`,
      [agreementId, periodStart],
    );
    return rows[0] ?? null;
  }

  /**
   * Marks the period's current report (locked by `current`) superseded, before the replacing report is inserted: one
   * current report per period, by a partial unique index. Returns its id, or null when it was no longer current.
   */
  async supersede(m: EntityManager, id: string, at: Date): Promise<string | null> {
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, affected].
    const [rows]: [{ id: string }[], number] = await m.query(`UPDATE sell_out_reports SET superseded_at = $2 WHERE id = $1 AND superseded_at IS NULL RETURNING id`, [id, at]);
    return rows[0]?.id ?? null;
  }

  /** Names the report that replaced a superseded one. */
  async setSupersededBy(m: EntityManager, id: string, by: string): Promise<void> {
    await m.query(`UPDATE sell_out_reports SET superseded_by = $2 WHERE id = $1`, [id, by]);
  }

  /** Reports newest first, as `scope` sees them, with each report's total quantity and amount. */
  async page(
    q: { agreementId?: string; page: number; pageSize: number },
    scope: Scope,
    m: EntityManager = this.db.manager,
  ): Promise<{ rows: SellOutReportRow[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const scoped = scopeCondition(scope, 'r.partner_id', params);
    if (scoped) where.push(scoped);
    if (q.agreementId) where.push(`r.agreement_id = $${params.push(q.agreementId)}`);
    const [{ total }]: { total: number }[] = await m.query(`SELECT count(*)::int AS total FROM sell_out_reports r ${whereClause(where)}`, params);
    const rows: SellOutReportRow[] = await m.query(
      `SELECT r.*, COALESCE(t.quantity, 0)::bigint AS quantity, COALESCE(t.amount, 0)::numeric(18, 2)::text AS amount
         FROM sell_out_reports r
         LEFT JOIN LATERAL (SELECT sum(l.quantity) AS quantity, sum(l.amount) AS amount FROM sell_out_lines l WHERE l.report_id = r.id) t ON true
         ${whereClause(where)}
        ORDER BY r.created_at DESC, r.id
        ${pageClause(q, params)}`,
      params,
    );
    return { rows, total };
  }

  /** One report as `scope` sees it. */
  async one(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<SellOutReportRow | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'r.partner_id', params);
    const rows: SellOutReportRow[] = await m.query(
      `SELECT r.*, COALESCE(t.quantity, 0)::bigint AS quantity, COALESCE(t.amount, 0)::numeric(18, 2)::text AS amount
         FROM sell_out_reports r
         LEFT JOIN LATERAL (SELECT sum(l.quantity) AS quantity, sum(l.amount) AS amount FROM sell_out_lines l WHERE l.report_id = r.id) t ON true
        WHERE r.id = $1${scoped ? ` AND ${scoped}` : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * The rebate basis lines of each (agreement, period) asked for — sold within [start, end], both inclusive, lines of
   * current reports only (a superseded report's lines were replaced by its correction) — in one statement — the same request shape as the won basis
   * (RebateBasisRepository.wonBasis): `key` (default: the request's index) is echoed on each line for grouping.
   */
  async basisLinesFor(
    targets: readonly { key?: number; agreementId: string; start: string; end: string }[],
    m: EntityManager = this.db.manager,
  ): Promise<(SellOutBasisLine & { key: number })[]> {
    if (!targets.length) return [];
    const rows: { key: number; id: string; agreement_id: string; sold_on: string; amount: string; customer: string; product_id: string; product_line_id: string; quantity: number }[] = await m.query(
      `SELECT t.key, l.id, l.agreement_id, l.sold_on, l.amount::text AS amount, l.customer, l.product_id, p.product_line_id, l.quantity
         FROM unnest($1::int[], $2::uuid[], $3::date[], $4::date[]) AS t(key, agreement_id, start_on, end_on)
         JOIN sell_out_lines l ON l.agreement_id = t.agreement_id AND l.sold_on BETWEEN t.start_on AND t.end_on
         JOIN sell_out_reports r ON r.id = l.report_id AND r.superseded_at IS NULL
         JOIN products p ON p.id = l.product_id
        ORDER BY t.key, l.sold_on, l.id`,
      [targets.map((t, i) => t.key ?? i), targets.map((t) => t.agreementId), targets.map((t) => t.start), targets.map((t) => t.end)],
    );
    return rows.map((r) => ({ key: r.key, id: r.id, agreementId: r.agreement_id, soldOn: r.sold_on, amount: r.amount, customer: r.customer, productId: r.product_id, productLineId: r.product_line_id, quantity: r.quantity }));
  }

  /** Sell-out total (amount, lines) of each agreement within its own period (current reports only) — for performance pages. */
  async totalsFor(
    targets: readonly { agreementId: string; start: string; end: string }[],
    m: EntityManager = this.db.manager,
  ): Promise<Map<string, { amount: string; lines: number }>> {
    if (!targets.length) return new Map();
    const rows: { agreement_id: string; amount: string; lines: number }[] = await m.query(
      `SELECT t.agreement_id, COALESCE(sum(l.amount), 0)::text AS amount, count(l.id)::int AS lines
         FROM unnest($1::uuid[], $2::date[], $3::date[]) AS t(agreement_id, start_on, end_on)
         LEFT JOIN (sell_out_lines l JOIN sell_out_reports r ON r.id = l.report_id AND r.superseded_at IS NULL)
                ON l.agreement_id = t.agreement_id AND l.sold_on BETWEEN t.start_on AND t.end_on
        GROUP BY t.agreement_id`,
      [targets.map((t) => t.agreementId), targets.map((t) => t.start), targets.map((t) => t.end)],
    );
    return new Map(rows.map((r) => [r.agreement_id, { amount: r.amount, lines: r.lines }]));
  }
}
