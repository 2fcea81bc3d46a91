import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

// PGlite ships as ESM; this indirection keeps TypeScript from rewriting import() to require().
const esmImport = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

/**
 * Starts PostgreSQL embedded in this process (PGlite) and exposes it over the wire protocol on
 * 127.0.0.1, so TypeORM and pg talk to it exactly as they talk to a server.
 * PGlite is a single backend session: queries are serialised, and code inside a transaction must
 * use that transaction's manager (see docs/decisions/0003-embedded-postgres.md).
 */
export async function startEmbeddedPostgres(dataDir: string | null, maxConnections: number): Promise<EmbeddedPostgres> {
  const { PGlite } = await esmImport<typeof import('@electric-sql/pglite')>('@electric-sql/pglite');
  const { btree_gist } = await esmImport<typeof import('@electric-sql/pglite/contrib/btree_gist')>('@electric-sql/pglite/contrib/btree_gist');
  const { btree_gin } = await esmImport<typeof import('@electric-sql/pglite/contrib/btree_gin')>('@electric-sql/pglite/contrib/btree_gin');
  const { pg_trgm } = await esmImport<typeof import('@electric-sql/pglite/contrib/pg_trgm')>('@electric-sql/pglite/contrib/pg_trgm');
  const { PGLiteSocketServer } = await esmImport<typeof import('@electric-sql/pglite-socket')>('@electric-sql/pglite-socket');

  let dir: string | undefined;
  if (dataDir) {
    dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  const db = await PGlite.create(dir, { extensions: { btree_gist, btree_gin, pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const conn = server.getServerConn();
  return {
    url: `postgres://postgres:postgres@${conn}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
