import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DealRegistrationsService } from './deal-registrations.service';

/** Protection expiry and reminders: at start-up, then hourly. Several instances are safe (SKIP LOCKED, idempotent reminders). */
@Injectable()
export class RegistrationSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RegistrationSweeper.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registrations: DealRegistrationsService,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.JOBS_ENABLED) return;
    const run = () =>
      this.registrations
        .sweep(new Date().toISOString().slice(0, 10))
        .then((r) => (r.expired.length || r.reminded) && this.logger.log(`expired ${r.expired.length}, reminded ${r.reminded}`))
        .catch((err: Error) => this.logger.error(`registration sweep failed: ${err.message}`));
    void run();
    this.timer = setInterval(run, 60 * 60 * 1000);
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }
}
