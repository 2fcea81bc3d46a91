import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CertificationsService } from './certifications.service';
import { QualificationService } from './qualification.service';

/** Certification reminders and expiry notices, qualification-review scheduling and overdue flags: at start-up, then hourly. */
@Injectable()
export class TrainingSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TrainingSweeper.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly certifications: CertificationsService,
    private readonly qualification: QualificationService,
  ) {}

  async run(day = new Date().toISOString().slice(0, 10)) {
    const certs = await this.certifications.sweep(day);
    const reviews = await this.qualification.sweep(day);
    return { ...certs, scheduled: reviews.scheduled, overdue: reviews.overdue };
  }

  onApplicationBootstrap() {
    if (!this.config.JOBS_ENABLED) return;
    const tick = () =>
      this.run()
        .then((r) => Object.values(r).some(Boolean) && this.logger.log(`certifications: reminded ${r.reminded}, expired ${r.expired}; reviews: scheduled ${r.scheduled}, overdue ${r.overdue}`))
        .catch((err: Error) => this.logger.error(`training sweep failed: ${err.message}`));
    void tick();
    this.timer = setInterval(tick, 60 * 60 * 1000);
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }
}
