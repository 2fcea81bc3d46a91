import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RenewalOutcome, RenewalReviewsQuery, Scope, SelfAssessmentInput } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { pageClause, scopeCondition, whereClause } from '../../common/database/scope-sql';

/** A renewal review as stored (renewal_reviews). Dates are ISO strings; decision columns are written by the decision service. */
export interface ReviewRow {
  id: string;
  agreement_id: string;
  partner_id: string;
  status: 'open' | 'decided';
  end_date: string;
  decide_by: string;
  opened_on: string;
  opened_by: string | null;
  escalated_at: Date | null;
  will_not_renew: boolean;
  competition_finding: 'compliant' | 'concern' | 'breach' | null;
  competition_note: string | null;
  competition_found_by: string | null;
  competition_found_at: Date | null;
  decision: RenewalOutcome | null;
  rationale: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_facts: unknown;
  decision_recommendation: unknown;
  successor_agreement_id: string | null;
  suggested_quota: string | null;
  probation_check_on: string | null;
  probation_outcome: 'met' | 'not_met' | null;
  termination_effective: string | null;
  deposit_handling: 'refund' | 'forfeit' | 'carry_over' | 'none' | null;
  recommendation: RenewalOutcome | null;
  self_assessed: boolean;
}

export interface SelfAssessmentRow {
  review_id: string;
  partner_id: string;
  went_well: string;
  plan: string;
  proposed_quota: string | null;
  competition_declaration: 'no_competing_products' | 'sells_competing_products';
  competing_products: string | null;
  will_renew: boolean;
  rating_product: number;
  rating_competitiveness: number;
  rating_margin: number;
  rating_training: number;
  rating_support: number;
  likely_to_recommend: number;
  comments: string | null;
  submitted_by: string;
  submitted_on: string;
}

export interface NewReview {
  agreementId: string;
  partnerId: string;
  endDate: string;
  decideBy: string;
  openedOn: string;
  openedBy: string | null;
}

const SELECT = `SELECT r.id, r.agreement_id, r.partner_id, r.status, r.end_date::text AS end_date, r.decide_by::text AS decide_by,
    r.opened_on::text AS opened_on, r.opened_by, r.escalated_at, r.will_not_renew, r.competition_finding, r.competition_note,
    r.competition_found_by, r.competition_found_at, r.decision, r.rationale, r.decided_by, r.decided_at, r.decision_facts,
    r.decision_recommendation, r.successor_agreement_id, r.suggested_quota::text AS suggested_quota,
    r.probation_check_on::text AS probation_check_on, r.probation_outcome, r.termination_effective::text AS termination_effective,
    r.deposit_handling, r.recommendation,
    EXISTS (SELECT 1 FROM renewal_self_assessments s WHERE s.review_id = r.id) AS self_assessed
  FROM renewal_reviews r`;

/** The board's sort: decide-by first (the most urgent on top), then id. */
const ORDER = `ORDER BY r.status = 'open' DESC, r.decide_by, r.id`;

