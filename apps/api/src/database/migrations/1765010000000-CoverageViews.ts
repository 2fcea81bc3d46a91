import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The leadership view's aggregates (issue #16, ADR 0019): materialized views of per-leaf-segment coverage facts, one
 * row per industry × region × partner (the region as recorded, rolled up over the tree by the domain's `rollUp`), so a
 * channel manager's request aggregates only its partners' rows. Each has a UNIQUE index over plain columns, so
 * `REFRESH MATERIALIZED VIEW CONCURRENTLY` never blocks readers. `coverage_refreshes` keeps the last refresh time
 * (asOf / staleSeconds of every dashboard answer).
 */
export class CoverageViews1765010000000 implements MigrationInterface {
  name = 'CoverageViews1765010000000';

  async up(q: QueryRunner): Promise<void> {
    // Active partners present in a segment through the scope of an active agreement (null industry = every industry,
    // null region = the top of the tree).
    await q.query(`
      CREATE MATERIALIZED VIEW coverage_presence_mv AS
      SELECT DISTINCT i.id AS industry_id, r.id AS region_id, a.partner_id
        FROM agreements a
        JOIN partners p ON p.id = a.partner_id AND p.status = 'active'
        JOIN agreement_scopes s ON s.agreement_id = a.id
        JOIN industries i ON (s.industry_id IS NULL OR i.id = s.industry_id)
        JOIN regions r ON (s.region_id IS NULL AND r.parent_id IS NULL) OR r.id = s.region_id
       WHERE a.status = 'active'`);
    await q.query(`CREATE UNIQUE INDEX coverage_presence_mv_key ON coverage_presence_mv (industry_id, region_id, partner_id)`);
    await q.query(`CREATE INDEX coverage_presence_mv_partner ON coverage_presence_mv (partner_id)`);

    // Approved and won registrations' value × the partner's split share, per segment, partner, status and day won
    // ('0001-01-01' for approved ones, so the unique index has plain non-null columns).
    await q.query(`
      CREATE MATERIALIZED VIEW coverage_deals_mv AS
      SELECT r.industry_id, r.region_id, r.partner_id, r.status,
             COALESCE(r.won_on, DATE '0001-01-01') AS won_on,
             sum(CASE WHEN r.status = 'won' THEN COALESCE(r.won_amount, r.estimated_amount) ELSE r.estimated_amount END
                 * COALESCE(sh.share, 1))::numeric AS amount,
             count(*)::int AS deals
        FROM deal_registrations r
        LEFT JOIN (
          SELECT DISTINCT ON (cp.registration_id) cp.registration_id, cp.share_percent::numeric / 100 AS share
            FROM conflict_parties cp JOIN conflicts c ON c.id = cp.conflict_id
           WHERE c.resolution = 'split' AND cp.share_percent IS NOT NULL AND cp.registration_id IS NOT NULL
           ORDER BY cp.registration_id, c.resolved_at DESC NULLS LAST
        ) sh ON sh.registration_id = r.id
       WHERE r.status IN ('approved', 'won')
       GROUP BY r.industry_id, r.region_id, r.partner_id, r.status, COALESCE(r.won_on, DATE '0001-01-01')`);
    await q.query(`CREATE UNIQUE INDEX coverage_deals_mv_key ON coverage_deals_mv (industry_id, region_id, partner_id, status, won_on)`);
    await q.query(`CREATE INDEX coverage_deals_mv_partner ON coverage_deals_mv (partner_id)`);

    await q.query(`
      CREATE TABLE coverage_refreshes (
        id smallint PRIMARY KEY CHECK (id = 1),
        refreshed_at timestamptz NOT NULL,
        duration_ms integer NOT NULL DEFAULT 0
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE coverage_refreshes`);
    await q.query(`DROP MATERIALIZED VIEW coverage_deals_mv`);
    await q.query(`DROP MATERIALIZED VIEW coverage_presence_mv`);
  }
}
