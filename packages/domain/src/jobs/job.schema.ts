import { z } from 'zod';

/** The scheduled jobs the API runs (one pg-boss queue each). */
export const JOB_KINDS = ['registration-sweep', 'training-sweep', 'agreement-sweep', 'renewal-sweep', 'coverage-refresh'] as const;
export const JobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKindSchema>;

export const JOB_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export const JobRunStatusSchema = z.enum(JOB_RUN_STATUSES);
export type JobRunStatus = z.infer<typeof JobRunStatusSchema>;

const instant = z.iso.datetime({ offset: true });

/**
 * One run of a job. (kind, key) is unique: the key is the schedule slot ("2026-11-28T09:00+08:00") or a
 * "run now" key, so a redelivered job finds its row instead of making a second one.
 */
export const JobRunSchema = z.object({
  id: z.uuid(),
  kind: JobKindSchema,
  key: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  status: JobRunStatusSchema,
  queuedAt: instant,
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  processed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  cursor: z.string().nullable(),
  lastError: z.string().nullable(),
  instanceId: z.string().nullable(),
  attempt: z.number().int().nonnegative(),
  /** Who asked for a manual run (email), null for scheduled runs. */
  requestedBy: z.string().nullable(),
});
export type JobRun = z.infer<typeof JobRunSchema>;

/** A kind with its schedule and its latest run. */
export const JobSummarySchema = z.object({
  kind: JobKindSchema,
  /** Cron expression, evaluated in `timeZone`. */
  schedule: z.string(),
  timeZone: z.string(),
  /** False when this instance does not run jobs (JOBS_ENABLED=false). */
  enabled: z.boolean(),
  lastRun: JobRunSchema.nullable(),
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

export const JobListSchema = z.object({ items: z.array(JobSummarySchema) });
export type JobList = z.infer<typeof JobListSchema>;

export const JobRunQuerySchema = z.object({
  kind: JobKindSchema.optional(),
  status: JobRunStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobRunQuery = z.infer<typeof JobRunQuerySchema>;

export const JobRunListSchema = z.object({ items: z.array(JobRunSchema) });
export type JobRunList = z.infer<typeof JobRunListSchema>;

/** POST /operations/jobs/:kind/run. The same key from several clients or instances gives the same run. */
export const RunJobSchema = z.object({
  key: z
    .string()
    .regex(/^[\w.:-]{8,80}$/)
    .optional(),
});
export type RunJob = z.infer<typeof RunJobSchema>;

/** A run is active while queued or running (the Operations page refreshes while one is). */
export function isActiveRun(run: Pick<JobRun, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/** Share of the work done, 0..1, or null while the total is unknown. */
export function runProgress(run: Pick<JobRun, 'processed' | 'total' | 'status'>): number | null {
  if (run.status === 'succeeded') return 1;
  if (run.total === null || run.total === 0) return null;
  return Math.min(1, run.processed / run.total);
}
