import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Dec, periodKey, type RebateRun, runPeriodBounds } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { JobRunner } from '../operations/job-runner';
import { QuotasRepository } from './quotas.repository';
import { type BasisTarget, RebateBasisService } from './rebate-basis.service';
import { type AgreementPlan, type BatchFacts, type Candidate, closedTermOutcome, computeAgreement, planAgreement } from './rebate-run.compute';
import { type NewLedgerEntry, RebateLedgerRepository } from './rebate-ledger.repository';
import { type BatchOutcome, type DiffEntry, RebateRunsRepository, type RunRow } from './rebate-runs.repository';
import { type LineWrite, RebateStatementsRepository } from './rebate-statements.repository';

/** The pg-boss queue of rebate runs (on demand, keyed by the run id). */
export const REBATE_RUN_QUEUE = 'rebate-run';
/**
 * Agreements per batch (one transaction each): one basis query, a few multi-row writes. 250 (was 500): at 20,000
 * agreements / 1M lines on PostgreSQL 15 the run took 36.7 s instead of 41.2 s (shorter waits between the two
 * batches in flight), same peak RSS (docs/performance.md).
 */
const BATCH_SIZE = Math.max(1, Number(process.env.REBATE_RUN_BATCH_SIZE ?? 250));

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** REBATE_RUN_PROFILE=1 logs where a run's time goes (per phase, summed over its batches). */
const PROFILE = process.env.REBATE_RUN_PROFILE === '1';
const phases = new Map<string, number>();
async function timed<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
  if (!PROFILE) return work();
  const t = performance.now();
  try {
    return await work();
  } finally {
    phases.set(phase, (phases.get(phase) ?? 0) + performance.now() - t);
  }
}

function toRun(r: RunRow): RebateRun {
  const percent = r.status === 'succeeded' ? 100 : r.total > 0 ? Math.min(99, Math.floor((r.done / r.total) * 100)) : 0;
  return {
    id: r.id,
    period: r.period,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    asOf: r.as_of,
    status: r.status,
    total: r.total,
    done: r.done,
    errors: r.errors,
    errorDetails: r.error_details,
    created: r.created_count,
    updated: r.updated_count,
    unchanged: r.unchanged_count,
    locked: r.locked_count,
    diff: r.diff,
    startedBy: { id: r.started_by, name: r.started_by_name },
    createdAt: r.created_at.toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    heartbeatAt: iso(r.heartbeat_at),
    percent,
  };
}

/**
 * Rebate runs (issue #14): a run computes every covered agreement's statement for a period as a job — batches of
 * agreements, one transaction each, the cursor, progress and heartbeat moved with the batch, so a run cut short
 * (kill -9) resumes where it stopped and a rerun books nothing new (idempotent).
 */
