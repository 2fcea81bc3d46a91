#!/usr/bin/env node
// A rebate run killed with kill -9 mid-run, on a real PostgreSQL (15 in CI). Proves, and prints:
//  1. the run is cut short with some batches committed (0 < done < total) when the API process is killed;
//  2. after a restart the run resumes from its cursor and succeeds (done = total);
//  3. exactly one statement per agreement and period, and the ledger balances: Σ of the line entries
//     (accrual + reversal + clawback) of the period = Σ earned of its statements; no line booked twice.
// Usage: DATABASE_URL=postgres://… node apps/api/test/jobs/rebate-run-crash.mjs   (needs apps/api/dist: build first)
import { call, createChecks, finish, healthy, PASSWORD, scratchDatabase, startApi, stopAll, until } from './harness.mjs';

const PERIOD = '2032-Q1';
const PERIOD_START = '2032-01-01';
const AGREEMENTS = Number(process.env.CRASH_AGREEMENTS ?? 1500);
const DEALS_PER_AGREEMENT = Number(process.env.CRASH_DEALS ?? 12);
const BATCH = Number(process.env.CRASH_BATCH ?? 20);
const checks = createChecks('rebate-run-crash');
const { log, check, failures } = checks;

const scratch = await scratchDatabase('partnerline_rebate_crash', 'partnerline-rebate-crash-');
const { db, work } = scratch;
const port = Number(process.env.CRASH_PORT ?? 3921);
let instance = null;
let generation = 0;
function startInstance() {
  instance = startApi({
    name: `api-${++generation}`,
    port,
    url: scratch.url,
    work,
    dataDir: `${work}/data`,
    env: { SESSION_SECRET: 'rebate-crash-rebate-crash-rebate-crash-0', REBATE_RUN_BATCH_SIZE: String(BATCH) },
  });
  return instance;
}
const runRow = async (id) =>
  (await db.query(`SELECT status, total, done, cursor, errors, created_count, started_at, heartbeat_at, finished_at FROM rebate_runs WHERE id = $1`, [id])).rows[0];

