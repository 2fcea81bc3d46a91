import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobKind, JobRun } from '@partnerline/domain';
import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import { HourlyJob } from '../../common/jobs/hourly-job';
import { scheduleSlot } from '../../common/jobs/job-slot';
import { businessNow, businessTimeZone, businessToday } from '../../common/time';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobRunsRepository } from './job-runs.repository';

/** What a queued pg-boss job carries. Cron jobs carry only the kind: their key is the slot they were created in. */
interface JobData {
  kind: JobKind;
  key?: string;
  trigger?: JobRun['trigger'];
}

/** A lost delivery (instance killed) or a failed one is tried again this many times. */
const RETRY_LIMIT = 3;
const RETRY_DELAY_SECONDS = 10;

/**
 * Runs the scheduled jobs on pg-boss. Each job kind is a pg-boss queue with the `singleton` policy (never two
 * active jobs of one kind across all instances) and a cron schedule that pg-boss fires once across instances.
 * Delivery is at least once, so every run is a row of job_runs unique by (kind, key): a redelivered job finds
 * its row, resumes from its cursor if it was cut short, and does nothing if it already succeeded.
 *
 * With JOBS_ENABLED=false the instance schedules and runs nothing; it starts pg-boss only to queue a "run now"
 * (which an instance with jobs enabled then runs).
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  readonly instanceId = `${hostname()}:${process.pid}`;
  private readonly jobs = new Map<JobKind, HourlyJob>();
  /** On-demand jobs keyed by their own record (a rebate run): a pg-boss queue each, no schedule, no job_runs row. */
  private readonly onDemand = new Map<string, (key: string) => Promise<void>>();
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly runs: JobRunsRepository,
  ) {}

  get enabled(): boolean {
    return this.config.JOBS_ENABLED;
  }

  kinds(): JobKind[] {
    return [...this.jobs.keys()].sort();
  }

  has(kind: string): kind is JobKind {
    return this.jobs.has(kind as JobKind);
  }

  scheduleOf(kind: JobKind): string {
    return this.config.JOBS_CRON_OVERRIDE ?? this.jobs.get(kind)?.schedule ?? '0 * * * *';
  }

  async onApplicationBootstrap() {
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.instance instanceof HourlyJob) this.jobs.set(wrapper.instance.kind, wrapper.instance);
    }
    if (!this.enabled) return;
    const boss = await this.start(true);
    for (const [queue, handler] of this.onDemand) {
      await boss.work<{ key: string }>(queue, { batchSize: 1 }, async ([job]) => {
        if (job) await handler(job.data.key);
      });
    }
    const timeZone = businessTimeZone();
    for (const kind of this.kinds()) {
      await boss.schedule(kind, this.scheduleOf(kind), { kind }, { tz: timeZone });
      await boss.work<JobData>(kind, { includeMetadata: true, batchSize: 1 }, async ([job]) => {
        if (job) await this.handle(job.data, job.createdOn);
      });
    }
    // Catch up at start-up as the in-process timers did: the current slot's run, unless it is already there.
    for (const kind of this.kinds()) {
      const key = scheduleSlot(this.scheduleOf(kind), timeZone, businessNow());
      const run = await this.runs.enqueue({ kind, key, trigger: 'schedule', requestedBy: null });
      if (run) await boss.send(kind, { kind, key, trigger: 'schedule' } satisfies JobData);
    }
    this.logger.log(
      `jobs scheduled on ${this.instanceId}: ${this.kinds()
        .map((k) => `${k} (${this.scheduleOf(k)})`)
        .join(', ')}`,
    );
  }

  async onApplicationShutdown() {
    const boss = this.boss;
    this.boss = null;
    this.starting = null;
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => undefined);
  }

  /**
   * Registers an on-demand job (call it from a provider's onModuleInit). Its record (e.g. rebate_runs) carries status,
   * cursor and progress, and the handler must be idempotent and resumable: delivery is at least once.
   */
  registerOnDemand(queue: string, handler: (key: string) => Promise<void>): void {
    this.onDemand.set(queue, handler);
  }

  /**
   * Runs an on-demand job: queued with pg-boss (retried after a lost delivery) where jobs are enabled; with
   * JOBS_ENABLED=false (a single instance, the embedded database) in this process, after the caller's response.
   */
  async sendOnDemand(queue: string, key: string): Promise<void> {
    const handler = this.onDemand.get(queue);
    if (!handler) throw new Error(`unknown on-demand job ${queue}`);
    if (!this.enabled) {
      setImmediate(() => handler(key).catch((err: unknown) => this.logger.error(`${queue} ${key} failed: ${err instanceof Error ? err.message : String(err)}`)));
      return;
    }
    const boss = await this.start(true);
    // No singleton key: a resume at start-up must not wait for a lost delivery to expire; executors of one run take turns.
    await boss.send(queue, { key });
  }

  /** Queues a run (already recorded in job_runs) with pg-boss; starts a send-only pg-boss when jobs are disabled here. */
  async send(kind: JobKind, key: string, trigger: JobRun['trigger']): Promise<void> {
    const boss = await this.start(this.enabled);
    await boss.send(kind, { kind, key, trigger } satisfies JobData);
  }

  private start(worker: boolean): Promise<PgBoss> {
    if (this.boss) return Promise.resolve(this.boss);
    this.starting ??= this.createBoss(worker).catch((err: unknown) => {
      this.starting = null;
      throw err;
    });
    return this.starting;
  }

  private async createBoss(worker: boolean): Promise<PgBoss> {
    const url = (this.db.options as { url?: string }).url;
    const boss = new PgBoss({
      connectionString: url,
      application_name: 'partnerline-jobs',
      // The embedded database is one session: keep to a couple of sockets; pg-boss never holds a transaction open.
      max: this.config.embeddedDatabase ? 2 : 4,
      schedule: worker,
      supervise: worker,
      cronMonitorIntervalSeconds: 10,
      cronWorkerIntervalSeconds: 5,
      maintenanceIntervalSeconds: this.config.JOBS_MAINTENANCE_SECONDS,
    });
    boss.on('error', (err: Error) => this.logger.error(`pg-boss: ${err.message}`));
    await boss.start();
    // Each queue created (when missing) and given these options.
    const ensureQueue = async (name: string, policy: PgBoss.Queue['policy']) => {
      const options: PgBoss.Queue = { name, policy, retryLimit: RETRY_LIMIT, retryDelay: RETRY_DELAY_SECONDS, expireInSeconds: this.config.JOBS_EXPIRE_SECONDS };
      await boss.createQueue(name, options);
      await boss.updateQueue(name, options);
    };
    for (const kind of this.kinds()) await ensureQueue(kind, 'singleton');
    for (const queue of this.onDemand.keys()) await ensureQueue(queue, 'standard');
    this.boss = boss;
    return boss;
  }

  /** One delivery of a job: take its run, sweep, record the outcome. Throws on failure so pg-boss retries. */
  async handle(data: JobData, createdOn: Date): Promise<JobRun | null> {
    const job = this.jobs.get(data.kind);
    if (!job) throw new Error(`unknown job kind ${data.kind}`);
    const trigger = data.trigger ?? 'schedule';
    const key = data.key ?? scheduleSlot(this.scheduleOf(data.kind), businessTimeZone(), createdOn);
    const run = await this.runs.claim(data.kind, key, trigger, this.instanceId);
    if (!run) {
      this.logger.log(`${data.kind} ${key}: already done, delivery ignored`);
      return null;
    }
    const day = trigger === 'schedule' && /^\d{4}-\d{2}-\d{2}T/.test(key) ? key.slice(0, 10) : businessToday();
    try {
      const line = await job.execute({
        day,
        cursor: run.cursor,
        progress: (processed, total, cursor) => this.runs.progress(run.id, processed, total, cursor),
      });
      await this.runs.finish(run.id, { status: 'succeeded' });
      if (line) this.logger.log(`${data.kind} ${key}: ${line}`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await this.runs.finish(run.id, { status: 'failed', error: message }).catch(() => undefined);
      this.logger.error(`${data.kind} ${key} failed (attempt ${run.attempt}): ${message}`);
      throw err;
    }
    return this.runs.find(data.kind, key);
  }
}
