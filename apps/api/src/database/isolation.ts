import type { DataSource } from 'typeorm';
import { setDefaultIsReadCommitted } from '../common/database/transaction';

/** Reads the default isolation level of our connections once at start (see common/database/transaction.ts). */
export async function checkDefaultIsolation(dataSource: DataSource): Promise<boolean> {
  const [row]: { level: string }[] = await dataSource.query(`SELECT current_setting('default_transaction_isolation') AS level`);
  const readCommitted = row?.level === 'read committed';
  setDefaultIsReadCommitted(readCommitted);
  return readCommitted;
}
