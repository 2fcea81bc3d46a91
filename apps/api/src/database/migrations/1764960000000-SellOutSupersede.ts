import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One CURRENT sell-out report per (agreement, period): a corrected file replaces the report it corrects instead of
 * counting on top of it. The replaced report stays, marked superseded (when, and by which report); the rebate basis
 * reads the lines of current reports only. The partial unique index refuses a second current report even when two
 * uploads race.
 */
export class SellOutSupersede1764960000000 implements MigrationInterface {
  name = 'SellOutSupersede1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sell_out_reports ADD COLUMN superseded_at timestamptz, ADD COLUMN superseded_by uuid REFERENCES sell_out_reports(id)`);
    // Reports already stored: the newest of each (agreement, period) stays current, the older ones are superseded by it.
    await q.query(`
      UPDATE sell_out_reports r
         SET superseded_at = n.created_at, superseded_by = n.id
        FROM (SELECT id, agreement_id, period_start, created_at,
                     row_number() OVER (PARTITION BY agreement_id, period_start ORDER BY created_at DESC, id DESC) AS k
                FROM sell_out_reports) n
       WHERE n.k = 1 AND n.agreement_id = r.agreement_id AND n.period_start = r.period_start AND r.id <> n.id`);
    await q.query(`CREATE UNIQUE INDEX sell_out_reports_one_current ON sell_out_reports (agreement_id, period_start) WHERE superseded_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS sell_out_reports_one_current`);
    await q.query(`ALTER TABLE sell_out_reports DROP COLUMN IF EXISTS superseded_by, DROP COLUMN IF EXISTS superseded_at`);
  }
}