/** renewal_reviews and renewal_self_assessments: the renewals module's SQL (the decision service keeps its own). */
@Injectable()
export class RenewalsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Opens reviews; an agreement that already has one is skipped (the unique index decides). Returns those inserted. */
  async insertOpen(m: EntityManager, reviews: readonly NewReview[]): Promise<{ id: string; agreementId: string }[]> {
    if (!reviews.length) return [];
    return m.query(
      `INSERT INTO renewal_reviews (agreement_id, partner_id, end_date, decide_by, opened_on, opened_by)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[], $5::date[], $6::uuid[])
       ON CONFLICT (agreement_id) DO NOTHING
       RETURNING id, agreement_id AS "agreementId"`,
      [
        reviews.map((r) => r.agreementId),
        reviews.map((r) => r.partnerId),
        reviews.map((r) => r.endDate),
        reviews.map((r) => r.decideBy),
        reviews.map((r) => r.openedOn),
        reviews.map((r) => r.openedBy),
      ],
    );
  }

  async idOfAgreement(m: EntityManager, agreementId: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM renewal_reviews WHERE agreement_id = $1`, [agreementId]);
    return rows[0]?.id ?? null;
  }

  /** One review as `scope` sees it (another partner's does not exist); `lock` locks it for a change. */
  async row(id: string, scope: Scope, m: EntityManager = this.db.manager, lock = false): Promise<ReviewRow | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'r.partner_id', params);
    if (lock) await m.query(`SELECT 1 FROM renewal_reviews WHERE id = $1 FOR UPDATE`, [id]);
    const rows: ReviewRow[] = await m.query(`${SELECT} WHERE r.id = $1${scoped ? ` AND ${scoped}` : ''}`, params);
    return rows[0] ?? null;
  }

  async rowOfAgreement(agreementId: string, m: EntityManager = this.db.manager): Promise<ReviewRow | null> {
    const rows: ReviewRow[] = await m.query(`${SELECT} WHERE r.agreement_id = $1`, [agreementId]);
    return rows[0] ?? null;
  }

  /** The board: filters, one page and the total. Recommendation: the cached live one while open, the frozen one once decided. */
  async page(q: RenewalReviewsQuery, scope: Scope, today: string): Promise<{ rows: ReviewRow[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const scoped = scopeCondition(scope, 'r.partner_id', params);
    if (scoped) where.push(scoped);
    if (q.status) where.push(`r.status = $${params.push(q.status)}`);
    if (q.partnerId) where.push(`r.partner_id = $${params.push(q.partnerId)}`);
    if (q.dueWithinDays !== undefined)
      where.push(`r.status = 'open' AND r.end_date <= $${params.push(today)}::date + $${params.push(q.dueWithinDays)}::int`);
    if (q.recommendation)
      where.push(`(CASE WHEN r.status = 'decided' THEN r.decision_recommendation->>'outcome' ELSE r.recommendation END) = $${params.push(q.recommendation)}`);
    if (q.overdue !== undefined) {
      const overdue = `(r.status = 'open' AND r.decide_by < $${params.push(today)}::date)`;
      where.push(q.overdue ? overdue : `NOT ${overdue}`);
    }
    const filter = whereClause(where);
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total FROM renewal_reviews r ${filter}`, params);
    const rows: ReviewRow[] = await this.db.query(`${SELECT} ${filter} ${ORDER} ${pageClause(q, params)}`, params);
    return { rows, total };
  }

  /** Caches the live recommendation of an open review (the board filters by it). */
  async setRecommendation(m: EntityManager, id: string, outcome: RenewalOutcome, on: string): Promise<void> {
    await m.query(
      `UPDATE renewal_reviews SET recommendation = $2, recommendation_on = $3 WHERE id = $1 AND status = 'open' AND recommendation IS DISTINCT FROM $2`,
      [id, outcome, on],
    );
  }

  async selfAssessment(reviewId: string, m: EntityManager = this.db.manager): Promise<SelfAssessmentRow | null> {
    const rows: SelfAssessmentRow[] = await m.query(
      `SELECT review_id, partner_id, went_well, plan, proposed_quota::text AS proposed_quota, competition_declaration, competing_products, will_renew,
              rating_product, rating_competitiveness, rating_margin, rating_training, rating_support, likely_to_recommend, comments,
              submitted_by, submitted_on::text AS submitted_on
         FROM renewal_self_assessments WHERE review_id = $1`,
      [reviewId],
    );
    return rows[0] ?? null;
  }

  /** The partner's self-assessment; resubmitting while the review is open replaces it. */
  async upsertSelfAssessment(m: EntityManager, reviewId: string, partnerId: string, a: SelfAssessmentInput, userId: string, on: string): Promise<void> {
    await m.query(
      `INSERT INTO renewal_self_assessments (review_id, partner_id, went_well, plan, proposed_quota, competition_declaration, competing_products, will_renew,
         rating_product, rating_competitiveness, rating_margin, rating_training, rating_support, likely_to_recommend, comments, submitted_by, submitted_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (review_id) DO UPDATE SET went_well = EXCLUDED.went_well, plan = EXCLUDED.plan, proposed_quota = EXCLUDED.proposed_quota,
         competition_declaration = EXCLUDED.competition_declaration, competing_products = EXCLUDED.competing_products, will_renew = EXCLUDED.will_renew,
         rating_product = EXCLUDED.rating_product, rating_competitiveness = EXCLUDED.rating_competitiveness, rating_margin = EXCLUDED.rating_margin,
         rating_training = EXCLUDED.rating_training, rating_support = EXCLUDED.rating_support, likely_to_recommend = EXCLUDED.likely_to_recommend,
         comments = EXCLUDED.comments, submitted_by = EXCLUDED.submitted_by, submitted_on = EXCLUDED.submitted_on, submitted_at = now()`,
      [
        reviewId,
        partnerId,
        a.wentWell,
        a.plan,
        a.proposedQuota,
        a.competitionDeclaration,
        a.competitionDeclaration === 'sells_competing_products' ? a.competingProducts : null,
        a.willRenew,
        a.rating.product,
        a.rating.competitiveness,
        a.rating.margin,
        a.rating.training,
        a.rating.support,
        a.rating.likelyToRecommend,
        a.rating.comments,
        userId,
        on,
      ],
    );
  }

  /** The probation conditions of a decided review, in order. */
  async probationConditions(reviewId: string, m: EntityManager = this.db.manager): Promise<{ id: string; text: string; met: boolean | null }[]> {
    return m.query(`SELECT id, text, met FROM renewal_probation_conditions WHERE review_id = $1 ORDER BY position, id`, [reviewId]);
  }

  async setWillNotRenew(m: EntityManager, id: string, value: boolean): Promise<void> {
    await m.query(`UPDATE renewal_reviews SET will_not_renew = $2 WHERE id = $1`, [id, value]);
  }

  async setCompetitionFinding(m: EntityManager, id: string, f: { finding: string; note: string; by: string; at: Date }): Promise<void> {
    await m.query(
      `UPDATE renewal_reviews SET competition_finding = $2, competition_note = $3, competition_found_by = $4, competition_found_at = $5 WHERE id = $1`,
      [id, f.finding, f.note, f.by, f.at],
    );
  }

  // ── Sweep: escalation of overdue open reviews, once each, in bounded batches (renewal_reviews_escalation_idx) ──

  async countOverdueUnescalated(day: string): Promise<number> {
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM renewal_reviews WHERE status = 'open' AND escalated_at IS NULL AND decide_by < $1::date`,
      [day],
    );
    return n;
  }

  /** Marks up to `limit` overdue open reviews escalated (SKIP LOCKED: several instances never take the same row). */
  async escalateBatch(m: EntityManager, day: string, at: Date, limit: number): Promise<{ id: string; partnerId: string; endDate: string; decideBy: string }[]> {
    return m.query(
      `WITH due AS (
         SELECT id FROM renewal_reviews WHERE status = 'open' AND escalated_at IS NULL AND decide_by < $1::date
          ORDER BY decide_by, id LIMIT $3 FOR UPDATE SKIP LOCKED),
       up AS (UPDATE renewal_reviews r SET escalated_at = $2 FROM due WHERE r.id = due.id
       RETURNING r.id, r.partner_id AS "partnerId", r.end_date::text AS "endDate", r.decide_by::text AS "decideBy")
       SELECT * FROM up ORDER BY "decideBy", id`,
      [day, at, limit],
    );
  }

  /** Open reviews in id order after `after` (the sweep refreshes their cached recommendation). */
  async openIdsPage(after: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM renewal_reviews WHERE status = 'open' AND id > coalesce($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid) ORDER BY id LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.id);
  }
}
