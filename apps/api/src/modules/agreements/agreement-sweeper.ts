import { Inject, Injectable } from '@nestjs/common';
import { HourlyJob, type SweepContext } from '../../common/jobs/hourly-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AgreementsService } from './agreements.service';

/** Terminates agreements on their termination's effective date and expires agreements at their end date, in short batches reporting progress. Safe with several instances (SKIP LOCKED). */
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
    const terminated = await this.agreements.sweepTerminations(ctx.day);
    const ids = await this.agreements.sweepExpired(ctx.day, (processed, total) => ctx.progress(processed, total));
    const done = [ids.length ? `expired ${ids.length} agreement(s)` : '', terminated.length ? `terminated ${terminated.length} agreement(s)` : ''].filter(Boolean);
    return done.length ? done.join(', ') : null;
  }
}
