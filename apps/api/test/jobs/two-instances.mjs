#!/usr/bin/env node
// Two API instances on one PostgreSQL (15 in CI) with a per-minute schedule. Proves, and prints:
//  1. every scheduled slot of every sweep has exactly one job_runs row, and each ran once (attempt 1);
//  2. "run now" posted to both instances at once with the same key gives one run;
//  3. kill -9 of the instance running a job: the other instance retries it in the same row (attempt 2).
// Usage: DATABASE_URL=postgres://… node apps/api/test/jobs/two-instances.mjs   (needs apps/api/dist: build first)
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { Client } = createRequire(join(apiDir, 'package.json'))('pg');
const MAIN = process.env.API_MAIN ?? join(apiDir, 'dist', 'main.js');
const KINDS = ['agreement-sweep', 'registration-sweep', 'training-sweep'];
const PASSWORD = 'Partnerline-demo-2026';
const started = Date.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log(`[two-instances +${Math.round((Date.now() - started) / 1000)}s]`, ...a);
const failures = [];
function check(ok, what) {
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL must point at a PostgreSQL server (a database is created and dropped for the test)');
  process.exit(2);
}
const admin = new Client({ connectionString: process.env.DATABASE_URL });
await admin.connect();
const dbName = 'partnerline_two_instances';
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(process.env.DATABASE_URL);
url.pathname = `/${dbName}`;
const db = new Client({ connectionString: url.toString() });

const work = mkdtempSync(join(tmpdir(), 'partnerline-two-'));
const instances = {};
function startInstance(name, port) {
  const out = openSync(join(work, `${name}.log`), 'w');
  const child = spawn(process.execPath, [MAIN], {
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      SESSION_SECRET: 'two-instances-two-instances-two-instances',
      DATA_DIR: join(work, name),
      STATIC_DIR: join(work, 'no-static'),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'info',
      JOBS_ENABLED: 'true',
      JOBS_CRON_OVERRIDE: '* * * * *',
      JOBS_EXPIRE_SECONDS: '15',
      JOBS_MAINTENANCE_SECONDS: '3',
    },
  });
  instances[name] = { name, port, child, pid: child.pid, alive: true };
  child.on('exit', () => (instances[name].alive = false));
  return instances[name];
}
async function healthy(inst) {
  for (let i = 0; i < 120; i++) {
    if (!inst.alive) throw new Error(`${inst.name} exited:\n${readFileSync(join(work, `${inst.name}.log`), 'utf8').slice(-3000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${inst.port}/api/health`)).ok) return;
    } catch {}
    await sleep(500);
  }
  throw new Error(`${inst.name} did not become healthy`);
}
const call = async (inst, method, path, token, body) => {
  const res = await fetch(`http://127.0.0.1:${inst.port}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json().catch(() => null) };
};
const rowsOf = async (where, params = []) =>
  (
    await db.query(
      `SELECT kind, key, trigger, status, attempt, instance_id, processed, total, last_error FROM job_runs ${where} ORDER BY kind, key`,
      params,
    )
  ).rows;
async function until(what, fn, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

let locker = null;
try {
  // One instance migrates and seeds, then the second joins (both schedule; pg-boss fires each slot once).
  const a = startInstance('A', Number(process.env.TWO_PORT_A ?? 3911));
  await healthy(a);
  const b = startInstance('B', Number(process.env.TWO_PORT_B ?? 3912));
  await healthy(b);
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
  locker = new Client({ connectionString: url.toString() });
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
  for (const name of Object.keys(instances))
    console.error(`--- ${name}.log (tail)\n${readFileSync(join(work, `${name}.log`), 'utf8').slice(-2500)}`);
} finally {
  if (locker) await locker.end().catch(() => {});
  for (const inst of Object.values(instances)) if (inst.alive) inst.child.kill('SIGTERM');
  await sleep(1500);
  for (const inst of Object.values(instances)) if (inst.alive) inst.child.kill('SIGKILL');
  await db.end().catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}
log(failures.length ? `FAILED: ${failures.length} check(s)` : 'all checks passed');
process.exit(failures.length ? 1 : 0);
