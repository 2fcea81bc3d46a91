import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AgreementsService } from './agreements.service';

const EVERY_MS = 60 * 60 * 1000;

/** Expires agreements at their end date: at start-up, then hourly. Safe with several instances (SKIP LOCKED). */
@Injectable()
export class AgreementSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AgreementSweeper.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agreements: AgreementsService,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.JOBS_ENABLED) return;
    const run = () =>
      this.agreements
        .sweepExpired(new Date().toISOString().slice(0, 10))
        .then((ids) => ids.length && this.logger.log(`expired ${ids.length} agreement(s)`))
        .catch((err: Error) => this.logger.error(`expiry sweep failed: ${err.message}`));
    void run();
    this.timer = setInterval(run, EVERY_MS);
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }
}
