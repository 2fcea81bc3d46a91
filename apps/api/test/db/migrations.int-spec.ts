import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { prepareDatabase } from '../../src/bootstrap/database';
import { dataSourceOptions } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/** A brand-new empty database: on the configured server, or a second embedded instance. */
async function emptyDatabase(): Promise<{ url: string; dispose: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedPostgres(null, 20);
    return { url: embedded.url, dispose: embedded.stop };
  }
  const name = `partnerline_mig_${process.pid}_${Date.now()}`;
  const c = new Client({ connectionString: server });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    dispose: async () => {
      const d = new Client({ connectionString: server });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

// Every test here migrates fresh databases from nothing (29 migrations; the round trip up, down and up again): 35–100 s
// on a busy 2-core machine, so not the default 30 s.
jest.setTimeout(180_000);

describe('migrations', () => {
  it('four instances starting together migrate once (advisory lock) and all succeed', async () => {
    const db = await emptyDatabase();
    try {
      const results = await Promise.all([1, 2, 3, 4].map(() => prepareDatabase(db.url, { runMigrations: true, seedDemo: false })));
      const applied = results.flatMap((r) => r.migrations);
      expect(applied).toEqual(MIGRATIONS.map((m) => new m().name));
      const c = new Client({ connectionString: db.url });
      await c.connect();
      const { rows } = await c.query(`SELECT name FROM schema_migrations`);
      await c.end();
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await db.dispose();
    }
  });

  it('every migration can be reverted and re-applied (down is real)', async () => {
    const db = await emptyDatabase();
    const ds = new DataSource(dataSourceOptions(db.url, 2));
    try {
      await ds.initialize();
      await ds.runMigrations();
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
      const tables = await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`);
      expect(tables[0].n).toBe(0);
      const again = await ds.runMigrations();
      expect(again).toHaveLength(MIGRATIONS.length);
    } finally {
      await ds.destroy();
      await db.dispose();
    }
  });
});
