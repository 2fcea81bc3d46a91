import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { businessToday } from '../time';

const EVERY_MS = 60 * 60 * 1000;

/** What a sweep is handed for one run: the business day, progress reporting and where to resume. */
export interface SweepContext {
  /** The business date (policy time zone) the run works for. */
  day: string;
  /** Where an interrupted run stopped (opaque to the runner), or null for a fresh run. */
  cursor: string | null;
  /** Records progress after a batch: processed so far, the total when known, and the cursor to resume from. */
  progress(processed: number, total?: number | null, cursor?: string | null): Promise<void>;
}

/**
 * A scheduled sweep: runs at start-up, then hourly, unless jobs are disabled on this instance (JOBS_ENABLED=false).
 * Sweeps must be safe with several instances running (claim rows with SKIP LOCKED, record what was sent) and
 * work in bounded batches with short transactions, reporting progress after each batch.
 */
export abstract class HourlyJob implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  protected abstract readonly jobName: string;

  protected constructor(private readonly enabled: boolean) {}

  /** One run; returns a line to log when something happened. */
  protected abstract sweep(ctx: SweepContext): Promise<string | null>;

  onApplicationBootstrap() {
    if (!this.enabled) return;
    const logger = new Logger(this.jobName);
    const run = () =>
      this.sweep({ day: businessToday(), cursor: null, progress: async () => {} })
        .then((line) => line && logger.log(line))
        .catch((err: Error) => logger.error(`sweep failed: ${err.message}`));
    void run();
    this.timer = setInterval(run, EVERY_MS);
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }
}
