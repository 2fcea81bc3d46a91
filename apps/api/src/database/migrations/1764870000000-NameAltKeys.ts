import { customerNameAltKeys } from '@partnerline/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('submitted', 'in_review', 'in_conflict', 'approved')`;

/**
 * A second retrieval key for duplicate detection (issue #11): names the matcher can pair although their cores share no
 * trigrams — an acronym and its full name (UCL / University College London), a Chinese abbreviation and the full name
 * (浦发银行 / 上海浦东发展银行), a generic Chinese name and its English name (浙江大学 / Zhejiang University) — share one of
 * `customerNameAltKeys(name)`. Stored per registration, searched by array overlap through a partial GIN index over open
 * registrations (immediate insertion, see 1764800000000), filled for the open registrations that exist.
 */
export class NameAltKeys1764870000000 implements MigrationInterface {
  name = 'NameAltKeys1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deal_registrations ADD COLUMN customer_name_keys text[] NOT NULL DEFAULT '{}'`);
    const rows: { id: string; name: string }[] = await q.query(`SELECT id, customer_name AS name FROM deal_registrations WHERE ${OPEN}`);
    for (let i = 0; i < rows.length; i += 5000) {
      const batch = rows.slice(i, i + 5000);
      await q.query(
        `UPDATE deal_registrations r SET customer_name_keys = ARRAY(SELECT jsonb_array_elements_text(u.keys)) FROM unnest($1::uuid[], $2::jsonb[]) AS u(id, keys) WHERE r.id = u.id`,
        [batch.map((r) => r.id), batch.map((r) => JSON.stringify(customerNameAltKeys(r.name)))],
      );
    }
    await q.query(`CREATE INDEX deal_registrations_open_name_keys ON deal_registrations USING gin (customer_name_keys) WITH (fastupdate = off) WHERE ${OPEN}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS deal_registrations_open_name_keys`);
    await q.query(`ALTER TABLE deal_registrations DROP COLUMN customer_name_keys`);
  }
}
