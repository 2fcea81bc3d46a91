// What the job scripts (two-instances.mjs, rebate-run-crash.mjs) share: checks printed as they pass or fail, a scratch
// database created and dropped on the server of DATABASE_URL, built API processes started on it, polling, and the end.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const { Client } = createRequire(join(apiDir, 'package.json'))('pg');
export const MAIN = process.env.API_MAIN ?? join(apiDir, 'dist', 'main.js');
export const PASSWORD = 'Partnerline-demo-2026';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `log` prefixes each line with the tag and the seconds since start; `check` logs ok/FAIL and remembers failures. */
export function createChecks(tag) {
  const started = Date.now();
  const failures = [];
  const log = (...a) => console.log(`[${tag} +${Math.round((Date.now() - started) / 1000)}s]`, ...a);
  const check = (ok, what) => {
    log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  return { log, check, failures };
}

/**
 * A fresh database `name` on the server of DATABASE_URL (exits 2 when it is not set) and a work folder for the API's
 * logs and data. `db` is a client of the new database (not yet connected); `drop()` ends it and drops the database.
 */
export async function scratchDatabase(name, workPrefix) {
  if (!process.env.DATABASE_URL) {
    console.error('DATABASE_URL must point at a PostgreSQL server (a database is created and dropped for the test)');
    process.exit(2);
  }
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const db = new Client({ connectionString: url.toString() });
  const work = mkdtempSync(join(tmpdir(), workPrefix));
  return {
    url: url.toString(),
    db,
    work,
    async drop() {
      await db.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Starts the built API (dist/main.js) on the scratch database with jobs enabled; its output goes to <work>/<name>.log. */
export function startApi({ name, port, url, work, dataDir, env = {} }) {
  const out = openSync(join(work, `${name}.log`), 'w');
  const child = spawn(process.execPath, [MAIN], {
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: join(work, 'no-static'),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'info',
      JOBS_ENABLED: 'true',
      JOBS_EXPIRE_SECONDS: '15',
      JOBS_MAINTENANCE_SECONDS: '3',
      ...env,
    },
  });
  const inst = { name, port, child, pid: child.pid, alive: true, logTail: (n) => readFileSync(join(work, `${name}.log`), 'utf8').slice(-n) };
  child.on('exit', () => (inst.alive = false));
  return inst;
}

/** Waits for the instance's /api/health (`tries` × `everyMs`); throws with its log's tail if it exits first. */
export async function healthy(inst, tries, everyMs) {
  for (let i = 0; i < tries; i++) {
    if (!inst.alive) throw new Error(`${inst.name} exited:\n${inst.logTail(3000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${inst.port}/api/health`)).ok) return;
    } catch {}
    await sleep(everyMs);
  }
  throw new Error(`${inst.name} did not become healthy`);
}

/** One JSON request to the instance's API: { status, body }. */
export async function call(inst, method, path, token, body) {
  const res = await fetch(`http://127.0.0.1:${inst.port}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** Polls fn every `everyMs` until it returns something truthy (returned), or throws after `timeoutMs`. */
export async function until(what, fn, timeoutMs, everyMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Stops the instances still alive (SIGTERM, then SIGKILL after 1.5 s). */
export async function stopAll(instances) {
  for (const inst of instances) if (inst?.alive) inst.child.kill('SIGTERM');
  await sleep(1500);
  for (const inst of instances) if (inst?.alive) inst.child.kill('SIGKILL');
}

/** Prints the outcome and exits 1 on any failed check. */
export function finish({ log, failures }) {
  log(failures.length ? `FAILED: ${failures.length} check(s)` : 'all checks passed');
  process.exit(failures.length ? 1 : 0);
}
