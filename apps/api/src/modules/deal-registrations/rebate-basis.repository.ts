import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** One (agreement, period) whose basis is asked for; `key` is echoed on each line so the caller can group them. */
export interface BasisRequest {
  key: number;
  agreementId: string;
  start: string;
  end: string;
  /** The agreement has incentive coefficients: each line then carries its products' product lines (else none are read). */
  productLines?: boolean;
}

/**
 * The share of each split registration (`registration_id`, `share` = share_percent ÷ 100): the latest split resolution
 * naming it. Split shares are few: joined as one small hashed set, not a probe per line.
 */
export const SPLIT_SHARES_SQL = `SELECT DISTINCT ON (cp.registration_id) cp.registration_id, cp.share_percent::numeric / 100 AS share
    FROM conflict_parties cp JOIN conflicts c ON c.id = cp.conflict_id
   WHERE c.resolution = 'split' AND cp.share_percent IS NOT NULL AND cp.registration_id IS NOT NULL
   ORDER BY cp.registration_id, c.resolved_at DESC NULLS LAST`;

/** A won registration in the basis of one requested (agreement, period). */
export interface WonBasisLine {
  key: number;
  id: string;
  agreementId: string;
  wonOn: string;
  amount: string;
  /** The attribution share (a resolved split gives this registration its share_percent ÷ 100), else '1'. */
  share: string;
  customerName: string;
  industryId: string;
  /** The distinct product lines of the registration's products, only for requests with `productLines` (else null). */
  productLineIds: string[] | null;
}

/**
 * The won basis of rebate periods (issue #14), owned by the deal-registrations module: every won registration of
 * the agreement whose `won_on` lies in the period, with its split share. One set-based statement for a whole batch of
 * (agreement, period) pairs: one index range scan per pair (deal_registrations_won_basis_idx).
 */
@Injectable()
export class RebateBasisRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async wonBasis(requests: readonly BasisRequest[], m: EntityManager = this.db.manager): Promise<WonBasisLine[]> {
    if (!requests.length) return [];
    return m.query(
      `SELECT t.key, r.id, r.agreement_id AS "agreementId", r.won_on::text AS "wonOn", r.won_amount::text AS amount,
              coalesce(s.share::text, '1') AS share, r.customer_name AS "customerName", r.industry_id AS "industryId",
              -- Only agreements with incentive coefficients read the products (CASE runs the sub-select lazily).
              CASE WHEN t.product_lines THEN ARRAY(
                SELECT DISTINCT p.product_line_id::text FROM jsonb_array_elements(r.details->'products') e
                  JOIN products p ON p.id = (e->>'productId')::uuid) END AS "productLineIds"
         FROM unnest($1::int[], $2::uuid[], $3::date[], $4::date[], $5::boolean[]) AS t(key, agreement_id, period_start, period_end, product_lines)
         JOIN deal_registrations r
           ON r.agreement_id = t.agreement_id AND r.status = 'won' AND r.won_on BETWEEN t.period_start AND t.period_end
         LEFT JOIN (${SPLIT_SHARES_SQL}) s ON s.registration_id = r.id
        WHERE r.won_amount IS NOT NULL
        ORDER BY t.key, r.won_on, r.id`,
      [requests.map((q) => q.key), requests.map((q) => q.agreementId), requests.map((q) => q.start), requests.map((q) => q.end), requests.map((q) => q.productLines ?? false)],
    );
  }
}
