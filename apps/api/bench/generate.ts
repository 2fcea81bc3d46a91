/**
 * Shared bench data (issue #13, from the generator of registrations.bench.ts): a bench database on DATABASE_URL (or the
 * embedded PGlite), and a generator that fills the product schema with partners and registrations by set-based inserts.
 */
import { canonicalDomain, customerNameCore, normaliseCustomerName } from '@partnerline/domain';
import { Client, Pool } from 'pg';
import { openDatabase } from '../src/bootstrap/database';
import { loadConfig } from '../src/config/config';

export const BENCH_SECRET = 'x'.repeat(40);

export const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

const BRAND = '华信天宇恒通鼎盛云帆海纳智远北辰青云金石兰亭星河远航博雅瑞丰嘉禾明德启航新元东方众合聚力联创安泰宏图卓越'.split('');
export const BUSINESS = ['科技', '软件', '物流', '银行', '电子', '医药', '教育', '能源', '制造', '传媒'];
let rnd = 42;
export const rand = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648;
export const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
export const customerName = (i: number) => `${pick(BRAND)}${pick(BRAND)}${pick(BRAND)}${i.toString(36)}${pick(BUSINESS)}有限公司`;
const partnerName = (i: number) => `${pick(BRAND)}${pick(BRAND)}${i.toString(36)}${pick(BUSINESS)}伙伴有限公司`;

export interface BenchDatabase {
  url: string;
  kind: string;
  /** Given by --reuse: a database kept by an earlier run (--keep), to measure again without generating. */
  reused: boolean;
  dispose: () => Promise<void>;
}

/**
 * A fresh database on the server of DATABASE_URL (dropped by dispose), or an in-memory PGlite. With `reusable`, the
 * bench takes `--reuse <kept database url>`: that database is returned as it is (`reused`, never dropped).
 */
