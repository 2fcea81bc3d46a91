/**
 * Registration benchmark (issue #11): a generator fills the product schema with partners and registrations, then the
 * same "submit a new customer" work is driven two ways in one run and printed side by side:
 * - API path: the real app over HTTP (create draft + submit: eligibility, locks, index-served candidates, matcher, case);
 * - raw path: the same statements issued directly with pg in one transaction (the floor the API is measured against).
 *
 *   DATABASE_URL=postgres://…  pnpm --filter @partnerline/api bench:registrations -- --partners 50000 --registrations 1000000
 *   flags: --partners N (2000) --registrations N (40000) --clients 8,32 --seconds 10
 * Without DATABASE_URL it runs on embedded PGlite (numbers then say little: one session).
 */
import 'reflect-metadata';
import { canonicalDomain, customerNameCore, matchLocks, normaliseCustomerName } from '@partnerline/domain';
import { fork } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Client, Pool } from 'pg';
import pino from 'pino';
import { createApp } from '../src/bootstrap/create-app';
import { openDatabase, prepareDatabase } from '../src/bootstrap/database';
import { loadConfig } from '../src/config/config';
import { DEMO_PASSWORD } from '../src/seed/data/partners';
import { seedDemo } from '../src/seed/seed';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const PARTNERS = Number(flag('partners', '2000'));
const REGISTRATIONS = Number(flag('registrations', '40000'));
const CLIENTS = flag('clients', '8,32').split(',').map(Number);
const SECONDS = Number(flag('seconds', '10'));

