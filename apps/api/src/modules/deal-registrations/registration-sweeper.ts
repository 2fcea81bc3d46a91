import { Inject, Injectable } from '@nestjs/common';
import { HourlyJob, type SweepContext } from '../../common/jobs/hourly-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DealRegistrationsService } from './deal-registrations.service';

/** Protection expiry, reminders and SLA escalation, in bounded batches. Several instances are safe (SKIP LOCKED, reminders recorded once). */
@Injectable()
export class RegistrationSweeper extends HourlyJob {
  protected readonly jobName = RegistrationSweeper.name;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly registrations: DealRegistrationsService,
  ) {
    super(config.JOBS_ENABLED);
  }

  protected async sweep(ctx: SweepContext) {
    const r = await this.registrations.sweep(ctx.day, (processed, total) => ctx.progress(processed, total));
    return r.expired.length || r.reminded || r.escalated ? `expired ${r.expired.length}, reminded ${r.reminded}, escalated ${r.escalated}` : null;
  }
}
