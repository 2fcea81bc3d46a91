import { createHash, randomBytes } from 'node:crypto';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { setDefaultIsReadCommitted } from '../common/database/transaction';

/**
 * Connection-level SQL that owns no table: named prepared statements for the repositories' hot paths, and the
 * session's default isolation level read once at start.
 *
 * Named (server-side prepared) statements for the hot paths (registration submission, session lookup): PostgreSQL
 * parses and plans each text once per connection instead of on every call — at scale that planning was a third of
 * the database's CPU per submission. Names carry this process's random tag and a per-connection number: the
 * embedded database (PGlite) is one session shared by every connection (of this app, of other apps in the same
 * test run, and of a connection that replaced a closed one), where two connections preparing one name would collide.
 */
let enabled = false;

export function usePreparedStatements(on: boolean): void {
  enabled = on;
}

const hashes = new Map<string, string>();
const connectionNumbers = new WeakMap<object, number>();
let connections = 0;
const instance = randomBytes(4).toString('hex');

function nameOf(connection: object, text: string): string {
  let hash = hashes.get(text);
  if (!hash) {
    hash = createHash('sha1').update(text).digest('hex').slice(0, 16);
    hashes.set(text, hash);
  }
  let n = connectionNumbers.get(connection);
  if (n === undefined) connectionNumbers.set(connection, (n = ++connections));
  return `pl_${instance}_${n}_${hash}`;
}

type PgQueryable = { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };
type PgPool = { connect(): Promise<PgQueryable & { release(): void }> };

/**
 * Runs one statement as `m.query(text, values)` would (rows back; errors as TypeORM's QueryFailedError), prepared by
 * name. `m` is a transaction's manager (its connection is used) or the data source / its manager (a pooled one).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same contract as EntityManager.query
export async function preparedQuery<T = any>(m: EntityManager | DataSource, text: string, values: unknown[] = []): Promise<T[]> {
  if (!enabled) return m.query(text, values);
  const runner = 'queryRunner' in m ? m.queryRunner : undefined;
  if (runner) return run<T>(await (runner as unknown as { connect(): Promise<PgQueryable> }).connect(), text, values);
  // Outside a transaction: a connection from the pool for this one statement.
  const pool = (((m as EntityManager).connection ?? (m as DataSource)).driver as unknown as { master: PgPool }).master;
  const client = await pool.connect();
  try {
    return await run<T>(client, text, values);
  } finally {
    client.release();
  }
}

async function run<T>(client: PgQueryable, text: string, values: unknown[]): Promise<T[]> {
  try {
    return (await client.query({ name: nameOf(client, text), text, values })).rows as T[];
  } catch (err) {
    throw new QueryFailedError(text, values, err as Error);
  }
}

/** Reads the default isolation level of our connections once at start (see common/database/transaction.ts). */
export async function checkDefaultIsolation(dataSource: DataSource): Promise<boolean> {
  const [row]: { level: string }[] = await dataSource.query(`SELECT current_setting('default_transaction_isolation') AS level`);
  const readCommitted = row?.level === 'read committed';
  setDefaultIsReadCommitted(readCommitted);
  return readCommitted;
}
