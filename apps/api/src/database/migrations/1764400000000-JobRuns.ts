import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable jobs (issue #10): one row per run of a scheduled or manual job. pg-boss (its own schema `pgboss`,
 * created by pg-boss itself) delivers at least once; UNIQUE (kind, key) makes a redelivered job find its run
 * instead of starting a second one, and `cursor` lets a retried run resume where it stopped.
 */
export class JobRuns1764400000000 implements MigrationInterface {
  name = 'JobRuns1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        key text NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
        total integer CHECK (total >= 0),
        cursor text,
        last_error text,
        instance_id text,
        attempt integer NOT NULL DEFAULT 0 CHECK (attempt >= 0),
        requested_by text,
        UNIQUE (kind, key)
      )`);
    // The Operations page lists recent runs, newest first, optionally of one kind.
    await q.query(`CREATE INDEX job_runs_recent ON job_runs (queued_at DESC)`);
    await q.query(`CREATE INDEX job_runs_kind_recent ON job_runs (kind, queued_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_runs`);
  }
}
