import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What rebate runs need beyond the rebates schema (issue #14):
 * - the won basis of a batch of agreements and periods is one index range scan per agreement (status 'won',
 *   agreement, won_on), carrying the amount so the scan never visits the heap for the figure;
 * - dispute adjustments waiting for a statement are found by agreement (a small partial index);
 * - statement numbers come from a sequence (RS-2026-000001), unique across concurrent batches;
 * - the ledger's run and statement references are provenance, not foreign keys: a run books one entry per basis line
 *   (a million at bench scale) and each foreign key is a per-row trigger that measured a third of the insert time
 *   each; runs and statements are never deleted (no hard deletes), and the partner and agreement keys stay enforced.
 */
export class RebateRuns1764910000000 implements MigrationInterface {
  name = 'RebateRuns1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deal_registrations_won_basis_idx ON deal_registrations (agreement_id, won_on) INCLUDE (won_amount) WHERE status = 'won'`);
    await q.query(`CREATE INDEX rebate_ledger_adjustment_idx ON rebate_ledger (agreement_id) WHERE kind = 'adjustment'`);
    await q.query(`CREATE SEQUENCE rebate_statement_number_seq`);
    await q.query(`ALTER TABLE rebate_ledger DROP CONSTRAINT rebate_ledger_run_id_fkey`);
    await q.query(`ALTER TABLE rebate_ledger DROP CONSTRAINT rebate_ledger_statement_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rebate_ledger ADD CONSTRAINT rebate_ledger_statement_id_fkey FOREIGN KEY (statement_id) REFERENCES rebate_statements(id)`);
    await q.query(`ALTER TABLE rebate_ledger ADD CONSTRAINT rebate_ledger_run_id_fkey FOREIGN KEY (run_id) REFERENCES rebate_runs(id)`);
    await q.query(`DROP SEQUENCE IF EXISTS rebate_statement_number_seq`);
    await q.query(`DROP INDEX IF EXISTS rebate_ledger_adjustment_idx`);
    await q.query(`DROP INDEX IF EXISTS deal_registrations_won_basis_idx`);
  }
}