try {
  const first = startInstance();
  await healthy(first, 240, 250);
  await db.connect();
  log(`API up (pid ${first.pid}), migrated and seeded; adding ${AGREEMENTS} agreements with ${DEALS_PER_AGREEMENT} won deals each in ${PERIOD}`);

  // The fixture: agreements with a tiered rebate programme across the demo partners, and their won deals.
  const terms = (partnerId) => ({
    partnerId,
    type: 'registration',
    scope: [{ industryId: null, regionId: null }],
    startDate: '2032-01-01',
    endDate: '2032-12-31',
    productIds: [],
    pricing: {
      model: 'fixed_rebate',
      items: [],
      rebate: {
        thresholdPercent: 80,
        mode: 'incremental',
        tiers: [
          { attainmentPercent: 80, ratePercent: 2 },
          { attainmentPercent: 100, ratePercent: 4 },
          { attainmentPercent: 120, ratePercent: 6 },
        ],
      },
    },
    evaluationPeriod: 'quarter',
    quotaPerPeriod: '100000.00',
  });
  const partners = (await db.query(`SELECT id FROM partners ORDER BY id`)).rows.map((r) => r.id);
  const [{ id: userId }] = (await db.query(`SELECT id FROM users WHERE email = 'admin@partnerline.demo'`)).rows;
  const [{ id: industryId }] = (await db.query(`SELECT id FROM industries ORDER BY id LIMIT 1`)).rows;
  const [{ id: regionId }] = (await db.query(`SELECT id FROM regions ORDER BY id LIMIT 1`)).rows;
  await db.query(
    `INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by)
     SELECT p.id, 'registration', 'active', '2032-01-01', '2032-12-31', $2::jsonb || jsonb_build_object('partnerId', p.id), $3
       FROM generate_series(1, $1) g JOIN LATERAL (SELECT ($4::uuid[])[1 + (g % array_length($4::uuid[], 1))] AS id) p ON true`,
    [AGREEMENTS, JSON.stringify(terms(partners[0])), userId, partners],
  );
  await db.query(
    `INSERT INTO deal_registrations (partner_id, agreement_id, status, customer_name, customer_name_norm, industry_id, region_id, details,
                                     estimated_amount, expected_close, won_amount, won_on, created_by)
     SELECT a.partner_id, a.id, 'won', '崩溃测试客户' || d, '崩溃测试客户' || d, $2, $3, '{}'::jsonb,
            x.amount, DATE '2032-01-01' + (d * 7 % 90), x.amount, DATE '2032-01-01' + (d * 7 % 90), $4
       FROM agreements a CROSS JOIN generate_series(1, $1) d
       CROSS JOIN LATERAL (SELECT round((1000 + (hashtext(a.id::text || d) & 16383))::numeric, 2) AS amount) x
      WHERE a.start_date = '2032-01-01'`,
    [DEALS_PER_AGREEMENT, industryId, regionId, userId],
  );
  const [{ n: deals }] = (await db.query(`SELECT count(*)::int AS n FROM deal_registrations WHERE won_on >= '2032-01-01'`)).rows;
  log(`fixture: ${AGREEMENTS} agreements, ${deals} won deals`);

  const login = await call(instance, 'POST', '/auth/login', null, { email: 'manager@partnerline.demo', password: PASSWORD });
  const token = login.body.token;
  const start = await call(instance, 'POST', '/rebate-runs', token, { period: PERIOD });
  check(start.status === 202, `POST /rebate-runs ${PERIOD} → ${start.status}`);
  const runId = start.body.id;

  // 1. kill -9 once many batches are committed and many are not.
  const cut = await until(
    'the run to be part done',
    async () => {
      const r = await runRow(runId);
      // Well into the run (a fifth done), never at its very end.
      return r && r.status === 'running' && r.done >= r.total / 5 && r.done < r.total ? r : null;
    },
    60_000,
    20,
  );
  process.kill(first.pid, 'SIGKILL');
  await until('the killed API to exit', async () => !first.alive, 10_000, 50);
  const atKill = await runRow(runId);
  check(atKill.status === 'running' && atKill.done > 0 && atKill.done < atKill.total, `kill -9 mid-run: ${atKill.done} of ${atKill.total} agreements done (first seen at ${cut.done})`);

  // 2. restart: the run resumes from its cursor and finishes.
  const second = startInstance();
  await healthy(second, 240, 250);
  log(`API restarted (pid ${second.pid})`);
  const done = await until(
    'the run to finish after the restart',
    async () => {
      const r = await runRow(runId);
      return r.status === 'succeeded' || r.status === 'failed' ? r : null;
    },
    90_000,
    200,
  );
  check(done.status === 'succeeded' && done.done === done.total && done.errors === 0, `after restart: ${done.status}, ${done.done} of ${done.total} done, ${done.errors} errors`);
  const counts0 = (await db.query(`SELECT created_count, updated_count, unchanged_count FROM rebate_runs WHERE id = $1`, [runId])).rows[0];
  check(
    counts0.created_count === done.total && counts0.updated_count === 0 && counts0.unchanged_count === 0,
    `resumed from the cursor, not from the start: ${counts0.created_count} created, ${counts0.updated_count} rewritten, ${counts0.unchanged_count} unchanged`,
  );
  const api = await call(instance, 'GET', `/rebate-runs/${runId}`, token);
  check(api.status === 200 && api.body.percent === 100, `GET /rebate-runs/:id → ${api.status}, ${api.body?.percent}%`);

  // 3. one statement per agreement and period; the ledger balances; no line booked twice.
  const [counts] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM rebate_statements WHERE period_start = $1) AS statements,
              (SELECT count(DISTINCT agreement_id)::int FROM rebate_statements WHERE period_start = $1) AS agreements,
              (SELECT count(*)::int FROM (SELECT 1 FROM rebate_statements GROUP BY agreement_id, period_start HAVING count(*) > 1) x) AS duplicate_statements,
              (SELECT count(*)::int FROM rebate_statement_lines l JOIN rebate_statements s ON s.id = l.statement_id WHERE s.period_start = $1) AS lines,
              (SELECT count(*)::int FROM rebate_ledger WHERE period_start = $1) AS ledger_entries,
              (SELECT count(*)::int FROM (SELECT 1 FROM rebate_ledger WHERE period_start = $1 AND kind = 'accrual' GROUP BY agreement_id, source_id HAVING count(*) > 1) x) AS lines_booked_twice,
              (SELECT coalesce(sum(amount), 0)::text FROM rebate_ledger WHERE period_start = $1 AND kind IN ('accrual', 'reversal', 'clawback')) AS ledger_total,
              (SELECT coalesce(sum(earned), 0)::text FROM rebate_statements WHERE period_start = $1) AS earned_total,
              (SELECT count(*)::int FROM agreements WHERE start_date = '2032-01-01') AS fixture_agreements`,
      [PERIOD_START],
    )
  ).rows;
  console.table([counts]);
  check(counts.duplicate_statements === 0 && counts.statements === counts.agreements, `one statement per agreement and period (${counts.statements} statements, ${counts.agreements} agreements)`);
  check(counts.statements === done.total, `a statement for every covered agreement (${counts.statements} = run total ${done.total})`);
  check(counts.lines === deals, `every won deal is one statement line (${counts.lines} lines, ${deals} deals)`);
  check(counts.lines_booked_twice === 0, `no line booked twice in the ledger (${counts.lines_booked_twice})`);
  check(counts.ledger_total === counts.earned_total, `ledger balances: Σ line entries ${counts.ledger_total} = Σ earned ${counts.earned_total}`);
} catch (err) {
  failures.push(String(err?.message ?? err));
  console.error(err);
  if (instance) console.error(`--- ${instance.name}.log (tail)\n${instance.logTail(2500)}`);
} finally {
  await stopAll([instance]);
  await scratch.drop();
}
finish(checks);
