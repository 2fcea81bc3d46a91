import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review queue's customer-name search index (1764810000000) covers every registration and is written by every
 * submission, but searched only by people: immediate insertion there costs each submission dozens of trigram entries.
 * It takes new entries in a small pending list again (256 kB, merged by autovacuum or when full), which a search reads
 * in about a millisecond. The indexes that every submission searches keep immediate insertion (1764800000000).
 */
export class SearchIndexPendingList1764880000000 implements MigrationInterface {
  name = 'SearchIndexPendingList1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX deal_registrations_customer_name_trgm SET (fastupdate = on, gin_pending_list_limit = 256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX deal_registrations_customer_name_trgm SET (fastupdate = off)`);
    await q.query(`ALTER INDEX deal_registrations_customer_name_trgm RESET (gin_pending_list_limit)`);
  }
}
