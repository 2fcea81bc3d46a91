/**
 * Registration sweep at scale: a fresh database on a PostgreSQL server with the demo data plus N generated
 * registrations (default 1,000,000: 70% closed, the rest approved with protection ending over a 150-day window that
 * starts 20 days ago, or in review with SLA dates around today), then the real sweep (DealRegistrationsService.sweep,
 * the code the job runner calls) three times: the first run works off the backlog, the second (same day) finds nothing,
 * the third is the next business day's ordinary work.
 * Prints the time, the work done, the number of batches and the longest batch (a batch is one transaction, so that is
 * the longest any row lock is held).
 *
 *   DATABASE_URL=postgres://… pnpm --filter @partnerline/api bench:sweep      # SWEEP_ROWS=1000000 by default
 */
import 'reflect-metadata';
import { Client } from 'pg';
import pino from 'pino';
import { createApp } from '../src/bootstrap/create-app';
import { prepareDatabase } from '../src/bootstrap/database';
import { businessToday } from '../src/common/time';
import { loadConfig } from '../src/config/config';
import { DealRegistrationsService } from '../src/modules/deal-registrations/deal-registrations.service';
import { seedDemo } from '../src/seed/seed';

const ROWS = Number(process.env.SWEEP_ROWS ?? 1_000_000);
const CHUNK = 100_000;

async function main() {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('bench:sweep needs DATABASE_URL (a PostgreSQL server); the embedded database is one session and not what this measures');
  const name = `partnerline_sweep_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  try {
    await prepareDatabase(url, { runMigrations: true, seedDemo: true, seed: async (ds) => (await seedDemo(ds)) !== null });
    const db = new Client({ connectionString: url });
    await db.connect();
    const version = (await db.query('SHOW server_version')).rows[0].server_version;
    const day = businessToday();
    let t = performance.now();
    const [{ details, created_by }] = (await db.query(`SELECT details, created_by FROM deal_registrations ORDER BY created_at LIMIT 1`)).rows;
    for (let from = 0; from < ROWS; from += CHUNK) {
      const to = Math.min(ROWS, from + CHUNK) - 1;
      await db.query(
        `WITH p AS (SELECT array_agg(id ORDER BY id) ids FROM partners),
              s AS (SELECT array_agg(industry_id ORDER BY industry_id, region_id) ind, array_agg(region_id ORDER BY industry_id, region_id) reg FROM segments)
         INSERT INTO deal_registrations (partner_id, status, customer_name, customer_name_norm, customer_name_core, customer_tax_id, industry_id, region_id,
                                         details, estimated_amount, expected_close, submitted_at, sla_due, approved_at, protection_ends, created_by)
         SELECT p.ids[1 + i % array_length(p.ids, 1)],
                CASE WHEN i % 10 < 7 THEN (ARRAY['won','lost','expired'])[1 + i % 3] WHEN i % 10 = 8 THEN 'in_review' ELSE 'approved' END,
                'Bench customer ' || i, 'bench customer ' || i, 'bench customer ' || i, 'BENCH' || lpad(i::text, 13, '0'),
                s.ind[1 + i % array_length(s.ind, 1)], s.reg[1 + i % array_length(s.reg, 1)],
                $3::jsonb, 100000, $1::date + 60, now(),
                CASE WHEN i % 10 = 8 THEN $1::date + (i / 10 % 40 - 20) END,
                CASE WHEN i % 10 IN (7, 9) THEN now() END,
                CASE WHEN i % 10 = 7 THEN $1::date + (i / 10 % 150 - 20) WHEN i % 10 = 9 THEN $1::date + 200 END,
                $4
           FROM generate_series($2::int, $5::int) i, p, s`,
        [day, from, details, created_by, to],
      );
    }
    await db.query('ANALYZE');
    console.log(`generated ${ROWS.toLocaleString('en')} registrations in ${((performance.now() - t) / 1000).toFixed(1)} s (PostgreSQL ${version})`);

    const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'b'.repeat(40), DATABASE_URL: url, JOBS_ENABLED: 'false', DATABASE_POOL_SIZE: '4' });
    const app = await createApp(config, url, pino({ level: 'silent' }));
    await app.init();
    const sweeps = app.get(DealRegistrationsService);
    const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const runs: [string, string][] = [
      ['first run (a 20-day backlog)', day],
      ['second run, same day (nothing left)', day],
      ['next day (one day of work)', nextDay],
    ];
    for (const [label, runDay] of runs) {
      let last = performance.now();
      let longest = 0;
      let batches = 0;
      t = performance.now();
      const r = await sweeps.sweep(runDay, async () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        batches++;
      });
      const s = (performance.now() - t) / 1000;
      console.log(
        `${label}: ${s.toFixed(2)} s — expired ${r.expired.length}, reminded ${r.reminded}, escalated ${r.escalated}; ` +
          `${batches} batches, longest batch ${longest.toFixed(0)} ms`,
      );
    }
    await app.close();
    await db.end();
  } finally {
    if (!process.env.KEEP_DATABASE) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
