import { describe, expect, it } from 'vitest';
import { isActiveRun, RunJobSchema, runProgress } from './job.schema.js';

describe('job runs', () => {
  it('shares of work: unknown without a total, complete when succeeded', () => {
    expect(runProgress({ processed: 3, total: null, status: 'running' })).toBeNull();
    expect(runProgress({ processed: 25, total: 100, status: 'running' })).toBe(0.25);
    expect(runProgress({ processed: 0, total: 0, status: 'succeeded' })).toBe(1);
  });

  it('a run is active while queued or running', () => {
    expect(isActiveRun({ status: 'queued' })).toBe(true);
    expect(isActiveRun({ status: 'running' })).toBe(true);
    expect(isActiveRun({ status: 'failed' })).toBe(false);
  });

  it('run-now keys are short and plain', () => {
    expect(RunJobSchema.safeParse({ key: 'manual:7f1c2d3e' }).success).toBe(true);
    expect(RunJobSchema.safeParse({ key: 'x' }).success).toBe(false);
    expect(RunJobSchema.safeParse({ key: "a'; drop table job_runs; --" }).success).toBe(false);
  });
});
