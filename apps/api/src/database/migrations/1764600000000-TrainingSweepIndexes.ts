import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the training sweep and the admin queues read by (issue #10): the sweep walks unrevoked certificates by
 * expiry in keyset batches, picks expired ones not yet announced and overdue reviews not yet flagged, each through a
 * partial index instead of a scan; the support queue is ordered by open-first, latest activity.
 */
export class TrainingSweepIndexes1764600000000 implements MigrationInterface {
  name = 'TrainingSweepIndexes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX certifications_sweep_expiry_idx ON certifications (expires_on, id) WHERE revoked_at IS NULL`);
    await q.query(
      `CREATE INDEX certifications_sweep_expired_idx ON certifications (expires_on, id) WHERE revoked_at IS NULL AND NOT expiry_notified`,
    );
    await q.query(
      `CREATE INDEX qualification_reviews_overdue_idx ON qualification_reviews (due_on, id) WHERE status = 'scheduled' AND NOT overdue_notified`,
    );
    await q.query(`CREATE INDEX support_requests_queue_idx ON support_requests ((status = 'closed'), updated_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const i of [
      'support_requests_queue_idx',
      'qualification_reviews_overdue_idx',
      'certifications_sweep_expired_idx',
      'certifications_sweep_expiry_idx',
    ]) {
      await q.query(`DROP INDEX ${i}`);
    }
  }
}
