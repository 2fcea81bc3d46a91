import type { QueryRunner } from 'typeorm';

/** Session advisory lock that makes concurrent instances migrate one after the other. */
const MIGRATION_LOCK_KEY = 727_274_001;

export async function lockMigrations(runner: QueryRunner): Promise<void> {
  await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
}

export async function unlockMigrations(runner: QueryRunner): Promise<void> {
  await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
}
