import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobKind, JobRun, JobRunQuery } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';

interface JobRunRow {
  id: string;
  kind: JobKind;
  key: string;
  trigger: JobRun['trigger'];
  status: JobRun['status'];
  queued_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  processed: number;
  total: number | null;
  cursor: string | null;
  last_error: string | null;
  instance_id: string | null;
  attempt: number;
  requested_by: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toRun(r: JobRunRow): JobRun {
  return {
    id: r.id,
    kind: r.kind,
    key: r.key,
    trigger: r.trigger,
    status: r.status,
    queuedAt: r.queued_at.toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    processed: r.processed,
    total: r.total,
    cursor: r.cursor,
    lastError: r.last_error,
    instanceId: r.instance_id,
    attempt: r.attempt,
    requestedBy: r.requested_by,
  };
}

/** The job_runs table (owned by the operations module). Every statement is a short autocommit one. */
@Injectable()
export class JobRunsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records a run as queued; null when (kind, key) already has one (someone else queued it first). */
  async enqueue(
    run: { kind: JobKind; key: string; trigger: JobRun['trigger']; requestedBy: string | null },
    manager: EntityManager = this.db.manager,
  ): Promise<JobRun | null> {
    const rows: JobRunRow[] = await manager.query(
      `INSERT INTO job_runs (kind, key, trigger, requested_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, key) DO NOTHING RETURNING *`,
      [run.kind, run.key, run.trigger, run.requestedBy],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  async find(kind: JobKind, key: string): Promise<JobRun | null> {
    const rows: JobRunRow[] = await this.db.query(`SELECT * FROM job_runs WHERE kind = $1 AND key = $2`, [kind, key]);
    return rows[0] ? toRun(rows[0]) : null;
  }

  /**
   * Takes the run for this delivery: creates it, or takes over a queued one, a failed one being retried, or a
   * running one whose instance was lost (pg-boss only redelivers after expiry, and its singleton queue never
   * has two active jobs of one kind). A finished run is never taken again: null means "already done".
   */
  async claim(kind: JobKind, key: string, trigger: JobRun['trigger'], instanceId: string): Promise<JobRun | null> {
    const rows: JobRunRow[] = await this.db.query(
      `INSERT INTO job_runs AS r (kind, key, trigger, status, started_at, instance_id, attempt)
       VALUES ($1, $2, $3, 'running', now(), $4, 1)
       ON CONFLICT (kind, key) DO UPDATE
          SET status = 'running', started_at = coalesce(r.started_at, now()), finished_at = NULL, last_error = NULL,
              instance_id = EXCLUDED.instance_id, attempt = r.attempt + 1
        WHERE r.status <> 'succeeded'
       RETURNING *`,
      [kind, key, trigger, instanceId],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  async progress(id: string, processed: number, total: number | null | undefined, cursor: string | null | undefined): Promise<void> {
    await this.db.query(
      `UPDATE job_runs SET processed = $2,
              total = CASE WHEN $3::boolean THEN $4::integer ELSE total END,
              cursor = CASE WHEN $5::boolean THEN $6::text ELSE cursor END
        WHERE id = $1`,
      [id, Math.max(0, Math.trunc(processed)), total !== undefined, total ?? null, cursor !== undefined, cursor ?? null],
    );
  }

  async finish(id: string, outcome: { status: 'succeeded' } | { status: 'failed'; error: string }): Promise<void> {
    await this.db.query(
      `UPDATE job_runs SET status = $2, finished_at = now(), last_error = $3,
              processed = CASE WHEN $2 = 'succeeded' THEN greatest(processed, coalesce(total, 0)) ELSE processed END
        WHERE id = $1`,
      [id, outcome.status, outcome.status === 'failed' ? outcome.error.slice(0, 2000) : null],
    );
  }

  async list(query: JobRunQuery): Promise<JobRun[]> {
    const rows: JobRunRow[] = await this.db.query(
      `SELECT * FROM job_runs
        WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2)
        ORDER BY queued_at DESC, id DESC LIMIT $3`,
      [query.kind ?? null, query.status ?? null, query.limit],
    );
    return rows.map(toRun);
  }

  /** The latest run of each kind. */
  async latestByKind(): Promise<Map<JobKind, JobRun>> {
    const rows: JobRunRow[] = await this.db.query(`SELECT DISTINCT ON (kind) * FROM job_runs ORDER BY kind, queued_at DESC, id DESC`);
    return new Map(rows.map((r) => [r.kind, toRun(r)]));
  }
}
