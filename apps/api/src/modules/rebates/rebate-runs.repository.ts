import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface RunRow {
  id: string;
  period: string;
  period_start: string;
  period_end: string;
  as_of: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  total: number;
  done: number;
  errors: number;
  error_details: { agreementId: string; code: string; message?: string }[];
  cursor: string | null;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  locked_count: number;
  diff: DiffEntry[];
  started_by: string;
  started_by_name: string;
  created_at: Date;
  started_at: Date | null;
  heartbeat_at: Date | null;
  finished_at: Date | null;
}

export interface DiffEntry {
  partnerId: string;
  partnerName: string;
  before: string | null;
  after: string;
}

export interface BatchOutcome {
  cursor: string;
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  locked: number;
  errors: { agreementId: string; code: string; message?: string }[];
  diff: DiffEntry[];
}

const SELECT = `SELECT r.id, r.period, r.period_start::text, r.period_end::text, r.as_of::text, r.status, r.total, r.done, r.errors, r.error_details,
  r.cursor, r.created_count, r.updated_count, r.unchanged_count, r.locked_count, r.diff, r.started_by, coalesce(u.display_name, u.email) AS started_by_name,
  r.created_at, r.started_at, r.heartbeat_at, r.finished_at
  FROM rebate_runs r JOIN users u ON u.id = r.started_by`;

/** rebate_runs: one row per run, its progress, resume cursor and diff. The only SQL of runs. */
@Injectable()
export class RebateRunsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The active (queued or running) run whose period overlaps [start, end], if any — under a transaction-level lock
   * taken first, so two starts cannot both find none and both insert ('2026-Q4' beside '2026-H2' or '2026').
   */
  async lockActiveOverlapping(m: EntityManager, start: string, end: string): Promise<{ id: string; period: string } | null> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('rebate-runs:start', 0))`);
    const [row] = await m.query(
      `SELECT id, period FROM rebate_runs WHERE status IN ('queued', 'running') AND period_start <= $2::date AND period_end >= $1::date ORDER BY created_at LIMIT 1`,
      [start, end],
    );
    return row ?? null;
  }

  /** Inserts a queued run; the partial unique index refuses a second active run of the period (23505). */
  async insert(m: EntityManager, run: { period: string; start: string; end: string; asOf: string; startedBy: string }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO rebate_runs (period, period_start, period_end, as_of, status, started_by) VALUES ($1, $2, $3, $4, 'queued', $5) RETURNING id`,
      [run.period, run.start, run.end, run.asOf, run.startedBy],
    );
    return row.id;
  }

  async find(id: string, m: EntityManager = this.db.manager): Promise<RunRow | null> {
    const rows: RunRow[] = await m.query(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(period: string | undefined, limit: number): Promise<RunRow[]> {
    return this.db.query(`${SELECT} WHERE ($1::text IS NULL OR r.period = $1) ORDER BY r.created_at DESC, r.id DESC LIMIT $2`, [period ?? null, limit]);
  }

  /** Runs that were queued or cut short (an instance stopped): resumed at start-up. */
  async unfinished(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM rebate_runs WHERE status IN ('queued', 'running') ORDER BY created_at`);
    return rows.map((r) => r.id);
  }

  /** Takes a queued run, or resumes a running one (a redelivery); null when it already finished. */
  async start(id: string): Promise<RunRow | null> {
    const rows: { id: string }[] = await this.db.query(
      `UPDATE rebate_runs SET status = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now()
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return rows.length ? this.find(id) : null;
  }

  async setTotal(id: string, total: number): Promise<void> {
    await this.db.query(`UPDATE rebate_runs SET total = $2, heartbeat_at = now() WHERE id = $1 AND cursor IS NULL AND done = 0`, [id, total]);
  }

  /**
   * Locks the run's row for one batch: the batch reads the cursor under this lock and moves it in the same
   * transaction, so two executors of one run (a redelivery racing a resume) take turns and never do a batch twice.
   */
  async lockForBatch(m: EntityManager, id: string): Promise<Pick<RunRow, 'status' | 'cursor'> | null> {
    const rows = await m.query(`SELECT status, cursor FROM rebate_runs WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async relaxCommit(m: EntityManager): Promise<void> {
    await m.query(`SET LOCAL synchronous_commit = off`);
  }

  async recordBatch(m: EntityManager, id: string, b: BatchOutcome): Promise<void> {
    await m.query(
      `UPDATE rebate_runs SET cursor = $2, done = done + $3, created_count = created_count + $4, updated_count = updated_count + $5,
              unchanged_count = unchanged_count + $6, locked_count = locked_count + $7, errors = errors + $8,
              error_details = CASE WHEN jsonb_array_length(error_details) < 200 THEN error_details || $9::jsonb ELSE error_details END,
              diff = diff || $10::jsonb, heartbeat_at = now()
        WHERE id = $1`,
      [id, b.cursor, b.done, b.created, b.updated, b.unchanged, b.locked, b.errors.length, JSON.stringify(b.errors), JSON.stringify(b.diff)],
    );
  }

  /**
   * Succeeds the run: the per-batch diff rows are merged per partner and the 200 largest changes kept (set-based, in
   * the database); `done` becomes the total.
   */
  async succeed(id: string): Promise<void> {
    await this.db.query(
      `UPDATE rebate_runs r SET status = 'succeeded', finished_at = now(), heartbeat_at = now(), total = greatest(r.total, r.done), done = greatest(r.total, r.done),
              diff = coalesce((
                SELECT jsonb_agg(jsonb_build_object('partnerId', d."partnerId", 'partnerName', d."partnerName", 'before', d.before, 'after', d.after)
                                 ORDER BY abs(d.after::numeric - coalesce(d.before::numeric, 0)) DESC, d."partnerName")
                  FROM (SELECT x."partnerId", max(x."partnerName") AS "partnerName",
                               CASE WHEN bool_and(x.before IS NULL) THEN NULL ELSE sum(coalesce(x.before::numeric, 0))::text END AS before,
                               sum(x.after::numeric)::text AS after
                          FROM jsonb_to_recordset(r.diff) AS x("partnerId" text, "partnerName" text, before text, after text)
                         GROUP BY x."partnerId"
                         ORDER BY abs(sum(x.after::numeric) - sum(coalesce(x.before::numeric, 0))) DESC, max(x."partnerName") LIMIT 200) d), '[]'::jsonb)
        WHERE id = $1 AND status = 'running'`,
      [id],
    );
  }

  /** Fails the run; the cause is logged, never shown (it may carry database text). */
  async fail(id: string): Promise<void> {
    await this.db.query(
      `UPDATE rebate_runs SET status = 'failed', finished_at = now(), error_details = error_details || jsonb_build_array(jsonb_build_object('agreementId', '', 'code', 'REBATE_RUN_FAILED'))
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [id],
    );
  }
}
