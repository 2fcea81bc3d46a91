import { customerNameCore } from '@partnerline/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The matcher learned more Latin forms (foreign city names, romanised Japanese business words, institution words,
 * Swedish compound legal forms): `customerNameCore` now gives some Latin names another core. Stored cores are what the
 * trigram index retrieves candidates by, so they are recomputed with the same domain function. Chinese cores did not
 * change, so only names with Latin letters are read; only changed rows are written, in batches.
 */
export class RecomputeNameCores1764860000000 implements MigrationInterface {
  name = 'RecomputeNameCores1764860000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of [
      { table: 'deal_registrations', name: 'customer_name', core: 'customer_name_core' },
      { table: 'direct_accounts', name: 'name', core: 'name_core' },
    ]) {
      const rows: { id: string; name: string; core: string | null }[] = await q.query(`SELECT id, ${t.name} AS name, ${t.core} AS core FROM ${t.table} WHERE ${t.name} ~ '[A-Za-z]'`);
      const changed = rows.map((r) => ({ id: r.id, core: customerNameCore(r.name) })).filter((r, i) => r.core !== rows[i].core);
      for (let i = 0; i < changed.length; i += 5000) {
        const batch = changed.slice(i, i + 5000);
        await q.query(`UPDATE ${t.table} x SET ${t.core} = u.core FROM unnest($1::uuid[], $2::text[]) AS u(id, core) WHERE x.id = u.id`, [batch.map((r) => r.id), batch.map((r) => r.core)]);
      }
    }
  }

  async down(): Promise<void> {
    // Cores are derived data: the previous function's values are not kept.
  }
}
