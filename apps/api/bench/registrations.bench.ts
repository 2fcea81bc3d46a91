/**
 * Registration benchmark (issue #11): a generator fills the product schema with partners and registrations, then the
 * same "submit a new customer" work is driven two ways in one run and printed side by side:
 * - API path: the real app over HTTP (create draft + submit: eligibility, locks, index-served candidates, matcher, case);
 * - raw path: the same statements issued directly with pg in one transaction (the floor the API is measured against).
 *
 *   DATABASE_URL=postgres://…  pnpm --filter @partnerline/api bench:registrations -- --partners 50000 --registrations 1000000
 *   flags: --partners N (2000) --registrations N (40000) --clients 8,32 --seconds 10
 * Needs DATABASE_URL (a PostgreSQL server): the API runs in its own process, which the embedded PGlite (one session in
 * this process) cannot serve.
 */
import 'reflect-metadata';
import { canonicalDomain, customerNameCore, customerNamesMatch, matchLocks, normaliseCustomerName } from '@partnerline/domain';
import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Client, type Pool } from 'pg';
import pino from 'pino';
import type { RegistrationInput } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { usePreparedStatements } from '../src/database/connection.repository';
import { AgreementsRepository } from '../src/modules/agreements/agreements.repository';
import { AuditRepository } from '../src/modules/audit/audit.repository';
import { AuthRepository } from '../src/modules/auth/auth.repository';
import { hashSessionToken } from '../src/modules/auth/session-token';
import { CatalogRepository } from '../src/modules/catalog/catalog.repository';
import { customerColumns, DealRegistrationsRepository, type Row } from '../src/modules/deal-registrations/deal-registrations.repository';
import { DirectAccountsRepository } from '../src/modules/deal-registrations/direct-accounts.repository';
import { NotificationsRepository } from '../src/modules/notifications/notifications.repository';
import { PartnersRepository } from '../src/modules/partners/partners.repository';
import { PoliciesRepository } from '../src/modules/policies/policies.repository';
import { createApp } from '../src/bootstrap/create-app';
import { prepareDatabase } from '../src/bootstrap/database';
import { BENCH_SECRET, benchDatabase, benchPool, customerName, flag, pick, rand } from './generate';
import { loadConfig } from '../src/config/config';
import { DEMO_PASSWORD } from '../src/seed/data/partners';
import { seedDemo } from '../src/seed/seed';

const PARTNERS = Number(flag('partners', '2000'));
const REGISTRATIONS = Number(flag('registrations', '40000'));
const CLIENTS = flag('clients', '8,32').split(',').map(Number);
const SECONDS = Number(flag('seconds', '10'));

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

let apiProcess: ChildProcess | null = null;

/** Statements sent so far by the API process (asked over IPC). */
function apiStatements(): Promise<number> {
  const child = apiProcess;
  if (!child) return Promise.resolve(0);
  return new Promise((resolve) => {
    const on = (m: unknown) => {
      if (m && typeof m === 'object' && 'statements' in m) {
        child.off('message', on);
        resolve(Number((m as { statements: number }).statements));
      }
    };
    child.on('message', on);
    child.send('count');
  });
}

/**
 * CPU seconds used so far by the PostgreSQL server on this machine: the postmaster's own and reaped children's time
 * (backends that ended — their time moves into the postmaster's cutime/cstime) plus every live postgres process.
 */