const BRAND = '华信天宇恒通鼎盛云帆海纳智远北辰青云金石兰亭星河远航博雅瑞丰嘉禾明德启航新元东方众合聚力联创安泰宏图卓越'.split('');
const BUSINESS = ['科技', '软件', '物流', '银行', '电子', '医药', '教育', '能源', '制造', '传媒'];
let rnd = 42;
const rand = () => ((rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const customerName = (i: number) => `${pick(BRAND)}${pick(BRAND)}${pick(BRAND)}${i.toString(36)}${pick(BUSINESS)}有限公司`;

async function database(): Promise<{ url: string; kind: string; dispose: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const db = await openDatabase(loadConfig({ SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/partnerline-bench-reg', DATABASE_POOL_SIZE: '16' }), { inMemory: true });
    return { url: db.url, kind: 'embedded (PGlite)', dispose: db.stop };
  }
  const name = `partnerline_regbench_${Date.now()}`;
  const c = new Client({ connectionString: server });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  const [{ server_version }] = (await c.query('SHOW server_version')).rows;
  await c.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    kind: `PostgreSQL ${server_version}`,
    dispose: async () => {
      const d = new Client({ connectionString: server });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/** Partners with a registration agreement on all of China, and registrations (70% closed) in random segments. */
async function generate(pool: Pool): Promise<{ industries: string[]; regions: string[]; creator: string }> {
  const started = performance.now();
  const industries = (await pool.query(`SELECT id FROM industries`)).rows.map((r) => r.id as string);
  const regions = (await pool.query(`SELECT id FROM regions WHERE level <> 'country'`)).rows.map((r) => r.id as string);
  const [{ id: creator }] = (await pool.query(`SELECT id FROM users WHERE email = 'manager@partnerline.demo'`)).rows;
  await pool.query(
    `INSERT INTO partners (name, type, status, tax_id, domain, approved_at)
     SELECT '基准伙伴' || g, 'smb', 'active', 'BENCH-' || g, 'bench' || g || '.example.cn', now() FROM generate_series(1, $1) g`,
    [PARTNERS],
  );
  const partnerIds = (await pool.query(`SELECT id FROM partners WHERE tax_id LIKE 'BENCH-%'`)).rows.map((r) => r.id as string);
  await pool.query(
    `WITH a AS (INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by)
                SELECT id, 'registration', 'active', DATE '2020-01-01', DATE '2100-01-01', '{"evidenceStandard":{"proofOfCommunication":false,"customerFeedback":false,"customerDetails":false}}', $1
                  FROM partners WHERE tax_id LIKE 'BENCH-%' RETURNING id)
     INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) SELECT id, NULL, NULL FROM a`,
    [creator],
  );
  const statuses = ['in_review', 'in_conflict', 'approved', 'won', 'lost', 'expired', 'rejected', 'won', 'lost', 'expired'];
  const details = JSON.stringify({ customer: {}, contacts: [], products: [], estimatedAmount: '100000.00', expectedCloseDate: '2027-06-30', stage: 'qualifying', need: 'bench', evidence: {} });
  for (let done = 0; done < REGISTRATIONS; ) {
    const n = Math.min(5000, REGISTRATIONS - done);
    const rows = Array.from({ length: n }, (_, k) => {
      const name = customerName(done + k);
      return { name, norm: normaliseCustomerName(name), core: customerNameCore(name), domain: rand() < 0.5 ? canonicalDomain(`c${done + k}.example.com`) : null, partner: pick(partnerIds), industry: pick(industries), region: pick(regions), status: pick(statuses) };
    });
    await pool.query(
      `INSERT INTO deal_registrations (partner_id, status, customer_name, customer_name_norm, customer_name_core, customer_domain, industry_id, region_id, details, estimated_amount, expected_close, submitted_at, created_by)
       SELECT x.p, x.s, x.n, x.nn, x.c, x.d, x.i, x.r, $9, 100000, DATE '2027-06-30', now(), $10
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[]) AS x(p, s, n, nn, c, d, i, r)`,
      [rows.map((r) => r.partner), rows.map((r) => r.status), rows.map((r) => r.name), rows.map((r) => r.norm), rows.map((r) => r.core), rows.map((r) => r.domain), rows.map((r) => r.industry), rows.map((r) => r.region), details, creator],
    );
    done += n;
  }
  await pool.query(`ANALYZE`);
  console.log(`generated ${PARTNERS} partners, ${REGISTRATIONS} registrations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { industries, regions, creator };
}

function stats(ms: number[], seconds: number) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1) : '-');
  return `${(s.length / seconds).toFixed(1)} submissions/s  p50 ${at(50)} ms  p95 ${at(95)} ms  p99 ${at(99)} ms  (${s.length} in ${seconds} s)`;
}

/** Statements sent by every pg client in this process (the app's pool and the raw path's). */
let statements = 0;
const clientQuery = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statements++;
  if (process.env.BENCH_TRACE_SQL) console.log('SQL', String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).replace(/\s+/g, ' ').slice(0, 150));
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

let apiPid = 0;

/** CPU seconds used so far by one process (0 when there is none). */
function processCpuSeconds(pid: number): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by every PostgreSQL process on this machine (server on localhost), from /proc. */
function postgresCpuSeconds(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* the process ended while we read */
    }
  }
  return ticks / 100;
}

/** Runs `work` and prints what it cost: this process's CPU (API + client for the API path), PostgreSQL's CPU, commits and WAL. */
async function measured(pool: Pool, label: string, work: () => Promise<number[]>): Promise<number[]> {
  const db = async () => (await pool.query(`SELECT xact_commit::bigint AS c, pg_current_wal_lsn() AS lsn FROM pg_stat_database WHERE datname = current_database()`)).rows[0];
  const before = await db();
  const profile = process.argv.includes('--profile') ? new Session() : null;
  if (profile) {
    profile.connect();
    await profile.post('Profiler.enable');
    await profile.post('Profiler.start');
  }
  const statements0 = statements;
  const cpu = process.cpuUsage();
  const pg0 = postgresCpuSeconds();
  const api0 = processCpuSeconds(apiPid);
  const lat = await work();
  const own = process.cpuUsage(cpu);
  const pgCpu = postgresCpuSeconds() - pg0;
  const apiCpu = processCpuSeconds(apiPid) - api0;
  if (profile) {
    const { profile: p } = await profile.post('Profiler.stop');
    writeFileSync(`/tmp/registrations-${label}-${lat.length}.cpuprofile`, JSON.stringify(p));
  }
  await new Promise((r) => setTimeout(r, 1100)); // PostgreSQL publishes a backend's counters at most once a second
  const after = await db();
  const [{ wal }] = (await pool.query(`SELECT pg_wal_lsn_diff($1, $2)::bigint AS wal`, [after.lsn, before.lsn])).rows;
  const n = Math.max(1, lat.length);
  console.log(
    `          ${label}: CPU per submission: PostgreSQL ${((pgCpu * 1000) / n).toFixed(2)} ms, API process ${label === 'API' ? ((apiCpu * 1000) / n).toFixed(2) : '—'} ms, client ${(((own.user + own.system) / 1000) / n).toFixed(2)} ms; ` +
      `${((statements - statements0) / n).toFixed(1)} statements, ${((Number(after.c) - Number(before.c) - 2) / n).toFixed(1)} commits, ${(Number(wal) / n / 1024).toFixed(1)} kB WAL`,
  );
  return lat;
}

/** `clients` loops doing `op` for SECONDS; returns each op's latency. */
async function drive(clients: number, op: (i: number) => Promise<void>): Promise<number[]> {
  const until = performance.now() + SECONDS * 1000;
  const lat: number[] = [];
  let seq = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await op(seq++);
        lat.push(performance.now() - t);
      }
    }),
  );
  return lat;
}

async function main() {
  const db = await database();
  await prepareDatabase(db.url, { runMigrations: true, seedDemo: true, seed: async (ds) => (await seedDemo(ds)) !== null });
  const pool = new Pool({ connectionString: db.url, max: Math.max(...CLIENTS) + 2 });
  const g = await generate(pool);
  // The API runs in its own process (as in production), so its CPU is measured apart from this client's.
  const api = fork(process.argv[1], ['--serve', ...process.argv.filter((a) => a === '--profile')], { env: { ...process.env, BENCH_DATABASE_URL: db.url, BENCH_POOL_SIZE: String(Math.max(...CLIENTS)) }, execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof')) });
  const base = await new Promise<string>((resolve, reject) => {
    api.once('message', (m) => resolve(String(m)));
    api.once('exit', (code) => reject(new Error(`API process ended (${code})`)));
  });
  apiPid = api.pid!;
  // One submitting partner (lanting, active): each submission is a new customer in a random segment of Zhejiang.
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@lanting.demo', password: DEMO_PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const zj = (await pool.query(`SELECT id FROM regions WHERE path LIKE '/CN/ZJ/%'`)).rows.map((r) => r.id as string);
  const [{ id: product }] = (await pool.query(`SELECT id FROM products LIMIT 1`)).rows;
  const [{ id: lanting }] = (await pool.query(`SELECT id FROM partners WHERE name LIKE '兰亭%' LIMIT 1`)).rows;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  let failures = 0;

  console.log(`\n${db.kind}; ${PARTNERS} partners, ${REGISTRATIONS} registrations; ${SECONDS} s per run`);
  for (const clients of CLIENTS) {
    const apiLat = await measured(pool, 'API', () => drive(clients, async (i) => {
      const body = { customer: { name: customerName(10_000_000 + clients * 1_000_000 + i), industryId: pick(g.industries), regionId: pick(zj) }, contacts: [{ name: '王', decisionLevel: 'decision_maker' }], products: [{ productId: product, quantity: 1 }], estimatedAmount: '100000.00', expectedCloseDate: '2027-06-30', stage: 'qualifying', need: '基准测试：新客户报备。', evidence: { proofOfCommunication: 'x', customerFeedback: 'x', customerDetails: 'x' } };
      // What the portal's one-screen form sends on "Submit": create and submit in one request and one transaction.
      const submitted = await fetch(`${base}/api/deal-registrations?submit=true`, { method: 'POST', headers, body: JSON.stringify(body) });
      await submitted.arrayBuffer();
      if (submitted.status !== 201) failures++;
    }));
    console.log(`API path  ${String(clients).padStart(2)} clients: ${stats(apiLat, SECONDS)}`);

    const rawLat = await measured(pool, 'raw', () => drive(clients, async (i) => {
      const c = await pool.connect();
      try {
        const name = customerName(20_000_000 + clients * 1_000_000 + i);
        const core = customerNameCore(name);
        const industry = pick(g.industries);
        const region = pick(zj);
        await c.query('BEGIN');
        const locks = matchLocks({ taxId: null, domain: null, regionRootId: zj[0], industryId: industry });
        await c.query(`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) k`, [locks.map((l) => l.key)]);
        await c.query(`SELECT set_config('pg_trgm.similarity_threshold', '0.3', true)`);
        await c.query(
          `SELECT id FROM deal_registrations WHERE status IN ('submitted', 'in_review', 'in_conflict', 'approved') AND partner_id <> $1
              AND region_id = ANY($2::uuid[]) AND industry_id = $3 AND customer_name_core % $4 LIMIT 500`,
          [lanting, zj, industry, core],
        );
        const { rows } = await c.query(
          `INSERT INTO deal_registrations (partner_id, status, customer_name, customer_name_norm, customer_name_core, industry_id, region_id, details, estimated_amount, expected_close, submitted_at, created_by)
           VALUES ($1, 'in_review', $2, $3, $4, $5, $6, '{}', 100000, DATE '2027-06-30', now(), $7) RETURNING id`,
          [lanting, name, normaliseCustomerName(name), core, industry, region, g.creator],
        );
        await c.query(`INSERT INTO registration_status_history (registration_id, from_status, to_status) VALUES ($1, 'submitted', 'in_review')`, [rows[0].id]);
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    }));
    console.log(`raw path  ${String(clients).padStart(2)} clients: ${stats(rawLat, SECONDS)}`);
  }
  if (failures) console.log(`API submissions not answered 201: ${failures}`);
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
  const config = loadConfig({ SESSION_SECRET: 'x'.repeat(40), DATABASE_URL: url, JOBS_ENABLED: 'false', DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '32' });
  // Request logging as in production (info: one line per request), written to /dev/null so the disk is not measured.
  const app = await createApp(config, url, pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination({ dest: '/dev/null', sync: false })));
  await app.listen(0, '127.0.0.1');
  process.send!((await app.getUrl()).replace('[::1]', '127.0.0.1'));
  if (process.argv.includes('--profile')) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    process.once('message', async () => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(`/tmp/registrations-api-process.cpuprofile`, JSON.stringify(profile));
      process.exit(0);
    });
  } else {
    process.once('message', () => process.exit(0));
  }
}

(process.argv.includes('--serve') ? serve() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