@Injectable()
export class RebateRunsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('RebateRuns');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: RebateRunsRepository,
    private readonly statements: RebateStatementsRepository,
    private readonly ledger: RebateLedgerRepository,
    private readonly agreements: AgreementsRepository,
    private readonly basis: RebateBasisService,
    private readonly quotas: QuotasRepository,
    private readonly runner: JobRunner,
    private readonly audit: AuditService,
  ) {}

  onModuleInit() {
    this.runner.registerOnDemand(REBATE_RUN_QUEUE, (id) => this.execute(id));
  }

  /** Runs left queued or cut short by a stopped instance are resumed (safe beside a redelivery: batches take turns). */
  async onApplicationBootstrap() {
    try {
      for (const id of await this.runs.unfinished()) await this.runner.sendOnDemand(REBATE_RUN_QUEUE, id);
    } catch (err) {
      this.logger.error(`could not resume rebate runs: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async start(period: string, user: Pick<AuthenticatedUser, 'id'>): Promise<RebateRun> {
    const { start, end } = runPeriodBounds(period);
    let id: string;
    try {
      id = await inTransaction(this.db, async (m) => {
        const active = await this.runs.lockActiveOverlapping(m, start, end);
        if (active) throw new AppError('REBATE_RUN_ACTIVE', { period: active.period }, { runId: active.id, period: active.period });
        const runId = await this.runs.insert(m, { period, start, end, asOf: businessToday(), startedBy: user.id });
        await this.audit.record(m, { entity: 'rebate_run', entityId: runId, action: 'rebate_run.started', after: { period, periodStart: start, periodEnd: end } });
        return runId;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'rebate_runs_one_active')) throw new AppError('REBATE_RUN_ACTIVE', { period });
      throw err;
    }
    try {
      await this.runner.sendOnDemand(REBATE_RUN_QUEUE, id);
    } catch {
      await this.runs.fail(id);
      throw new AppError('JOB_RUNNER_UNAVAILABLE');
    }
    return this.get(id);
  }

  async get(id: string): Promise<RebateRun> {
    const row = await this.runs.find(id);
    if (!row) throw AppError.notFound('rebate_run', id);
    return toRun(row);
  }

  async list(period: string | undefined, limit: number): Promise<RebateRun[]> {
    return (await this.runs.list(period, limit)).map(toRun);
  }

  /**
   * Executes (or resumes) a run to the end. Called by the job runner — and directly by a benchmark. Returns quietly
   * when the run already finished (a redelivery).
   */
  async execute(runId: string): Promise<void> {
    const run = await this.runs.start(runId);
    if (!run) return;
    try {
      if (run.cursor === null && run.done === 0) {
        await this.runs.setTotal(runId, await this.agreements.countRebateCandidates(this.db.manager, { from: run.period_start, to: run.period_end }));
      }
      if (!(await this.batches(run))) return;
      await this.runs.succeed(runId);
      if (PROFILE) this.logger.log(`run ${runId} phases (ms): ${JSON.stringify(Object.fromEntries([...phases].map(([k, v]) => [k, Math.round(v)])))}`);
    } catch (err) {
      if (err instanceof RunMoved) return;
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`rebate run ${runId} failed: ${message}`);
      await this.runs.fail(runId).catch(() => undefined);
      throw err;
    }
  }

  /**
   * The batches of a run, two in flight: while one writes, the next one reads and computes in its own transaction
   * (different agreements, so nothing it reads depends on the other's writes), then waits for the previous one to
   * commit, takes the run's row and checks the cursor is where it started — so batches still commit one after the
   * other, in order, each moving the cursor. On the embedded database (one connection) they simply run in turn.
   * False when another executor of the run got ahead (it finishes the run).
   */
  private async batches(run: RunRow): Promise<boolean> {
    const range = { from: run.period_start, to: run.period_end };
    let after = run.cursor;
    let inFlight: Promise<void> | null = null;
    let failure: unknown = null;
    try {
      for (;;) {
        // A batch that failed (or found the run moved) ends the run here, not after reading every remaining batch.
        if (failure) throw failure;
        const candidates = (await timed('candidates', () => this.agreements.rebateCandidates(this.db.manager, range, after, BATCH_SIZE))) as Candidate[];
        if (!candidates.length) break;
        const expected = after;
        after = candidates[candidates.length - 1].id;
        const previous: Promise<void> | null = inFlight;
        let computed!: () => void;
        const ready = new Promise<void>((resolve) => (computed = resolve));
        const done: Promise<void> = inTransaction(this.db, (m): Promise<void> => this.batch(m, run, candidates, expected, previous, computed));
        done.catch((err: unknown) => (failure ??= err)); // awaited below or by the next batch; never an unhandled rejection
        await Promise.race([ready, done]);
        inFlight = done;
      }
      if (inFlight) await inFlight;
      return true;
    } catch (err) {
      if (err instanceof RunMoved) return false;
      throw err;
    }
  }

  /** One batch in one transaction: lock its agreements, read, compute, then (after the previous batch) write. */
  private async batch(m: EntityManager, run: RunRow, candidates: Candidate[], expected: string | null, previous: Promise<void> | null, computed: () => void): Promise<void> {
    const runId = run.id;
    const ids = candidates.map((c) => c.id);
    // A batch lost to a server crash is simply done again (resumable, idempotent): no need to wait for the WAL flush.
    await this.runs.relaxCommit(m);
    await this.statements.lockAgreements(m, ids);

    const outcome: BatchOutcome = { cursor: ids[ids.length - 1], done: candidates.length, created: 0, updated: 0, unchanged: 0, locked: 0, errors: [], diff: [] };
    const existing = groupBy(await timed('statementsOf', () => this.statements.statementsOf(m, ids)), (s) => s.agreement_id);
    const plans: AgreementPlan[] = [];
    for (const c of candidates) {
      const p = planAgreement(c, run.period_end, existing.get(c.id) ?? []);
      if (p.kind === 'plan') plans.push(p.plan);
      else if (p.kind === 'locked') outcome.locked++;
      else outcome.errors.push({ agreementId: c.id, code: p.code, ...(p.message ? { message: p.message } : {}) });
    }

    // Read and compute in a call of their own: the batch's facts (the basis rows, the ledger read) are garbage once it
    // returns, before this batch waits for the previous one and writes.
    const results = await this.computeBatch(m, run, plans, outcome);
    computed();
    if (previous) await previous;
    const lock = await this.runs.lockForBatch(m, runId);
    if (!lock || lock.status !== 'running' || lock.cursor !== expected) throw new RunMoved();
    const changed = results.filter((r) => !r.unchanged);
    outcome.unchanged = results.length - changed.length;
    await this.statements.touch(
      m,
      results.filter((r) => r.unchanged).map((r) => r.plan.existing!.id),
      runId,
      run.as_of,
    );
    const written = await timed('upsert', () =>
      this.statements.upsert(
        m,
        changed.map((r) => r.statement),
      ),
    );
    const lines: LineWrite[] = [];
    const entries: NewLedgerEntry[] = [];
    const diff = new Map<string, DiffEntry>();
    for (const r of changed) {
      const w = written.get(r.plan.agreement.id);
      if (!w) {
        outcome.locked++;
        continue;
      }
      if (w.inserted) outcome.created++;
      else outcome.updated++;
      // The computed lines and entries get their statement in place (no copy of ~25,000 objects per batch).
      for (const l of r.lines) {
        (l as LineWrite).statementId = w.id;
        lines.push(l as LineWrite);
      }
      for (const e of r.entries) {
        (e as NewLedgerEntry).statementId = w.id;
        entries.push(e as NewLedgerEntry);
      }
      const before = r.plan.existing?.payable ?? null;
      if (before === null || !new Dec(before).eq(r.statement.payable)) {
        const d = diff.get(r.plan.agreement.partnerId) ?? { partnerId: r.plan.agreement.partnerId, partnerName: r.plan.agreement.partnerName, before: null, after: '0' };
        if (before !== null) d.before = new Dec(d.before ?? 0).plus(before).toFixed(2);
        d.after = new Dec(d.after).plus(r.statement.payable).toFixed(2);
        diff.set(d.partnerId, d);
      }
    }
    await timed('lines', () =>
      this.statements.replaceLines(
        m,
        [...written.values()].filter((w) => !w.inserted).map((w) => w.id),
        lines,
      ),
    );
    await timed('ledger', () => this.ledger.append(m, entries));
    outcome.diff = [...diff.values()]
      .sort((x, y) => new Dec(y.after).minus(y.before ?? 0).abs().comparedTo(new Dec(x.after).minus(x.before ?? 0).abs()))
      .slice(0, 200);
    await this.runs.recordBatch(m, runId, outcome);
  }

  /** The batch's facts read, then each plan computed; closed terms go to the outcome (locked or reported). */
  private async computeBatch(m: EntityManager, run: RunRow, plans: readonly AgreementPlan[], outcome: BatchOutcome): Promise<ReturnType<typeof computeAgreement>[]> {
    const runId = run.id;
    const facts = await this.readFacts(m, plans, { runId, asOf: run.as_of, startedBy: run.started_by });
    const results: ReturnType<typeof computeAgreement>[] = [];
    const t0 = performance.now();
    for (const plan of plans) {
      try {
        const r = computeAgreement(plan, facts);
        if (!plan.closed) results.push(r);
        else {
          // A closed term: locked when nothing changed, else reported (never booked silently).
          const o = closedTermOutcome(r, facts);
          if (o.kind === 'locked') outcome.locked++;
          else outcome.errors.push({ agreementId: plan.agreement.id, code: o.code, message: o.message });
        }
      } catch (err) {
        this.logger.error(`rebate run ${runId}: agreement ${plan.agreement.id} failed: ${err instanceof Error ? err.message : String(err)}`);
        outcome.errors.push({ agreementId: plan.agreement.id, code: 'REBATE_COMPUTE_FAILED' });
      }
    }
    if (PROFILE) phases.set('compute', (phases.get('compute') ?? 0) + performance.now() - t0);
    return results;
  }

  /** Every fact the batch's plans need, each in one set-based read. */
  private async readFacts(m: EntityManager, plans: readonly AgreementPlan[], run: { runId: string; asOf: string; startedBy: string }): Promise<BatchFacts> {
    const targets: BasisTarget[] = [];
    const keyOf: string[] = [];
    for (const plan of plans) {
      for (const p of [...plan.lookback, plan.target]) {
        keyOf.push(periodKey(plan.agreement.id, p.start));
        // Distribution agreements add their partner's reported sell-out; incentive coefficients (激励系数) weight lines.
        targets.push({
          key: targets.length,
          agreementId: plan.agreement.id,
          sellOut: plan.agreement.type === 'distribution',
          rules: plan.agreement.terms.incentiveCoefficients ?? [],
          start: p.start,
          end: p.end,
        });
      }
    }
    const pairs = targets.map((t) => ({ agreementId: t.agreementId, periodStart: t.start }));
    const lookbackPairs = plans.flatMap((p) => p.lookback.map((l) => ({ agreementId: p.agreement.id, periodStart: l.start })));
    const drafts = plans.map((p) => p.existing?.id).filter((x): x is string => Boolean(x));

    const read = await timed('basis', () => this.basis.linesOf(targets, m));
    const basis = new Map([...read.lines].map(([k, rows]) => [keyOf[k], rows]));
    const quotas = await this.quotas.forPairs(pairs, m);
    const ledger = groupBy(await timed('ledgerOf', () => this.statements.ledgerOf(m, pairs)), (e) => periodKey(e.agreement_id, e.period_start));
    const paidRows = await this.statements.paidLines(m, lookbackPairs);
    const paid = new Map<string, Set<string>>();
    const descriptions = new Map<string, string>();
    for (const r of paidRows) {
      const k = periodKey(r.agreement_id, r.period_start);
      (paid.get(k) ?? paid.set(k, new Set()).get(k)!).add(r.source_id);
      descriptions.set(r.source_id, r.description);
    }
    for (const [k, v] of read.descriptions) descriptions.set(k, v);
    const cross = groupBy(
      await this.statements.crossPeriodEntries(
        m,
        plans.flatMap((p) => (p.existing ? [{ id: p.existing.id, agreementId: p.agreement.id, periodStart: p.target.start }] : [])),
      ),
      (e) => e.statement_id as string,
    );
    const missing = [...new Set([...cross.values()].flat().map((e) => e.source_id).filter((s): s is string => Boolean(s) && !descriptions.has(s!)))];
    for (const [k, v] of await this.statements.lineDescriptions(m, missing)) descriptions.set(k, v);
    const adjustments = groupBy(
      await this.statements.pendingAdjustments(
        m,
        plans.map((p) => p.agreement.id),
        drafts,
      ),
      (e) => e.agreement_id,
    );
    return { ...run, basis, quotas, ledger, paid, cross, adjustments, descriptions };
  }
}

/** Another executor of the run moved its cursor first (or finished it): this one stops and leaves the run to it. */
class RunMoved extends Error {}

function groupBy<T>(rows: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
