/**
 * Rebate runs at scale (issue #14): a fresh database on a PostgreSQL server with the demo data, then N partners, each
 * with a registration agreement whose pricing is a fixed rebate (threshold 80%, ≥80% → 2%, ≥100% → 4%, ≥120% → 6%;
 * half retroactive, half incremental; quarterly periods; quotas spread so attainment covers every tier) and L won deal
 * lines in one quarter (1% of them halves of a 60/40 split, 0.1% reversed), all by set-based INSERT … SELECT
 * generate_series. Then the quarter goes through the product's rebate run — RebateRunsService in its own process
 * (the code the job runner calls), so its peak RSS is the run's — and prints partners/s, lines/s, total time, peak RSS
 * and the time per repository call; then the raw path: one plain SQL aggregation of the same lines computing both tier
 * methods, for comparison. Targets (issue #14, 2 cores): the whole run under 30 s, RSS under 300 MB.
 *
 *   DATABASE_URL=postgres://… pnpm bench:rebates -- --partners 20000 --lines 1000000
 *   flags: --partners N (20000) --lines N (1000000) --period 2026-Q3 (the last finished quarter) --keep,
 *          --reuse <kept database url> (measure again on a database kept by --keep: the rebate runs' output is emptied
 *          first — runs, statements, lines, ledger, disputes — and nothing is generated)
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { DEFAULT_POLICIES, runPeriodBounds } from '@partnerline/domain';
import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { Client } from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap/create-app';
import { prepareDatabase } from '../src/bootstrap/database';
import { businessToday } from '../src/common/time';
import { loadConfig } from '../src/config/config';
import * as compute from '../src/modules/rebates/rebate-run.compute';
import { RebateRunsService } from '../src/modules/rebates/rebate-runs.service';
import { seedDemo } from '../src/seed/seed';
import { BENCH_SECRET, benchDatabase, flag, insertPartners } from './generate';

const PARTNERS = Number(flag('partners', '20000'));
const LINES = Number(flag('lines', '1000000'));
const CHUNK = 100_000;

/** The last quarter that has ended on the business clock (e.g. 2026-Q3 on 2026-11-28). */
function lastFinishedQuarter(today: string): string {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(2);
const mb = (kb: number) => (kb / 1024).toFixed(0);

/** The default policy's rebate programme (threshold 80%, ≥80% → 2%, ≥100% → 4%, ≥120% → 6%, retroactive). */
const { holdingDays: _holdingDays, ...programme } = DEFAULT_POLICIES.rebates;

/** Partners, their agreements and the won lines of the period, all inside PostgreSQL. */
async function generate(db: Client, period: { start: string; end: string }) {
  const t = performance.now();
  const [{ id: creator }] = (await db.query(`SELECT id FROM users WHERE email = 'manager@partnerline.demo'`)).rows;
  // Valid terms, from a demo registration agreement: the bench changes partner, dates, period, quota and method.
  const [{ terms }] = (
    await db.query(`SELECT terms FROM agreements WHERE type = 'registration' AND terms->'pricing'->>'model' = 'fixed_rebate' ORDER BY created_at LIMIT 1`)
  ).rows;
  const template = {
    ...terms,
    startDate: `${period.start.slice(0, 4)}-01-01`,
    endDate: `${Number(period.start.slice(0, 4)) + 1}-12-31`,
    evaluationPeriod: 'quarter',
    pricing: { ...terms.pricing, rebate: programme },
  };
  await insertPartners(db, PARTNERS, { taxPrefix: 'RBENCH-', domainPrefix: 'rbench', managers: [creator] });
  // Quota 3.0M … 7.9M per quarter against ~L/N lines of 10k…190k each: attainment from about 60% to 170%.
  await db.query(
    `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by)
     SELECT p.id, 'registration', 'active', $2::date, $3::date,
            jsonb_set(jsonb_set(jsonb_set($1::jsonb, '{partnerId}', to_jsonb(p.id::text)),
                                '{quotaPerPeriod}', to_jsonb(round(($5::numeric / $6) * (0.6 + (p.k % 50) / 45.0), -3)::text || '.00')),
                      '{pricing,rebate,mode}', to_jsonb(CASE WHEN p.k % 2 = 0 THEN 'retroactive' ELSE 'incremental' END)),
            $4
       FROM (SELECT id, row_number() OVER (ORDER BY tax_id) AS k FROM partners WHERE tax_id LIKE 'RBENCH-%') p`,
    [JSON.stringify(template), template.startDate, template.endDate, creator, LINES * 100_000, PARTNERS],
  );
  const days = Math.round((Date.parse(period.end) - Date.parse(period.start)) / 86_400_000) + 1;
  const [{ details }] = (await db.query(`SELECT details FROM deal_registrations ORDER BY created_at LIMIT 1`)).rows;
  for (let from = 0; from < LINES; from += CHUNK) {
    const to = Math.min(LINES, from + CHUNK) - 1;
    // Line i belongs to agreement i mod N; every hundredth line and the next (another partner) are a 60/40 split.
    await db.query(
      `WITH a AS (SELECT array_agg(id ORDER BY partner_id) ids, array_agg(partner_id ORDER BY partner_id) pids
                    FROM agreements WHERE partner_id IN (SELECT id FROM partners WHERE tax_id LIKE 'RBENCH-%')),
            s AS (SELECT array_agg(industry_id ORDER BY industry_id, region_id) ind, array_agg(region_id ORDER BY industry_id, region_id) reg FROM segments),
            ins AS (
              INSERT INTO deal_registrations (partner_id, agreement_id, status, customer_name, customer_name_norm, customer_name_core, industry_id, region_id,
                                              details, estimated_amount, expected_close, submitted_at, approved_at, protection_ends, won_amount, won_on, created_by)
              SELECT a.pids[1 + i % array_length(a.ids, 1)], a.ids[1 + i % array_length(a.ids, 1)], 'won',
                     'RB ' || i, 'rb ' || i, 'rb ' || i, s.ind[1 + i % array_length(s.ind, 1)], s.reg[1 + i % array_length(s.reg, 1)],
                     $3::jsonb, 10000 + (i::bigint * 7919 % 181) * 1000, $1::date + 30, $1::timestamptz - interval '30 days', $1::timestamptz - interval '28 days',
                     $1::date + 60, 10000 + (i::bigint * 7919 % 181) * 1000, $1::date + (i % $6::int), $4
                FROM generate_series($2::int, $5::int) i, a, s
              RETURNING id, customer_name),
            n AS (SELECT id, substr(customer_name, 4)::int AS i FROM ins),
            pair AS (SELECT x.id AS a, y.id AS b FROM n x JOIN n y ON y.i = x.i + 1 WHERE x.i % 100 = 0),
            c AS (INSERT INTO conflicts (kind, kinds, status, registration_id, resolution, rationale, resolved_by, resolved_at)
                  SELECT 'duplicate_customer', '{duplicate_customer}', 'resolved', b, 'split', 'bench: co-sell 60/40', $4, now() FROM pair
                  RETURNING id, registration_id)
       INSERT INTO conflict_parties (conflict_id, registration_id, share_percent, awarded)
       SELECT c.id, pair.a, 60, true FROM c JOIN pair ON pair.b = c.registration_id
       UNION ALL SELECT c.id, pair.b, 40, true FROM c JOIN pair ON pair.b = c.registration_id`,
      [period.start, from - (from % 100), details, creator, to, days],
    );
  }
  // 0.1% of the lines reversed (out of the basis).
  await db.query(
    `INSERT INTO rebate_reversals (registration_id, reversed_on, reason, reversed_by)
     SELECT id, $1::date, 'bench: order cancelled', $2 FROM deal_registrations WHERE customer_name LIKE 'RB %' AND substr(customer_name, 4)::int % 997 = 7`,
    [period.end, creator],
  );
  await db.query('VACUUM ANALYZE');
  console.log(`generated ${PARTNERS.toLocaleString('en')} partners and agreements, ${LINES.toLocaleString('en')} won lines in ${secs(t)} s`);
}

/**
 * The raw path: the same lines aggregated by one SQL statement per agreement, both tier methods computed for every
 * agreement (retroactive: the whole achievement at the reached tier; incremental: each band at its rate).
 */
async function rawPath(db: Client, period: { start: string; end: string }) {
  const t = performance.now();
  const { rows } = await db.query(
    `WITH b AS (
       SELECT r.agreement_id, sum(r.won_amount * coalesce(s.share_percent / 100.0, 1)) AS ach, count(*) AS n
         FROM deal_registrations r
         LEFT JOIN conflict_parties s ON s.registration_id = r.id AND s.share_percent IS NOT NULL
        WHERE r.status = 'won' AND r.won_on BETWEEN $1 AND $2 AND r.agreement_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM rebate_reversals x WHERE x.registration_id = r.id)
        GROUP BY r.agreement_id),
     q AS (SELECT b.*, (a.terms->>'quotaPerPeriod')::numeric AS quota, a.terms->'pricing'->'rebate'->>'mode' AS mode
             FROM b JOIN agreements a ON a.id = b.agreement_id JOIN partners p ON p.id = a.partner_id
            WHERE a.terms->'pricing'->>'model' = 'fixed_rebate' AND p.tax_id LIKE 'RBENCH-%'),
     e AS (SELECT mode, n, round(CASE WHEN ach >= 1.2 * quota THEN ach * 0.06 WHEN ach >= quota THEN ach * 0.04 WHEN ach >= 0.8 * quota THEN ach * 0.02 ELSE 0 END, 2) AS retro,
                  round(greatest(least(ach, quota) - 0.8 * quota, 0) * 0.02 + greatest(least(ach, 1.2 * quota) - quota, 0) * 0.04 + greatest(ach - 1.2 * quota, 0) * 0.06, 2) AS incr
             FROM q WHERE quota > 0)
     SELECT count(*)::int AS agreements, sum(n)::int AS lines, sum(retro)::text AS retro, sum(incr)::text AS incr,
            sum(CASE WHEN mode = 'retroactive' THEN retro ELSE incr END)::text AS earned
       FROM e`,
    [period.start, period.end],
  );
  return { ...rows[0], seconds: secs(t) };
}

/** Cumulative time per method of the rebates module's providers and the basis repository (calls nest: a service's time includes its repositories'). */
const timings = new Map<string, { calls: number; ms: number }>();

function timed<F extends (...args: never[]) => unknown>(label: string, fn: F): F {
  return function (this: unknown, ...args: Parameters<F>) {
    const t = performance.now();
    const done = () => {
      const e = timings.get(label) ?? { calls: 0, ms: 0 };
      e.calls++;
      e.ms += performance.now() - t;
      timings.set(label, e);
    };
    const out = fn.apply(this, args);
    if (out && typeof (out as Promise<unknown>).then === 'function') return (out as Promise<unknown>).finally(done);
    done();
    return out;
  } as F;
}

function instrument(app: INestApplicationContext) {
  // The engine side of a batch (plan, then the domain engine and ledger diff per agreement): plain functions the
  // service calls through the module's exports.
  const c = compute as unknown as Record<string, (...args: never[]) => unknown>;
  for (const key of ['planAgreement', 'computeAgreement']) c[key] = timed(`compute.${key}`, c[key]);
  for (const mod of app.get(ModulesContainer).values()) {
    for (const [, wrapper] of mod.providers) {
      const inst = wrapper.instance as Record<string, unknown> | undefined;
      const name = wrapper.metatype && 'name' in wrapper.metatype ? String(wrapper.metatype.name) : '';
      if (!inst || typeof inst !== 'object' || !(mod.metatype?.name === 'RebatesModule' || name === 'RebateBasisRepository')) continue;
      const proto = Object.getPrototypeOf(inst);
      for (const key of Object.getOwnPropertyNames(proto)) {
        const fn = Object.getOwnPropertyDescriptor(proto, key)?.value;
        if (key === 'constructor' || typeof fn !== 'function') continue;
        inst[key] = timed(`${name}.${key}`, fn.bind(inst));
      }
    }
  }
}

/**
 * The product's rebate run of one period: RebateRunsService.start (what POST /api/rebate-runs calls: the run row, then
 * the job) — with JOBS_ENABLED=false the job runner hands the run to RebateRunsService.execute(runId) in this process
 * (with jobs enabled pg-boss delivers the same call). The run's time is start + execute, as measured around those two
 * calls; the bench only polls the run's status (every 250 ms, not counted) to know when it has ended.
 */
async function runPeriod(app: INestApplicationContext, period: string): Promise<RunResult> {
  const service = app.get(RebateRunsService);
  const db = app.get(DataSource);
  const [manager] = await db.query(`SELECT id FROM users WHERE email = 'manager@partnerline.demo'`);
  const run = await service.start(period, manager);
  let r: { status: string; total: number; errors: number };
  do {
    await new Promise((resolve) => setTimeout(resolve, 250));
    [r] = await db.query(`SELECT status, total, errors FROM rebate_runs WHERE id = $1`, [run.id]);
  } while (r.status === 'queued' || r.status === 'running');
  // The last batch's executor may still be returning: let execute's own timing close.
  while (!timings.has('RebateRunsService.execute')) await new Promise((resolve) => setTimeout(resolve, 10));
  return { runId: run.id, path: 'RebateRunsService.start, then the job handler execute(runId) in process (JOBS_ENABLED=false)', status: r.status, total: r.total, errors: r.errors };
}

/** Child process: the product's rebate run of one period, in process (no HTTP); reports its figures to the parent. */
async function runChild() {
  const url = process.env.BENCH_DATABASE_URL!;
  const period = process.env.BENCH_PERIOD!;
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: BENCH_SECRET, DATABASE_URL: url, JOBS_ENABLED: 'false', DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'silent' });
  const t0 = performance.now();
  const app = await createApp(config, url, pino({ level: 'silent' }));
  await app.init();
  instrument(app);
  const boot = secs(t0);
  const bootRssKb = process.resourceUsage().maxRSS;
  const result = await runPeriod(app, period);
  const seconds = ((timings.get('RebateRunsService.start')?.ms ?? 0) + (timings.get('RebateRunsService.execute')?.ms ?? 0)) / 1000;
  await app.close();
  process.send!({ boot, bootRssKb, seconds, result, timings: Object.fromEntries(timings), maxRssKb: process.resourceUsage().maxRSS });
}

