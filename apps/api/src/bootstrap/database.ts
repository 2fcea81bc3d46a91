import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions, migrate } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { ensurePoliciesRow } from '../modules/policies/policies.repository';

export interface DatabaseHandle {
  url: string;
  kind: 'embedded' | 'server';
  stop(): Promise<void>;
}

/** The configured PostgreSQL server, or an embedded one with its data in DATA_DIR. */
export async function openDatabase(config: AppConfig, options: { inMemory?: boolean } = {}): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, kind: 'server', stop: async () => undefined };
  // The pool may hold DATABASE_POOL_SIZE connections plus one for migrations and one for jobs.
  const embedded = await startEmbeddedPostgres(options.inMemory ? null : config.dataDir, config.DATABASE_POOL_SIZE + 4);
  return { url: embedded.url, kind: 'embedded', stop: embedded.stop };
}

export interface PrepareResult {
  migrations: string[];
  seeded: boolean;
}

/**
 * Brings the schema up to date (advisory-locked, so concurrent instances migrate once), makes sure
 * the policies row exists, and loads the demo data into an empty database when asked to.
 */
export async function prepareDatabase(
  url: string,
  opts: { runMigrations: boolean; seedDemo: boolean; seed?: (ds: DataSource) => Promise<boolean> },
): Promise<PrepareResult> {
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  try {
    const migrations = opts.runMigrations ? await migrate(ds) : [];
    await ensurePoliciesRow(ds);
    const seeded = opts.seedDemo && opts.seed ? await opts.seed(ds) : false;
    return { migrations, seeded };
  } finally {
    await ds.destroy();
  }
}
