import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewal reviews (issue #15; DOMAIN §8). Owned by the renewals module (reviews, self-assessments with the partner's
 * rating of the vendor, competition findings, probation conditions) and by the partners module (incidents).
 *
 * One review per agreement, ever: the unique index on agreement_id makes two sweeps (or a sweep and a manager) that
 * open the same review at once answer with the one row. The facts and the recommendation are computed live while a
 * review is open and frozen into `decision_facts` / `decision_recommendation` when it is decided.
 */
export class RenewalReviews1764970000000 implements MigrationInterface {
  name = 'RenewalReviews1764970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE renewal_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES agreements(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
        end_date date NOT NULL,
        decide_by date NOT NULL,
        opened_on date NOT NULL,
        opened_by uuid REFERENCES users(id),
        escalated_at timestamptz,
        will_not_renew boolean NOT NULL DEFAULT false,
        competition_finding text CHECK (competition_finding IN ('compliant', 'concern', 'breach')),
        competition_note text,
        competition_file_id uuid,
        competition_found_by uuid REFERENCES users(id),
        competition_found_at timestamptz,
        decision text CHECK (decision IN ('renew', 'renew_on_probation', 'terminate')),
        rationale text,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_facts jsonb,
        decision_recommendation jsonb,
        successor_agreement_id uuid REFERENCES agreements(id),
        suggested_quota numeric(18, 2),
        probation_check_on date,
        probation_outcome text CHECK (probation_outcome IN ('met', 'not_met')),
        termination_effective date,
        deposit_handling text CHECK (deposit_handling IN ('refund', 'forfeit', 'carry_over', 'none')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'decided') = (decision IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX renewal_reviews_one_per_agreement ON renewal_reviews (agreement_id)`);
    await q.query(`CREATE INDEX renewal_reviews_board_idx ON renewal_reviews (status, end_date, id)`);
    await q.query(`CREATE INDEX renewal_reviews_partner_idx ON renewal_reviews (partner_id, end_date)`);
    await q.query(`CREATE TRIGGER renewal_reviews_updated_at BEFORE UPDATE ON renewal_reviews FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);

    await q.query(`
      CREATE TABLE renewal_probation_conditions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES renewal_reviews(id),
        position integer NOT NULL,
        text text NOT NULL,
        met boolean,
        checked_by uuid REFERENCES users(id),
        checked_at timestamptz,
        UNIQUE (review_id, position)
      )`);

    // The partner's self-assessment and its rating of the vendor: one per review (resubmitting replaces it while the
    // review is open). Ratings are read in aggregate only (at least five partners) outside the partner's own review.
    await q.query(`
      CREATE TABLE renewal_self_assessments (
        review_id uuid PRIMARY KEY REFERENCES renewal_reviews(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        went_well text NOT NULL,
        plan text NOT NULL,
        proposed_quota numeric(18, 2),
        competition_declaration text NOT NULL CHECK (competition_declaration IN ('no_competing_products', 'sells_competing_products')),
        competing_products text,
        will_renew boolean NOT NULL,
        rating_product smallint NOT NULL CHECK (rating_product BETWEEN 1 AND 5),
        rating_competitiveness smallint NOT NULL CHECK (rating_competitiveness BETWEEN 1 AND 5),
        rating_margin smallint NOT NULL CHECK (rating_margin BETWEEN 1 AND 5),
        rating_training smallint NOT NULL CHECK (rating_training BETWEEN 1 AND 5),
        rating_support smallint NOT NULL CHECK (rating_support BETWEEN 1 AND 5),
        likely_to_recommend smallint NOT NULL CHECK (likely_to_recommend BETWEEN 0 AND 10),
        comments text,
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_on date NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX renewal_self_assessments_on_idx ON renewal_self_assessments (submitted_on)`);

    await q.query(`
      CREATE TABLE partner_incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners(id),
        occurred_on date NOT NULL,
        severity text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
        category text NOT NULL CHECK (category IN ('service', 'complaint', 'reputation', 'compliance')),
        summary text NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partner_incidents_partner_idx ON partner_incidents (partner_id, occurred_on DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['partner_incidents', 'renewal_self_assessments', 'renewal_probation_conditions', 'renewal_reviews']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
