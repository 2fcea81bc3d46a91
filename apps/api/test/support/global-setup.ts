import 'reflect-metadata';
import { Client } from 'pg';
import { prepareDatabase } from '../../src/bootstrap/database';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { seedDemo } from '../../src/seed/seed';

/**
 * One database for the run, migrated and loaded with the demo data:
 * - DATABASE_URL set: a fresh database on that server (dropped at the end);
 * - otherwise: an in-memory embedded PostgreSQL (PGlite) in this process.
 */
export default async function globalSetup() {
  const server = process.env.DATABASE_URL;
  let url: string;
  if (server) {
    const name = `partnerline_test_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    (globalThis as Record<string, unknown>).__PL_DROP__ = async () => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const embedded = await startEmbeddedPostgres(null, 30);
    url = embedded.url;
    (globalThis as Record<string, unknown>).__PL_DROP__ = embedded.stop;
  }
  await prepareDatabase(url, { runMigrations: true, seedDemo: true, seed: async (ds) => (await seedDemo(ds)) !== null });
  process.env.TEST_DATABASE_URL = url;
  process.env.TEST_DATABASE_KIND = server ? 'server' : 'embedded';
}
