import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What rebate runs need beyond the rebates schema (issue #14):
 * - the won basis of a batch of agreements and periods is one index range scan per agreement (status 'won',
 *   agreement, won_on), carrying the amount so the scan never visits the heap for the figure;
 * - the clawback/adjustment lines of a statement are read back from the ledger by statement;
 * - statement numbers come from a sequence (RS-2026-000001), unique across concurrent batches.
 */
export class RebateRuns1764910000000 implements MigrationInterface {
  name = 'RebateRuns1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deal_registrations_won_basis_idx ON deal_registrations (agreement_id, won_on) INCLUDE (won_amount) WHERE status = 'won'`);
    await q.query(`CREATE INDEX rebate_ledger_statement_idx ON rebate_ledger (statement_id) WHERE statement_id IS NOT NULL`);
    await q.query(`CREATE SEQUENCE rebate_statement_number_seq`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE IF EXISTS rebate_statement_number_seq`);
    await q.query(`DROP INDEX IF EXISTS rebate_ledger_statement_idx`);
    await q.query(`DROP INDEX IF EXISTS deal_registrations_won_basis_idx`);
  }
}
