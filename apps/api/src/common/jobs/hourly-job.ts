import { type JobKind, JobKindSchema } from '@partnerline/domain';

/** What a sweep is handed for one run: the business day, progress reporting and where to resume. */
export interface SweepContext {
  /** The business date (policy time zone) the run works for. */
  day: string;
  /** Where an interrupted run stopped (opaque to the runner), or null for a fresh run. */
  cursor: string | null;
  /**
   * Records progress after a batch: processed so far, the total when known, and the cursor to resume from.
   * A short autocommit update of the run's row: call it between batches, never inside a transaction
   * (the embedded database is one session).
   */
  progress(processed: number, total?: number | null, cursor?: string | null): Promise<void>;
}

/** Every scheduled job runs hourly unless JOBS_CRON_OVERRIDE says otherwise. */
export const HOURLY = '0 * * * *';

/**
 * A scheduled sweep. The job runner (modules/operations/job-runner.ts) finds every HourlyJob, gives it a
 * pg-boss queue and an hourly cron schedule that fires once across all API instances, records each run in
 * `job_runs` (unique per kind and schedule slot) and calls `sweep` with a context. Nothing runs on an
 * instance started with JOBS_ENABLED=false. Sweeps must be idempotent (delivery is at least once) and work
 * in bounded batches with short transactions, reporting progress after each batch.
 */
export abstract class HourlyJob {
  protected abstract readonly jobName: string;
  /** The cron expression of this job, in the business time zone. */
  readonly schedule: string = HOURLY;

  /** `enabled` is kept for the subclasses' constructors; the runner reads JOBS_ENABLED itself. */
  protected constructor(readonly enabled: boolean) {}

  /** One run; returns a line to log when something happened. */
  protected abstract sweep(ctx: SweepContext): Promise<string | null>;

  /** The job's stable name in queues, job_runs and the Operations page: RegistrationSweeper → registration-sweep. */
  get kind(): JobKind {
    const base = this.jobName
      .replace(/Sweeper$/, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase();
    return JobKindSchema.parse(`${base}-sweep`);
  }

  /** Called by the job runner only. */
  execute(ctx: SweepContext): Promise<string | null> {
    return this.sweep(ctx);
  }
}
