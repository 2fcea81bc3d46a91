import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RenewalOutcome } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** What a decision writes onto its review (renewal_reviews), frozen with it. */
export interface DecisionWrite {
  decision: RenewalOutcome;
  rationale: string;
  decidedBy: string;
  decidedAt: Date;
  /** `{ facts, evidence }` as assessed at the decision (the review's detail reads them back). */
  facts: unknown;
  recommendation: unknown;
  suggestedQuota: string | null;
  successorAgreementId: string | null;
  probationCheckOn: string | null;
  terminationEffective: string | null;
  depositHandling: 'refund' | 'forfeit' | 'carry_over' | 'none';
}

/** A terminated review whose effects are due (the sweep applies them once). */
export interface DueTermination {
  id: string;
  agreement_id: string;
  partner_id: string;
  termination_effective: string;
  deposit_handling: 'refund' | 'forfeit' | 'carry_over' | 'none' | null;
  decided_by: string;
}

/** The decision columns of renewal_reviews and renewal_probation_conditions (ADR 0018). */
@Injectable()
export class RenewalDecisionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Writes the decision on an open review; false when it was not open any more (the caller holds its row lock). */
  async decide(m: EntityManager, id: string, d: DecisionWrite): Promise<boolean> {
    const rows: { id: string }[] = await m.query(
      `WITH up AS (UPDATE renewal_reviews SET status = 'decided', decision = $2, rationale = $3, decided_by = $4, decided_at = $5, decision_facts = $6,
              decision_recommendation = $7, suggested_quota = $8, successor_agreement_id = $9, probation_check_on = $10,
              termination_effective = $11, deposit_handling = $12
        WHERE id = $1 AND status = 'open' RETURNING id)
       SELECT id FROM up`,
      [
        id,
        d.decision,
        d.rationale,
        d.decidedBy,
        d.decidedAt,
        JSON.stringify(d.facts),
        JSON.stringify(d.recommendation),
        d.suggestedQuota,
        d.successorAgreementId,
        d.probationCheckOn,
        d.terminationEffective,
        d.depositHandling,
      ],
    );
    return rows.length === 1;
  }

  async insertConditions(m: EntityManager, reviewId: string, texts: readonly string[]): Promise<void> {
    if (!texts.length) return;
    await m.query(
      `INSERT INTO renewal_probation_conditions (review_id, position, text) SELECT $1, p, t FROM unnest($2::text[]) WITH ORDINALITY AS x(t, p)`,
      [reviewId, texts],
    );
  }

  /** The probation conditions of a review, locked for the check. */
  async lockConditions(
    m: EntityManager,
    reviewId: string,
  ): Promise<{ id: string; text: string; met: boolean | null; checked_at: Date | null }[]> {
    return m.query(`SELECT id, text, met, checked_at FROM renewal_probation_conditions WHERE review_id = $1 ORDER BY position FOR UPDATE`, [
      reviewId,
    ]);
  }

  async checkConditions(
    m: EntityManager,
    reviewId: string,
    answers: readonly { id: string; met: boolean }[],
    by: string,
    at: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE renewal_probation_conditions c SET met = x.met, checked_by = $4, checked_at = $5
         FROM unnest($2::uuid[], $3::boolean[]) AS x(id, met) WHERE c.review_id = $1 AND c.id = x.id`,
      [reviewId, answers.map((a) => a.id), answers.map((a) => a.met), by, at],
    );
  }

  async setProbationOutcome(m: EntityManager, reviewId: string, outcome: 'met' | 'not_met'): Promise<void> {
    await m.query(`UPDATE renewal_reviews SET probation_outcome = $2 WHERE id = $1`, [reviewId, outcome]);
  }

  /**
   * Claims up to `limit` terminated reviews whose agreement ended before `day` and whose effects were not applied yet
   * (SKIP LOCKED: several instances never apply the same review twice; effects_applied_on makes a re-run a no-op).
   */
  async claimDueTerminations(m: EntityManager, day: string, limit: number): Promise<DueTermination[]> {
    return m.query(
      `SELECT id, agreement_id, partner_id, termination_effective::text AS termination_effective, deposit_handling, decided_by
         FROM renewal_reviews
        WHERE decision = 'terminate' AND effects_applied_on IS NULL AND termination_effective < $1::date
        ORDER BY termination_effective, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [day, limit],
    );
  }

  async markEffectsApplied(m: EntityManager, id: string, day: string): Promise<void> {
    await m.query(`UPDATE renewal_reviews SET effects_applied_on = $2 WHERE id = $1`, [id, day]);
  }

  /** When a review's termination effects were applied (null: not yet). */
  async effectsAppliedOn(id: string, m: EntityManager = this.db.manager): Promise<string | null> {
    const rows: { applied_on: string | null }[] = await m.query(
      `SELECT effects_applied_on::text AS applied_on FROM renewal_reviews WHERE id = $1`,
      [id],
    );
    return rows[0]?.applied_on ?? null;
  }
}
