import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction and hands it the transaction's manager: every query of the
 * unit of work (the change and its audit row) must go through that manager.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  // READ COMMITTED is PostgreSQL's default: naming it would cost a SET TRANSACTION statement on every transaction.
  return dataSource.transaction(work);
}
