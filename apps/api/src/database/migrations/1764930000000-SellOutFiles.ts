import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sell-out reports (issue #14) remember the SHA-256 of their file: the same file reported twice for one agreement and
 * period would count its lines twice in the rebate basis, so the second is refused (unique key) — a corrected file has
 * another digest and is a report of its own. Reports and lines are read per agreement and per report.
 */
export class SellOutFiles1764930000000 implements MigrationInterface {
  name = 'SellOutFiles1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sell_out_reports ADD COLUMN file_sha256 text`);
    await q.query(`CREATE UNIQUE INDEX sell_out_reports_file_key ON sell_out_reports (agreement_id, period_start, file_sha256)`);
    await q.query(`CREATE INDEX sell_out_lines_report_idx ON sell_out_lines (report_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS sell_out_lines_report_idx`);
    await q.query(`DROP INDEX IF EXISTS sell_out_reports_file_key`);
    await q.query(`ALTER TABLE sell_out_reports DROP COLUMN IF EXISTS file_sha256`);
  }
}
