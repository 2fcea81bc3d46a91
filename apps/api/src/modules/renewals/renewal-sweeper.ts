import { Inject, Injectable } from '@nestjs/common';
import { HourlyJob, type SweepContext } from '../../common/jobs/hourly-job';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { RenewalDecisionsService } from './renewal-decisions.service';
import { RenewalsService } from './renewals.service';

/**
 * Renewal reviews (issue #15), hourly for the business day: opens the reviews of active agreements ending within
 * `renewals.openDaysBeforeEnd` (once per agreement, however many instances sweep at once), escalates open reviews past
 * their decide-by date once, and refreshes the cached recommendation of open reviews — in bounded batches, reporting
 * progress after each.
 */
@Injectable()
export class RenewalSweeper extends HourlyJob {
  protected readonly jobName = RenewalSweeper.name;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly renewals: RenewalsService,
    private readonly decisions: RenewalDecisionsService,
  ) {
    super(config.JOBS_ENABLED);
  }

  protected async sweep(ctx: SweepContext) {
    // One running count over the three steps: agreements looked at, reviews escalated, open reviews refreshed.
    let processed = 0;
    const from = (base: number) => (n: number) => ctx.progress((processed = base + n), null);
    const opened = await this.renewals.openDue(ctx.day, from(processed));
    const escalated = await this.renewals.escalateOverdue(ctx.day, from(processed));
    await this.renewals.refreshOpen(from(processed));
    // Terminations whose agreement ended before today: deposit, partner status, registrations (ADR 0018), once each.
    const applied = await this.decisions.applyDueEffects(ctx.day);
    await ctx.progress(processed, processed);
    const done = [opened.length ? `opened ${opened.length} renewal review(s)` : '', escalated ? `escalated ${escalated} overdue review(s)` : '', applied ? `applied ${applied} termination(s)` : ''].filter(Boolean);
    return done.length ? done.join(', ') : null;
  }
}
