import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A statement's (and a line's) achievement is amount × share × incentive coefficient: with split shares (2 dp of a
 * percent) and coefficients (4 dp) it needs up to 10 decimals. At numeric(24, 6) the stored figure was rounded, so a
 * rerun on unchanged inputs compared unequal and rewrote the statement; numeric(30, 10) keeps it exact.
 */
export class RebateAchievementScale1764950000000 implements MigrationInterface {
  name = 'RebateAchievementScale1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rebate_statements ALTER COLUMN achievement TYPE numeric(30, 10)`);
    await q.query(`ALTER TABLE rebate_statement_lines ALTER COLUMN achievement TYPE numeric(30, 10)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rebate_statement_lines ALTER COLUMN achievement TYPE numeric(24, 6)`);
    await q.query(`ALTER TABLE rebate_statements ALTER COLUMN achievement TYPE numeric(24, 6)`);
  }
}
