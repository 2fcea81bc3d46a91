import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobList, JobRun, JobRunQuery } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { manualKey } from '../../common/jobs/job-slot';
import { businessTimeZone } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { JobRunner } from './job-runner';
import { JobRunsRepository } from './job-runs.repository';

/** The Operations page: scheduled jobs, their runs, "run now". */
@Injectable()
export class OperationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: JobRunner,
    private readonly runs: JobRunsRepository,
    private readonly audit: AuditService,
  ) {}

  async jobs(): Promise<JobList> {
    const latest = await this.runs.latestByKind();
    return {
      items: this.runner.kinds().map((kind) => ({
        kind,
        schedule: this.runner.scheduleOf(kind),
        timeZone: businessTimeZone(),
        enabled: this.runner.enabled,
        lastRun: latest.get(kind) ?? null,
      })),
    };
  }

  runsOf(query: JobRunQuery): Promise<JobRun[]> {
    return this.runs.list(query);
  }

  /**
   * Queues a run now. The same key (e.g. a retried click, or the same request reaching two instances) gives
   * the same run: only the caller that recorded it queues it with pg-boss.
   */
  async runNow(kind: string, clientKey: string | undefined, user: AuthenticatedUser): Promise<JobRun> {
    if (!this.runner.has(kind)) throw new AppError('JOB_KIND_UNKNOWN', { kind });
    const key = manualKey(clientKey ?? randomUUID());
    const created = await this.db.transaction(async (m) => {
      const run = await this.runs.enqueue({ kind, key, trigger: 'manual', requestedBy: user.email }, m);
      if (run) await this.audit.record(m, { entity: 'job_run', entityId: run.id, action: 'run_now', after: { kind, key } });
      return run;
    });
    if (!created) return (await this.runs.find(kind, key))!;
    try {
      await this.runner.send(kind, key, 'manual');
    } catch {
      await this.runs.finish(created.id, { status: 'failed', error: 'could not be queued' });
      throw new AppError('JOB_RUNNER_UNAVAILABLE');
    }
    return created;
  }
}