/** The run in its own process (its peak RSS is the run's); prints its figures and returns Σ earned of its statements. */
async function measuredRun(client: Client, url: string, period: string): Promise<string> {
  const child = fork(process.argv[1], ['--run'], { env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_PERIOD: period } });
  const run = await new Promise<{ boot: string; bootRssKb: number; seconds: number; result: RunResult; timings: Record<string, { calls: number; ms: number }>; maxRssKb: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`run process ended (${code})`)));
  });
  const agreements = run.result.total;
  const [{ lines }] = (
    await client.query(`SELECT count(*)::int AS lines FROM rebate_statement_lines l JOIN rebate_statements s ON s.id = l.statement_id WHERE s.run_id = $1 AND l.kind IN ('deal', 'sell_out')`, [run.result.runId])
  ).rows;
  console.log(`\nrebate run ${period} (${run.result.path}; batches of ${process.env.REBATE_RUN_BATCH_SIZE ?? 250} agreements; app boot ${run.boot} s, not counted)`);
  console.log(`  status ${run.result.status}: ${agreements.toLocaleString('en')} agreements, ${lines.toLocaleString('en')} statement lines, ${run.result.errors} errors`);
  console.log(`  ${run.seconds.toFixed(2)} s — ${(agreements / run.seconds).toFixed(0)} partners/s, ${(lines / run.seconds).toFixed(0)} lines/s; peak RSS ${mb(run.maxRssKb)} MB (run process; ${mb(run.bootRssKb)} MB after the app booted)`);
  const phases = Object.entries(run.timings).sort((a, b) => b[1].ms - a[1].ms);
  if (phases.length) {
    console.log(`  time per call (cumulative; a caller's time includes its callees'):`);
    for (const [name, p] of phases) console.log(`    ${name.padEnd(56)} ${String(p.calls).padStart(7)} calls ${(p.ms / 1000).toFixed(2).padStart(8)} s`);
    const batch = run.timings['RebateRunsService.batch']?.ms ?? 0;
    const inside = Object.entries(run.timings)
      .filter(([k]) => k.startsWith('compute.') || (/Repository\./.test(k) && !/RunsRepository\.(find|start|setTotal|succeed|insert)$/.test(k)))
      .reduce((a, [, v]) => a + v.ms, 0);
    console.log(`    ${'batch time outside those calls (JS glue, diff, GC)'.padEnd(56)} ${''.padStart(13)} ${(Math.max(0, batch - inside) / 1000).toFixed(2).padStart(8)} s`);
  }
  console.log(`  targets: run < 30 s ${run.seconds < 30 ? 'met' : 'NOT met'}; peak RSS < 300 MB ${run.maxRssKb / 1024 < 300 ? 'met' : 'NOT met'}`);
  const [{ earned }] = (
    await client.query(
      `SELECT coalesce(sum(s.earned), 0)::text AS earned FROM rebate_statements s JOIN partners p ON p.id = s.partner_id WHERE s.run_id = $1 AND p.tax_id LIKE 'RBENCH-%'`,
      [run.result.runId],
    )
  ).rows;
  return earned;
}

