/**
 * HTTP benchmark: the real app (all middleware, guard, validation, serialisation) on a fresh database
 * with the demo data, driven by autocannon on loopback. Prints requests/s and latency percentiles.
 *
 *   pnpm --filter @partnerline/api bench                       # embedded PostgreSQL (PGlite)
 *   DATABASE_URL=postgres://… pnpm --filter @partnerline/api bench   # a PostgreSQL server (a database is created and dropped)
 *
 * Bounded: each scenario runs BENCH_SECONDS (default 8) against 127.0.0.1 only.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { Client } from 'pg';
import pino from 'pino';
import { createApp } from '../src/bootstrap/create-app';
import { openDatabase, prepareDatabase } from '../src/bootstrap/database';
import { loadConfig } from '../src/config/config';
import { DEMO_PASSWORD } from '../src/seed/data/partners';
import { seedDemo } from '../src/seed/seed';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function database(): Promise<{ url: string; kind: string; dispose: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const db = await openDatabase(loadConfig({ SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/partnerline-bench', DATABASE_POOL_SIZE: '16' }), { inMemory: true });
    return { url: db.url, kind: 'embedded (PGlite)', dispose: db.stop };
  }
  const name = `partnerline_bench_${Date.now()}`;
  const c = new Client({ connectionString: server });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const version = await (async () => {
    const v = new Client({ connectionString: u.toString() });
    await v.connect();
    const r = await v.query('SHOW server_version');
    await v.end();
    return r.rows[0].server_version as string;
  })();
  return {
    url: u.toString(),
    kind: `PostgreSQL ${version}`,
    dispose: async () => {
      const d = new Client({ connectionString: server });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

async function main() {
  const db = await database();
  await prepareDatabase(db.url, { runMigrations: true, seedDemo: true, seed: async (ds) => (await seedDemo(ds)) !== null });
  const config = loadConfig({ SESSION_SECRET: 'x'.repeat(40), DATABASE_URL: db.url, JOBS_ENABLED: 'false', DATABASE_POOL_SIZE: '16' });
  const app = await createApp(config, db.url, pino({ level: 'silent' }));
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'manager@partnerline.demo', password: DEMO_PASSWORD }) });
  const { token } = (await login.json()) as { token: string };

  const partners = (await (await fetch(`${base}/api/partners?q=${encodeURIComponent('华信')}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[] };
  const huaxin = partners.items[0].id;
  const scenarios: [string, string][] = [
    ['GET /api/health (no auth)', '/api/health'],
    ['GET /api/auth/me (session lookup)', '/api/auth/me'],
    ['GET /api/segments?pageSize=50', '/api/segments?pageSize=50'],
    ['GET /api/partners?pageSize=25 (directory)', '/api/partners?pageSize=25'],
    ['GET /api/partners?q=科技 (text search)', `/api/partners?q=${encodeURIComponent('科技')}`],
    ['GET /api/courses (catalogue)', '/api/courses'],
    ['GET /api/certifications (all certificates)', '/api/certifications'],
    ['GET /api/qualification?partnerId= (live check)', `/api/qualification?partnerId=${huaxin}`],
  ];
  console.log(`\nPartnerline HTTP benchmark — ${db.kind}, ${CONNECTIONS} connections, ${SECONDS} s each, Node ${process.version}\n`);
  console.log('scenario'.padEnd(44), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p97.5 ms'.padStart(9), 'p99 ms'.padStart(8), 'errors'.padStart(7));
  for (const [name, path] of scenarios) {
    const r = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: SECONDS, headers: { authorization: `Bearer ${token}` } });
    const errors = r.errors + r.non2xx;
    console.log(name.padEnd(44), r.requests.average.toFixed(0).padStart(8), String(r.latency.p50).padStart(8), String(r.latency.p97_5).padStart(9), String(r.latency.p99).padStart(8), String(errors).padStart(7));
  }
  await app.close();
  await db.dispose();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
