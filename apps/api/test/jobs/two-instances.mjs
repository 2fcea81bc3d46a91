#!/usr/bin/env node
// Two API instances on one PostgreSQL (15 in CI) with a per-minute schedule. Proves, and prints:
//  1. every scheduled slot of every sweep has exactly one job_runs row, and each ran once (attempt 1);
//  2. "run now" posted to both instances at once with the same key gives one run;
//  3. kill -9 of the instance running a job: the other instance retries it in the same row (attempt 2).
// Usage: DATABASE_URL=postgres://… node apps/api/test/jobs/two-instances.mjs   (needs apps/api/dist: build first)
import { call, Client, createChecks, finish, healthy, PASSWORD, scratchDatabase, startApi, stopAll, until as untilEvery } from './harness.mjs';

const KINDS = ['agreement-sweep', 'registration-sweep', 'training-sweep'];
const checks = createChecks('two-instances');
const { log, check, failures } = checks;

const scratch = await scratchDatabase('partnerline_two_instances', 'partnerline-two-');
const { db, work, url } = scratch;
const instances = {};
function startInstance(name, port) {
  instances[name] = startApi({
    name,
    port,
    url,
    work,
    dataDir: `${work}/${name}`,
    env: { SESSION_SECRET: 'two-instances-two-instances-two-instances', JOBS_CRON_OVERRIDE: '* * * * *' },
  });
  return instances[name];
}
const rowsOf = async (where, params = []) =>
  (
    await db.query(
      `SELECT kind, key, trigger, status, attempt, instance_id, processed, total, last_error FROM job_runs ${where} ORDER BY kind, key`,
      params,
    )
  ).rows;
const until = (what, fn, timeoutMs) => untilEvery(what, fn, timeoutMs, 500);

let locker = null;
try {
  // One instance migrates and seeds, then the second joins (both schedule; pg-boss fires each slot once).
  const a = startInstance('A', Number(process.env.TWO_PORT_A ?? 3911));
  await healthy(a, 120, 500);
  const b = startInstance('B', Number(process.env.TWO_PORT_B ?? 3912));
  await healthy(b, 120, 500);
  await db.connect();
  log(`instances up: A pid ${a.pid} port ${a.port}, B pid ${b.pid} port ${b.port}`);
  const login = await call(a, 'POST', '/auth/login', null, { email: 'admin@partnerline.demo', password: PASSWORD });
  const token = login.body.token;

  // 2. "run now" to both instances at once, same key.
  const key = `both-${Date.now()}`;
  const [ra, rb] = await Promise.all([a, b].map((i) => call(i, 'POST', '/operations/jobs/registration-sweep/run', token, { key })));
  check(
    ra.status === 202 && rb.status === 202 && ra.body.id === rb.body.id,
    `run now on A and B with one key → one run (${ra.status}/${rb.status}, ids ${ra.body?.id} / ${rb.body?.id})`,
  );
  const [manual] = await until(
    'the manual run to finish',
    async () => {
      const r = await rowsOf(`WHERE key = $1`, [`manual:${key}`]);
      return r[0]?.status === 'succeeded' ? r : null;
    },
    30_000,
  );
  const manualRows = await rowsOf(`WHERE key = $1`, [`manual:${key}`]);
  check(
    manualRows.length === 1 && manual.attempt === 1,
    `run now: ${manualRows.length} row, attempt ${manual.attempt}, ran on ${manual.instance_id}`,
  );

  // 1a. with both instances up, let at least one minute slot fire (each instance runs pg-boss's cron monitor).
  const minute = (d) => Math.floor(d / 60_000);
  const bothFrom = minute(Date.now()) + 1;
  await until(
    'a schedule slot with both instances up',
    async () => minute(Date.now()) >= bothFrom && new Date().getSeconds() >= 20,
    90_000,
  );

  // 3. kill -9 mid-run: hold the agreements table so the agreement sweep blocks after taking its run.
  locker = new Client({ connectionString: url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE agreements IN ACCESS EXCLUSIVE MODE');
  const killKey = `kill-${Date.now()}`;
  await call(b, 'POST', '/operations/jobs/agreement-sweep/run', token, { key: killKey });
  const [victimRun] = await until(
    'an agreement sweep to be running',
    async () => {
      const r = await rowsOf(`WHERE kind = 'agreement-sweep' AND status = 'running'`);
      return r.length ? r : null;
    },
    60_000,
  );
  const victimPid = Number(victimRun.instance_id.split(':').pop());
  const victim = Object.values(instances).find((i) => i.pid === victimPid);
  const survivor = Object.values(instances).find((i) => i.pid !== victimPid);
  check(Boolean(victim), `agreement-sweep ${victimRun.key} is running on ${victim?.name} (pid ${victimPid}); kill -9 it`);
  process.kill(victimPid, 'SIGKILL');
  await until('the victim to exit', async () => !victim.alive, 10_000);
  await locker.query('ROLLBACK');
  await locker.end();
  locker = null;
  const retried = await until(
    'the killed run to be retried by the survivor',
    async () => {
      const r = await rowsOf(`WHERE kind = 'agreement-sweep' AND key = $1`, [victimRun.key]);
      return r[0]?.status === 'succeeded' ? r : null;
    },
    90_000,
  );
  check(
    retried.length === 1 && retried[0].attempt === 2 && retried[0].instance_id.endsWith(`:${survivor.pid}`),
    `killed run ${victimRun.key}: ${retried.length} row, attempt ${retried[0].attempt}, finished by ${survivor.name} (${retried[0].instance_id})`,
  );
  await until(
    'the manual kill-test run to finish',
    async () => (await rowsOf(`WHERE key = $1`, [`manual:${killKey}`]))[0]?.status === 'succeeded',
    60_000,
  );

  // 1b. one more slot on the survivor alone, then look at every slot.
  const endMinute = Math.max(minute(Date.now()), bothFrom + 1);
  await until('a schedule slot after the kill', async () => minute(Date.now()) >= endMinute && new Date().getSeconds() >= 20, 90_000);
  const scheduled = await rowsOf(`WHERE trigger = 'schedule'`);
  for (const kind of KINDS) {
    const rows = scheduled.filter((r) => r.kind === kind);
    const slots = rows.map((r) => r.key);
    const mins = slots.map((s) => Date.parse(`${s}:00Z`) / 60_000);
    const gaps = mins.slice(1).filter((m, i) => m - mins[i] !== 1).length;
    const unique = new Set(slots).size === slots.length;
    const ranOnce = rows.filter((r) => r.key !== victimRun.key).every((r) => r.attempt === 1 && r.status === 'succeeded');
    const by = [...new Set(rows.map((r) => r.instance_id))].join(', ');
    check(
      rows.length >= 3 && unique && gaps === 0 && ranOnce,
      `${kind}: ${rows.length} slots ${slots[0]} … ${slots.at(-1)}, one row each, no gap (${gaps}), each ran once; ran on ${by}`,
    );
  }
  console.log('\njob_runs as seen at the end:');
  console.table((await rowsOf('')).map((r) => ({ ...r, instance_id: r.instance_id?.replace(/^.*:/, 'pid ') })));
} catch (err) {
  failures.push(String(err?.message ?? err));
  console.error(err);
  for (const inst of Object.values(instances)) console.error(`--- ${inst.name}.log (tail)\n${inst.logTail(2500)}`);
} finally {
  if (locker) await locker.end().catch(() => {});
  await stopAll(Object.values(instances));
  await scratch.drop();
}
finish(checks);
