/**
 * Lists and searches at scale (issue #13): the generator (bench/generate.ts) fills partners and registrations, the real
 * app runs in its own process, and each list is driven over HTTP by N clients for a few seconds; p50/p95/p99 per list,
 * plus the review queue's default view issued as raw SQL (the same repository statements on a pg pool, no HTTP).
 *
 *   DATABASE_URL=postgres://…  pnpm bench:lists -- --partners 50000 --registrations 1000000
 *   flags: --partners N (2000) --registrations N (40000) --clients N (8) --seconds N (5) --keep, --reuse <kept database url>
 * Without DATABASE_URL it runs on embedded PGlite (numbers then say little: one session).
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap/create-app';
import { prepareDatabase } from '../src/bootstrap/database';
import { loadConfig } from '../src/config/config';
import { RegistrationQueueRepository } from '../src/modules/deal-registrations/registration-queue.repository';
import { DEMO_PASSWORD } from '../src/seed/data/partners';
import { seedDemo } from '../src/seed/seed';
import { BENCH_SECRET, benchDatabase, benchPool, flag, generate } from './generate';

const PARTNERS = Number(flag('partners', '2000'));
const REGISTRATIONS = Number(flag('registrations', '40000'));
const CLIENTS = Number(flag('clients', '8'));
const SECONDS = Number(flag('seconds', '5'));

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1) : '-');
  return `p50 ${at(50).padStart(7)} ms  p95 ${at(95).padStart(7)} ms  p99 ${at(99).padStart(7)} ms  (${s.length} requests, ${(s.length / SECONDS).toFixed(0)}/s)`;
}

/** `CLIENTS` loops doing `op` for SECONDS; returns each op's latency. */
async function drive(op: (i: number) => Promise<void>): Promise<number[]> {
  const until = performance.now() + SECONDS * 1000;
  const lat: number[] = [];
  let seq = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await op(seq++);
        lat.push(performance.now() - t);
      }
    }),
  );
  return lat;
}

async function login(base: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  const { token } = (await res.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

async function main() {
  // --reuse <url>: a database kept by an earlier run (--keep), measured again without generating.
  const db = await benchDatabase('listbench', { reusable: true });
  if (!db.reused) await prepareDatabase(db.url, { runMigrations: true, seedDemo: true, seed: async (ds) => (await seedDemo(ds)) !== null });
  const pool = benchPool(db.url, CLIENTS + 2);
  if (!db.reused) await generate(pool, PARTNERS, REGISTRATIONS);
  let sizes = `${PARTNERS} partners, ${REGISTRATIONS} registrations`;
  if (db.reused) {
    db.kind = `PostgreSQL ${(await pool.query('SHOW server_version')).rows[0].server_version}; reused database`;
    const [{ p, r }] = (await pool.query(`SELECT (SELECT count(*) FROM partners)::int AS p, (SELECT count(*) FROM deal_registrations)::int AS r`)).rows;
    sizes = `${p} partners, ${r} registrations`;
  }
  const api = fork(process.argv[1], ['--serve'], { env: { ...process.env, BENCH_DATABASE_URL: db.url, BENCH_POOL_SIZE: String(CLIENTS + 2) } });
  const base = await new Promise<string>((resolve, reject) => {
    api.once('message', (m) => resolve(String(m)));
    api.once('exit', (code) => reject(new Error(`API process ended (${code})`)));
  });
  const manager = await login(base, 'admin@partnerline.demo');
  const partner = await login(base, 'owner@lanting.demo');
  // Customer searches: a distinctive part of existing names (brand characters + serial), as a reviewer types them.
  const samples = (await pool.query(`SELECT substr(customer_name, 2, 5) AS q FROM deal_registrations TABLESAMPLE SYSTEM (1) LIMIT 200`)).rows.map((r) => r.q as string);
  let failures = 0;
  const get = (path: string, headers: Record<string, string>) => async () => {
    const res = await fetch(`${base}/api${path}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) failures++;
  };
  const lists: [string, (i: number) => Promise<void>][] = [
    ['review queue, default view (open, by SLA)', get('/deal-registrations?status=open', manager)],
    ['review queue, tab counts', get('/deal-registrations/counts?status=open', manager)],
    ['review queue, filter: in review', get('/deal-registrations?status=in_review', manager)],
    ['review queue, deep page (page 400)', get('/deal-registrations?status=open&page=400', manager)],
    ['review queue, sorted by amount', get('/deal-registrations?status=open&sort=amount&order=desc', manager)],
    ['review queue, customer search', (i) => get(`/deal-registrations?status=all&q=${encodeURIComponent(samples[i % samples.length])}`, manager)()],
    ['partner directory search "科技"', get(`/partners?q=${encodeURIComponent('科技')}`, manager)],
    // Two characters in every partner's name: the capped total ("1000+") and the name order stop early.
    ['partner directory search "公司" (all match)', get(`/partners?q=${encodeURIComponent('公司')}`, manager)],
    ['open conflicts list', get('/conflicts?status=open', manager)],
    ['portal: a partner\'s registrations', get('/deal-registrations', partner)],
  ];
  console.log(`\n${db.kind}; ${sizes}; ${CLIENTS} clients, ${SECONDS} s per list`);
  for (const [label, op] of lists) console.log(`${label.padEnd(44)} ${stats(await drive(op))}`);

  // The default view as raw SQL: the repository's page + capped count on a pg pool (no HTTP, no Nest).
  const raw = new RegistrationQueueRepository({ query: async (t: string, v?: unknown[]) => (await pool.query(t, v)).rows } as unknown as DataSource);
  const rawLat = await drive(async () => {
    await Promise.all([raw.page('open', { owners: null }, 'sla', false, 25, 0), raw.count('open', { owners: null })]);
  });
  console.log(`${'raw SQL: review queue default view'.padEnd(44)} ${stats(rawLat)}`);
  if (failures) console.log(`requests not answered 200: ${failures}`);
  const ended = new Promise((resolve) => api.once('exit', resolve));
  api.send('stop');
  await ended;
  await pool.end();
  if (process.argv.includes('--keep')) console.log(`kept database ${db.url}`);
  else await db.dispose();
}

/** Child mode: the real app on the bench database, listening on a free port that it reports to the parent. */
async function serve() {
  const url = process.env.BENCH_DATABASE_URL!;
  const config = loadConfig({ SESSION_SECRET: BENCH_SECRET, DATABASE_URL: url, JOBS_ENABLED: 'false', DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '10' });
  const app = await createApp(config, url, pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination({ dest: '/dev/null', sync: false })));
  await app.listen(0, '127.0.0.1');
  process.send!((await app.getUrl()).replace('[::1]', '127.0.0.1'));
  process.on('message', () => process.exit(0));
}

(process.argv.includes('--serve') ? serve() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