function postgresCpuSeconds(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = readFileSync(`/proc/${f[1]}/stat`, 'utf8');
      const postmaster = !parent.includes('(postgres)');
      ticks += Number(f[11]) + Number(f[12]) + (postmaster ? Number(f[13]) + Number(f[14]) : 0);
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
  const statements0 = label === 'API' ? await apiStatements() : statements;
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
      `${(((label === 'API' ? await apiStatements() : statements) - statements0) / n).toFixed(1)} statements, ${((Number(after.c) - Number(before.c) - 2) / n).toFixed(1)} commits, ${(Number(wal) / n / 1024).toFixed(1)} kB WAL`,
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

/**
 * The raw path: the statements of one API submission (session lookup, policies, region context, partner, covering
 * agreement, exclusive holders, locks, candidates, direct accounts, insert with history, audit, notice), issued by the
 * product's own repository functions on a pg connection — no HTTP, no Nest, no TypeORM — with the same prepared
 * statements. What the API path adds on top is the cost of the web framework and of the service code.
 */
function rawPath(pool: Pool, tokenHash: string) {
  usePreparedStatements(true);
  const db = { driver: { master: pool }, query: async (t: string, v?: unknown[]) => (await pool.query(t, v)).rows } as unknown as DataSource;
  (db as unknown as { manager: unknown }).manager = { connection: db, query: db.query };
  const catalog = new CatalogRepository(db);
  const auth = new AuthRepository(db);
  const partners = new PartnersRepository(db, auth, catalog);
  const agreements = new AgreementsRepository(db, partners, auth, catalog);
  const repo = new DealRegistrationsRepository(db);
  const direct = new DirectAccountsRepository(db);
  const audit = new AuditRepository();
  const notifications = new NotificationsRepository(db);
  const policiesRepo = new PoliciesRepository(db);
  return {
    async submit(input: RegistrationInput) {
      const session = await auth.findActiveSession(tokenHash);
      const partnerId = session!.user.partnerId!;
      await policiesRepo.read();
      const client = await pool.connect();
      const m = { queryRunner: { connect: async () => client }, query: async (t: string, v?: unknown[]) => (await client.query(t, v)).rows } as unknown as EntityManager;
      try {
        await client.query('BEGIN');
        const day = new Date().toISOString().slice(0, 10);
        const r = { id: '00000000-0000-0000-0000-000000000000', partner_id: partnerId, status: 'draft', ...customerColumns(input), details: input } as Row;
        const regions = await catalog.regionContext(m, r.region_id);
        const [partner] = await partners.briefs(m, [partnerId]);
        await agreements.coveringAgreements(m, partnerId, r.industry_id, r.region_id, day, regions.upward);
        await agreements.exclusiveHolderIds(m, r.industry_id, r.region_id, day, partnerId);
        await repo.lockKeys(m, matchLocks({ taxId: r.customer_tax_id, domain: r.customer_domain, regionRootId: regions.root, industryId: r.industry_id, aboveRootIds: regions.aboveRoot }));
        const matches = await repo.openMatches(m, r, regions.related);
        matches.others.forEach((c) => customerNamesMatch(r.customer_name, c.customer_name, { threshold: 0.85 }));
        await direct.candidates(m, { taxId: r.customer_tax_id, domain: r.customer_domain, nameCore: r.customer_name_core, regionIds: regions.related, industryId: r.industry_id });
        const row = await repo.insertSubmitted(m, partnerId, input, session!.user.id, { status: 'in_review', submittedAt: new Date(), slaDue: day, agreementId: null });
        const entry = (action: string, after: object) => ({ actorId: session!.user.id, actorEmail: session!.user.email, entity: 'deal_registration', entityId: row.id, action, before: null, after, requestId: null });
        await audit.appendMany(m, [entry('registration.drafted', input), entry('registration.submitted', { status: 'submitted' }), entry('registration.in_review', { status: 'in_review' })]);
        await notifications.insertMany(m, [{ userId: partner.managerId ?? session!.user.id, kind: 'registration.submitted', params: { customer: r.customer_name, partner: partner.name, due: day }, link: `/admin/registrations/${row.id}`, emailStatus: 'none' }]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error('bench:registrations needs DATABASE_URL (a PostgreSQL server, e.g. from infra/postgres/local-pg15.sh)');
    process.exit(2);
  }
  const db = await benchDatabase('regbench');
  await prepareDatabase(db.url, { runMigrations: true, seedDemo: true, seed: async (ds) => (await seedDemo(ds)) !== null });
  const pool = benchPool(db.url, Math.max(...CLIENTS) + 2);
  const g = await generate(pool);
  // The API runs in its own process (as in production), so its CPU is measured apart from this client's.
  const api = fork(process.argv[1], ['--serve', ...process.argv.filter((a) => a === '--profile')], { env: { ...process.env, BENCH_DATABASE_URL: db.url, BENCH_POOL_SIZE: String(Math.max(...CLIENTS)) }, execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof')) });
  const base = await new Promise<string>((resolve, reject) => {
    api.once('message', (m) => resolve(String(m)));
    api.once('exit', (code) => reject(new Error(`API process ended (${code})`)));
  });
  apiPid = api.pid!;
  apiProcess = api;
  // One submitting partner (lanting, active): each submission is a new customer in a random segment of Zhejiang.
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@lanting.demo', password: DEMO_PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const zj = (await pool.query(`SELECT id FROM regions WHERE path LIKE '/CN/ZJ/%'`)).rows.map((r) => r.id as string);
  const [{ id: product }] = (await pool.query(`SELECT id FROM products LIMIT 1`)).rows;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const raw = rawPath(pool, hashSessionToken(token, BENCH_SECRET));
  const rawInput = (name: string, industryId: string, regionId: string): RegistrationInput => ({ customer: { name, industryId, regionId }, contacts: [{ name: '王', decisionLevel: 'decision_maker' }], products: [{ productId: product, quantity: 1 }], estimatedAmount: '100000.00', expectedCloseDate: '2027-06-30', stage: 'qualifying', need: '基准测试：新客户报备。', evidence: { proofOfCommunication: 'x', customerFeedback: 'x', customerDetails: 'x' } }) as RegistrationInput;
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

    const rawLat = await measured(pool, 'raw', () => drive(clients, async (i) => raw.submit(rawInput(customerName(20_000_000 + clients * 1_000_000 + i), pick(g.industries), pick(zj)))));
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
  const config = loadConfig({ SESSION_SECRET: BENCH_SECRET, DATABASE_URL: url, JOBS_ENABLED: 'false', DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '32' });
  // Request logging as in production (info: one line per request), written to /dev/null so the disk is not measured.
  const app = await createApp(config, url, pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination({ dest: '/dev/null', sync: false })));
  await app.listen(0, '127.0.0.1');
  process.send!((await app.getUrl()).replace('[::1]', '127.0.0.1'));
  if (process.argv.includes('--profile')) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    process.on('message', async (msg) => {
      if (msg === 'count') return process.send!({ statements });
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(`/tmp/registrations-api-process.cpuprofile`, JSON.stringify(profile));
      process.exit(0);
    });
  } else {
    process.on('message', (msg) => (msg === 'count' ? process.send!({ statements }) : process.exit(0)));
  }
}

(process.argv.includes('--serve') ? serve() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
