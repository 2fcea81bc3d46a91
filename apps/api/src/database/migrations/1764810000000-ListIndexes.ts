import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('submitted', 'in_review', 'in_conflict')`;
/** Trigram indexes for ILIKE search; immediate insertion (no pending list to read on every search: see 1764800000000). */
const GIN = [
  ['deal_registrations_customer_name_trgm', 'deal_registrations', 'customer_name'],
  ['partners_tax_id_trgm', 'partners', 'tax_id'],
  ['partners_domain_trgm', 'partners', 'domain'],
] as const;
/** Btrees matching the review queue's tabs and sorts (issue #13): a page is an index walk, a capped count stops early. */
const BTREE = [
  // the default view: open registrations by SLA due; and its other sorts
  `deal_registrations_queue_open_sla_idx ON deal_registrations (sla_due, id) WHERE ${OPEN}`,
  `deal_registrations_queue_open_submitted_idx ON deal_registrations (submitted_at, id) WHERE ${OPEN}`,
  `deal_registrations_queue_open_amount_idx ON deal_registrations (estimated_amount, id) WHERE ${OPEN}`,
  `deal_registrations_queue_open_customer_idx ON deal_registrations (customer_name, id) WHERE ${OPEN}`,
  // one status tab (in review, approved, …) and "all"
  `deal_registrations_queue_status_sla_idx ON deal_registrations (status, sla_due, id)`,
  `deal_registrations_queue_status_submitted_idx ON deal_registrations (status, submitted_at, id)`,
  `deal_registrations_queue_submitted_idx ON deal_registrations (submitted_at, id)`,
  // filters
  `deal_registrations_industry_status_idx ON deal_registrations (industry_id, status)`,
  `deal_registrations_region_status_idx ON deal_registrations (region_id, status)`,
];

/** Lists and searches at 1M registrations / 50k partners (issue #13). */
export class ListIndexes1764810000000 implements MigrationInterface {
  name = 'ListIndexes1764810000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, table, column] of GIN) {
      await q.query(`CREATE INDEX ${name} ON ${table} USING gin (${column} gin_trgm_ops) WITH (fastupdate = off)`);
    }
    for (const index of BTREE) await q.query(`CREATE INDEX ${index}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of BTREE) await q.query(`DROP INDEX IF EXISTS ${index.split(' ')[0]}`);
    for (const [name] of GIN) await q.query(`DROP INDEX IF EXISTS ${name}`);
  }
}
