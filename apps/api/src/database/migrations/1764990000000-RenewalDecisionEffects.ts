import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewal decisions (issue #15; ADR 0018): a termination's effects (the deposit refunded or forfeited, the partner's
 * status, its registrations under review) are applied once, the day after the agreement's end date, by the renewal
 * sweep. `effects_applied_on` records that they were, so a second sweep (or a re-delivered job) applies nothing.
 */
export class RenewalDecisionEffects1764990000000 implements MigrationInterface {
  name = 'RenewalDecisionEffects1764990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE renewal_reviews ADD COLUMN effects_applied_on date`);
    await q.query(
      `CREATE INDEX renewal_reviews_effects_due_idx ON renewal_reviews (termination_effective, id) WHERE decision = 'terminate' AND effects_applied_on IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS renewal_reviews_effects_due_idx`);
    await q.query(`ALTER TABLE renewal_reviews DROP COLUMN IF EXISTS effects_applied_on`);
  }
}
