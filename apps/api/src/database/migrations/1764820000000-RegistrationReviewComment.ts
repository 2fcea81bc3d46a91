import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reviewer's comment on a registration decision (issue #13): optional on approval, required on rejection (then it
 * equals rejection_reason). Kept on the registration so the partner's page shows it without reading the history.
 */
export class RegistrationReviewComment1764820000000 implements MigrationInterface {
  name = 'RegistrationReviewComment1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deal_registrations ADD COLUMN review_comment text`);
    await q.query(`UPDATE deal_registrations SET review_comment = rejection_reason WHERE rejection_reason IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deal_registrations DROP COLUMN review_comment`);
  }
}
