import { Inject, Injectable } from '@nestjs/common';
import { HourlyJob, type SweepContext } from '../../common/jobs/hourly-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AgreementsService } from './agreements.service';

/** Expires agreements at their end date, in short batches reporting progress. Safe with several instances (SKIP LOCKED). */
@Injectable()
export class AgreementSweeper extends HourlyJob {
  protected readonly jobName = AgreementSweeper.name;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly agreements: AgreementsService,
  ) {
    super(config.JOBS_ENABLED);
  }

  protected async sweep(ctx: SweepContext) {
    const ids = await this.agreements.sweepExpired(ctx.day, (processed, total) => ctx.progress(processed, total));
    return ids.length ? `expired ${ids.length} agreement(s)` : null;
  }
}
