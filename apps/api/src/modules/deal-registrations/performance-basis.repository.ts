import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type BasisRequest, SPLIT_SHARES_SQL } from './rebate-basis.repository';

/** The won achievement of one requested (agreement, period): Σ won amount × split share, and how many deals. */
export interface WonTotal {
  key: number;
  achievement: string;
  lines: number;
}

/**
 * Totals of the won basis for the performance overview (issue #14), owned by the deal-registrations module: the same
 * rows as RebateBasisRepository.wonBasis (won, `won_on` in the period, split share), summed in SQL per requested
 * (agreement, period) — one statement for every agreement at once, so the overview never moves the lines themselves.
 * `excludeIds` are registrations out of the basis (reversed deals, read by the caller from its own table).
 */
@Injectable()
export class PerformanceBasisRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `key` of each request is echoed on its total (its `productLines` is not read: totals carry no lines). */
  async wonTotals(requests: readonly BasisRequest[], excludeIds: readonly string[], m: EntityManager = this.db.manager): Promise<WonTotal[]> {
    if (!requests.length) return [];
    // The plain sum per (agreement, period) is an index-only range scan per agreement (deal_registrations_won_basis_idx,
    // no heap and no hash of a million rows); split deals and excluded ones are few and corrected afterwards by id.
    return m.query(
      `WITH t AS (SELECT * FROM unnest($1::int[], $2::uuid[], $3::date[], $4::date[]) AS t(key, agreement_id, period_start, period_end)),
       split AS (SELECT registration_id AS id, share FROM (${SPLIT_SHARES_SQL}) x),
       excluded AS (SELECT DISTINCT id FROM unnest($5::uuid[]) AS x(id)),
       special AS (
         SELECT r.agreement_id, r.won_on, r.won_amount, (e.id IS NOT NULL) AS excluded, s.share
           FROM (SELECT id FROM split UNION SELECT id FROM excluded) ids
           JOIN deal_registrations r ON r.id = ids.id
           LEFT JOIN split s ON s.id = r.id
           LEFT JOIN excluded e ON e.id = r.id
          WHERE r.status = 'won' AND r.won_amount IS NOT NULL AND r.agreement_id IS NOT NULL),
       corr AS (
         SELECT t.key, sum(CASE WHEN sp.excluded THEN sp.won_amount ELSE sp.won_amount * (1 - sp.share) END) AS less,
                count(*) FILTER (WHERE sp.excluded) AS dropped
           FROM special sp JOIN t ON t.agreement_id = sp.agreement_id AND sp.won_on BETWEEN t.period_start AND t.period_end
          GROUP BY t.key)
       SELECT t.key, (b.amount - coalesce(c.less, 0))::text AS achievement, (b.n - coalesce(c.dropped, 0))::int AS lines
         FROM t
         CROSS JOIN LATERAL (
           SELECT sum(r.won_amount) AS amount, count(*) AS n FROM deal_registrations r
            WHERE r.agreement_id = t.agreement_id AND r.status = 'won' AND r.won_on BETWEEN t.period_start AND t.period_end AND r.won_amount IS NOT NULL) b
         LEFT JOIN corr c ON c.key = t.key
        WHERE b.n > 0 AND b.n - coalesce(c.dropped, 0) > 0`,
      [requests.map((q) => q.key), requests.map((q) => q.agreementId), requests.map((q) => q.start), requests.map((q) => q.end), excludeIds],
    );
  }
}
