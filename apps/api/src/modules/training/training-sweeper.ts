import { Inject, Injectable } from '@nestjs/common';
import { HourlyJob, type SweepContext } from '../../common/jobs/hourly-job';
import { todayIso } from '../../common/time';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CertificationsService } from './certifications.service';
import { QualificationService } from './qualification.service';

/** Certificate reminders and expiry notices; qualification-review scheduling and overdue flags. */
@Injectable()
export class TrainingSweeper extends HourlyJob {
  protected readonly jobName = TrainingSweeper.name;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly certifications: CertificationsService,
    private readonly qualification: QualificationService,
  ) {
    super(config.JOBS_ENABLED);
  }

  async run(day = todayIso()) {
    const certs = await this.certifications.sweep(day);
    const reviews = await this.qualification.sweep(day);
    return { ...certs, scheduled: reviews.scheduled, overdue: reviews.overdue };
  }

  protected async sweep({ day }: SweepContext) {
    const r = await this.run(day);
    return Object.values(r).some(Boolean) ? `certificates: reminded ${r.reminded}, expired ${r.expired}; reviews: scheduled ${r.scheduled}, overdue ${r.overdue}` : null;
  }
}
