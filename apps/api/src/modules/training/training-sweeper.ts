import { Inject, Injectable } from '@nestjs/common';
import { HourlyJob, type SweepContext } from '../../common/jobs/hourly-job';
import { businessToday } from '../../common/time';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CertificationsService, type SweepProgress } from './certifications.service';
import { QualificationService } from './qualification.service';

/**
 * Certificate reminders and expiry notices; qualification-review scheduling and overdue flags.
 * Each part works in bounded batches with one short transaction per batch and reports progress after each;
 * every part is idempotent (what was sent is recorded on the row), so a re-run after an interruption repeats nothing.
 */
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

  /** One run for a business day; `progress` hears the running count over both parts (certificates, then reviews). */
  async run(day = businessToday(), progress: SweepProgress = async () => {}, cursor: string | null = null) {
    // A run cut short in the review part resumes there: the certificate part had finished.
    const skipCertificates = cursor?.startsWith('reviews:') ?? false;
    const certs = skipCertificates ? { reminded: 0, expired: 0, processed: 0 } : await this.certifications.sweep(day, progress, cursor);
    const offset = certs.processed;
    const reviews = await this.qualification.sweep(
      day,
      (processed, total, next) => progress(offset + processed, total === null ? null : offset + total, next),
      skipCertificates ? cursor : null,
    );
    return { reminded: certs.reminded, expired: certs.expired, scheduled: reviews.scheduled, overdue: reviews.overdue };
  }

  protected async sweep(ctx: SweepContext) {
    const r = await this.run(ctx.day, (processed, total, cursor) => ctx.progress(processed, total, cursor), ctx.cursor);
    return Object.values(r).some(Boolean)
      ? `certificates: reminded ${r.reminded}, expired ${r.expired}; reviews: scheduled ${r.scheduled}, overdue ${r.overdue}`
      : null;
  }
}