export async function benchDatabase(label: string, o: { reusable?: boolean } = {}): Promise<BenchDatabase> {
  const reuse = o.reusable ? flag('reuse', '') : '';
  if (reuse) return { url: reuse, kind: 'PostgreSQL (reused)', reused: true, dispose: async () => {} };
  const server = process.env.DATABASE_URL;
  if (!server) {
    const db = await openDatabase(loadConfig({ SESSION_SECRET: BENCH_SECRET, DATA_DIR: `/tmp/partnerline-bench-${label}`, DATABASE_POOL_SIZE: '16' }), { inMemory: true });
    return { url: db.url, kind: 'embedded (PGlite)', reused: false, dispose: db.stop };
  }
  const name = `partnerline_${label}_${Date.now()}`;
  const c = new Client({ connectionString: server });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  const [{ server_version }] = (await c.query('SHOW server_version')).rows;
  await c.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    kind: `PostgreSQL ${server_version}`,
    reused: false,
    dispose: async () => {
      const d = new Client({ connectionString: server });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/**
 * A pool on the bench database. Idle connections are cut when the database is dropped at the end (and pool.end()
 * resolves before its clients have closed): the pool reports that as an 'error' event — expected, not a failure.
 */
export function benchPool(url: string, max: number): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * `n` active partners named like real ones, tax ids `${taxPrefix}1…n` and domains `${domainPrefix}1…n.example.cn`,
 * spread over the given channel managers (none: no manager), in set-based inserts of 5,000.
 */
export async function insertPartners(db: Pick<Pool, 'query'>, n: number, o: { taxPrefix: string; domainPrefix: string; managers: readonly string[] }) {
  for (let done = 0; done < n; ) {
    const k = Math.min(5000, n - done);
    const names = Array.from({ length: k }, (_, j) => partnerName(done + j));
    await db.query(
      `INSERT INTO partners (name, type, status, tax_id, domain, approved_at, manager_id)
       SELECT x.n, 'smb', 'active', $4 || (x.k + $2), $5 || (x.k + $2) || '.example.cn', now(), ($3::uuid[])[1 + (x.k % cardinality($3::uuid[]))]
         FROM unnest($1::text[]) WITH ORDINALITY AS x(n, k)`,
      [names, done, o.managers.length ? o.managers : [null], o.taxPrefix, o.domainPrefix],
    );
    done += k;
  }
}

export interface Generated {
  industries: string[];
  regions: string[];
  creator: string;
  partnerIds: string[];
}

/**
 * Partners (named like real ones, a tenth with 科技 in the name, spread over the demo channel managers) with a registration
 * agreement on all of China, and registrations in random segments: ~15% waiting for review (SLA dates around today), the
 * rest approved or closed; one in ten in conflict is a party of an open case.
 */
export async function generate(pool: Pool, partners: number, registrations: number): Promise<Generated> {
  const started = performance.now();
  const industries = (await pool.query(`SELECT id FROM industries`)).rows.map((r) => r.id as string);
  const regions = (await pool.query(`SELECT id FROM regions WHERE level <> 'country'`)).rows.map((r) => r.id as string);
  const managers = (await pool.query(`SELECT id FROM users WHERE role = 'channel_manager'`)).rows.map((r) => r.id as string);
  const [{ id: creator }] = (await pool.query(`SELECT id FROM users WHERE email = 'manager@partnerline.demo'`)).rows;
  await insertPartners(pool, partners, { taxPrefix: 'BENCH-', domainPrefix: 'bench', managers });
  const partnerIds = (await pool.query(`SELECT id FROM partners WHERE tax_id LIKE 'BENCH-%'`)).rows.map((r) => r.id as string);
  await pool.query(
    `WITH a AS (INSERT INTO agreements (partner_id, type, status, start_date, end_date, terms, created_by)
                SELECT id, 'registration', 'active', DATE '2020-01-01', DATE '2100-01-01', '{"evidenceStandard":{"proofOfCommunication":false,"customerFeedback":false,"customerDetails":false}}', $1
                  FROM partners WHERE tax_id LIKE 'BENCH-%' RETURNING id)
     INSERT INTO agreement_scopes (agreement_id, industry_id, region_id) SELECT id, NULL, NULL FROM a`,
    [creator],
  );
  const statuses = ['in_review', 'in_review', 'in_conflict', 'submitted', 'approved', 'approved', 'won', 'lost', 'expired', 'rejected', 'won', 'lost', 'expired', 'withdrawn'];
  const details = JSON.stringify({ customer: {}, contacts: [], products: [], estimatedAmount: '100000.00', expectedCloseDate: '2027-06-30', stage: 'qualifying', need: 'bench', evidence: {} });
  for (let done = 0; done < registrations; ) {
    const n = Math.min(5000, registrations - done);
    const rows = Array.from({ length: n }, (_, k) => {
      const name = customerName(done + k);
      const status = rand() < 0.5 ? pick(['won', 'lost', 'expired', 'rejected']) : pick(statuses);
      return {
        name, norm: normaliseCustomerName(name), core: customerNameCore(name), domain: rand() < 0.5 ? canonicalDomain(`c${done + k}.example.com`) : null,
        partner: pick(partnerIds), industry: pick(industries), region: pick(regions), status,
        amount: (Math.floor(rand() * 5000) * 1000).toFixed(2), days: Math.floor(rand() * 700), sla: Math.floor(rand() * 30) - 10,
      };
    });
    await pool.query(
      `INSERT INTO deal_registrations (partner_id, status, customer_name, customer_name_norm, customer_name_core, customer_domain, industry_id, region_id, details,
                                       estimated_amount, expected_close, submitted_at, sla_due, created_by)
       SELECT x.p, x.s, x.n, x.nn, x.c, x.d, x.i, x.r, $9, x.a, DATE '2027-06-30', now() - make_interval(days => x.ago),
              CASE WHEN x.s IN ('in_review', 'in_conflict', 'submitted') THEN current_date + x.sla END, $10
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $11::numeric[], $12::int[], $13::int[])
              AS x(p, s, n, nn, c, d, i, r, a, ago, sla)`,
      [rows.map((r) => r.partner), rows.map((r) => r.status), rows.map((r) => r.name), rows.map((r) => r.norm), rows.map((r) => r.core), rows.map((r) => r.domain),
        rows.map((r) => r.industry), rows.map((r) => r.region), details, creator, rows.map((r) => r.amount), rows.map((r) => r.days), rows.map((r) => r.sla)],
    );
    done += n;
  }
  // Open cases: one in ten registrations in conflict, each with itself as the party.
  await pool.query(
    `WITH c AS (INSERT INTO conflicts (kind, kinds, status, registration_id)
                SELECT 'duplicate_customer', '{duplicate_customer}', 'open', id FROM deal_registrations
                 WHERE status = 'in_conflict' AND created_by = $1 AND random() < 0.1 RETURNING id, registration_id)
     INSERT INTO conflict_parties (conflict_id, registration_id) SELECT id, registration_id FROM c`,
    [creator],
  );
  await pool.query(`VACUUM ANALYZE`);
  console.log(`generated ${partners} partners, ${registrations} registrations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { industries, regions, creator, partnerIds };
}
