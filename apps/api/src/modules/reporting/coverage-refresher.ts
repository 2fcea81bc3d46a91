import { Inject, Injectable } from '@nestjs/common';
import { type JobKind, JobKindSchema } from '@partnerline/domain';
import { HourlyJob, type SweepContext } from '../../common/jobs/hourly-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CoverageService } from './coverage.service';

/**
 * Refreshes the leadership view's materialized views every minute (ADR 0019: data at most ~60 s old), through the job
 * runner: a singleton pg-boss queue, one job_runs row per minute slot. `REFRESH … CONCURRENTLY` keeps readers reading
 * the previous contents meanwhile. Where jobs are disabled (the embedded database) the service refreshes on read when
 * the views are older than a minute.
 */
@Injectable()
export class CoverageRefresher extends HourlyJob {
  protected readonly jobName = CoverageRefresher.name;
  override readonly schedule = '* * * * *';

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly coverage: CoverageService,
  ) {
    super(config.JOBS_ENABLED);
  }

  override get kind(): JobKind {
    return JobKindSchema.parse('coverage-refresh');
  }

  protected async sweep(ctx: SweepContext) {
    await this.coverage.refresh();
    await ctx.progress(1, 1);
    return null;
  }
}
