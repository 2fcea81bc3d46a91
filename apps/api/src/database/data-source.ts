import { types } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { lockMigrations, unlockMigrations } from './migration-lock.repository';
import { MIGRATIONS } from './migrations';

// A SQL date is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a Date at local midnight.
types.setTypeParser(types.builtins.DATE, (value) => value);

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    extra: { max: poolSize, application_name: 'partnerline' },
  };
}

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that several API
 * instances starting together migrate once. Returns the names of the migrations applied.
 */
export function migrate(dataSource: DataSource): Promise<string[]> {
  // Embedded PostgreSQL is one backend session, where advisory locks do not exclude:
  // serialise callers inside this process too.
  const run = inProcessQueue.then(() => migrateLocked(dataSource));
  inProcessQueue = run.catch(() => undefined);
  return run;
}

let inProcessQueue: Promise<unknown> = Promise.resolve();

async function migrateLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await lockMigrations(runner);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await unlockMigrations(runner).catch(() => undefined);
    await runner.release();
  }
}
