import type { DataSource, EntityManager } from 'typeorm';

/**
 * Whether the server's default isolation level for our connections is READ COMMITTED (PostgreSQL's default). The
 * submission's "take the advisory locks, then read the candidates" needs each statement to see what the previous lock
 * holder committed, which READ COMMITTED gives; naming the level on every transaction would cost a statement each.
 * Checked once at start (checkDefaultIsolation); until then, and if a database or role changed the default, the level
 * is named explicitly.
 */
let defaultIsReadCommitted = false;

/** Set at start by checkDefaultIsolation (database/connection.repository.ts). */
export function setDefaultIsReadCommitted(value: boolean): void {
  defaultIsReadCommitted = value;
}

/**
 * Runs `work` in one READ COMMITTED transaction and hands it the transaction's manager: every query of the
 * unit of work (the change and its audit row) must go through that manager.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return defaultIsReadCommitted ? dataSource.transaction(work) : dataSource.transaction('READ COMMITTED', work);
}
