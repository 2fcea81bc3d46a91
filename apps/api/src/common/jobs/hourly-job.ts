import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { todayIso } from '../time';

const EVERY_MS = 60 * 60 * 1000;

/**
 * A scheduled sweep: runs at start-up, then hourly, unless jobs are disabled on this instance (JOBS_ENABLED=false).
 * Sweeps must be safe with several instances running (claim rows with SKIP LOCKED, record what was sent).
 */
export abstract class HourlyJob implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  protected abstract readonly jobName: string;

  protected constructor(private readonly enabled: boolean) {}

  /** One run for the given day (UTC); returns a line to log when something happened. */
  protected abstract sweep(day: string): Promise<string | null>;

  onApplicationBootstrap() {
    if (!this.enabled) return;
    const logger = new Logger(this.jobName);
    const run = () =>
      this.sweep(todayIso())
        .then((line) => line && logger.log(line))
        .catch((err: Error) => logger.error(`sweep failed: ${err.message}`));
    void run();
    this.timer = setInterval(run, EVERY_MS);
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }
}
