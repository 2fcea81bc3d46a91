import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewal reviews (issue #15): the live recommendation of an open review, as last computed (on opening, on every
 * write, on every read of the review, and by the hourly sweep), so the board can filter and count by recommendation
 * without computing every review's facts per request. A decided review is read from decision_recommendation.
 */
export class RenewalRecommendationCache1764980000000 implements MigrationInterface {
  name = 'RenewalRecommendationCache1764980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE renewal_reviews
      ADD COLUMN recommendation text CHECK (recommendation IN ('renew', 'renew_on_probation', 'terminate')),
      ADD COLUMN recommendation_on date`);
    // The sweep escalates open reviews past their decide-by date once.
    await q.query(`CREATE INDEX renewal_reviews_escalation_idx ON renewal_reviews (decide_by, id) WHERE status = 'open' AND escalated_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS renewal_reviews_escalation_idx`);
    await q.query(`ALTER TABLE renewal_reviews DROP COLUMN IF EXISTS recommendation_on, DROP COLUMN IF EXISTS recommendation`);
  }
}
