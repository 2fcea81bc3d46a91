import 'reflect-metadata';
import { Client } from 'pg';
import { prepareDatabase } from '../../src/bootstrap/database';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { seedDemo } from '../../src/seed/seed';

/** A fresh database: on the server when DATABASE_URL is set, else an in-memory embedded PostgreSQL in this process. */
async function freshDatabase(server: string | undefined, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (server) {
    const name = `partnerline_${label}_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      drop: async () => {
        const c = new Client({ connectionString: server });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const embedded = await startEmbeddedPostgres(null, 30);
  return { url: embedded.url, drop: embedded.stop };
}

/**
 * Two databases for the run, migrated and loaded with the demo data:
 * - TEST_DATABASE_URL, shared by every integration file (each adds its own records);
 * - TEST_DEMO_DATABASE_URL, the demo data alone, for the one file that asserts what the demo data shows as a whole
 *   (the coverage matrix aggregates every partner, so other files' records would change it). Only that file uses it.
 * DATABASE_URL set: fresh databases on that server (dropped at the end); otherwise in-memory embedded PostgreSQL.
 */
export default async function globalSetup() {
  const server = process.env.DATABASE_URL;
  const shared = await freshDatabase(server, 'test');
  const demo = await freshDatabase(server, 'demo');
  (globalThis as Record<string, unknown>).__PL_DROP__ = async () => {
    await shared.drop();
    await demo.drop();
  };
  for (const url of [shared.url, demo.url]) {
    await prepareDatabase(url, { runMigrations: true, seedDemo: true, seed: async (ds) => (await seedDemo(ds)) !== null });
  }
  process.env.TEST_DATABASE_URL = shared.url;
  process.env.TEST_DEMO_DATABASE_URL = demo.url;
  process.env.TEST_DATABASE_KIND = server ? 'server' : 'embedded';
}