async function main() {
  if (process.argv.includes('--run')) return runChild();
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('bench:rebates needs DATABASE_URL (a PostgreSQL server): it measures the run on real PostgreSQL');
  const period = flag('period', lastFinishedQuarter(businessToday()));
  const bounds = runPeriodBounds(period);
  // --reuse <url>: a database kept by an earlier run (--keep), measured again without generating.
  const db = await benchDatabase('rebates', { reusable: true });
  const started = performance.now();
  const client = new Client({ connectionString: db.url });
  try {
    const t = performance.now();
    if (db.reused) {
      await client.connect();
      // The earlier runs' output goes (every run of the bench starts from the generated facts alone).
      await client.query(`TRUNCATE rebate_disputes, rebate_ledger, rebate_statement_lines, rebate_statements, rebate_runs CASCADE`);
      await client.query('VACUUM ANALYZE');
      const [{ server_version }] = (await client.query('SHOW server_version')).rows;
      console.log(`PostgreSQL ${server_version}; reused database ${db.url} (rebate runs' output emptied in ${secs(t)} s)`);
    } else {
      await prepareDatabase(db.url, { runMigrations: true, seedDemo: true, seed: async (ds) => (await seedDemo(ds)) !== null });
      console.log(`${db.kind}: schema and demo data in ${secs(t)} s`);
      await client.connect();
      await generate(client, bounds);
    }

    let earned: string | null = null;
    try {
      earned = await measuredRun(client, db.url, period);
    } catch (err) {
      console.log(`\nrebate run ${period}: FAILED — ${err instanceof Error ? err.message : String(err)}`);
    }

    const raw = await rawPath(client, bounds);
    console.log(`\nraw path: one SQL aggregation, both methods, the generated ${raw.agreements.toLocaleString('en')} agreements / ${Number(raw.lines).toLocaleString('en')} lines in ${raw.seconds} s`);
    console.log(`  Σ retroactive ${raw.retro}, Σ incremental ${raw.incr}; Σ earned at each agreement's own method ${raw.earned}`);
    if (earned !== null) console.log(`  the run's Σ earned over the same agreements ${earned} ${earned === raw.earned ? '= raw (agrees to the cent)' : '≠ raw'}`);
    console.log(`whole bench ${secs(started)} s`);
  } finally {
    await client.end().catch(() => undefined);
    if (!process.argv.includes('--keep')) await db.dispose();
    else console.log(`kept ${db.url}`);
  }
}

export interface RunResult {
  runId: string;
  path: string;
  status: string;
  total: number;
  errors: number;
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
