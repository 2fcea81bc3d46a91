import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** One (agreement, period) asked for; `key` is echoed on its total. */
export interface BasisRequest {
  key: number;
  agreementId: string;
  start: string;
  end: string;
}

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

  async wonTotals(requests: readonly BasisRequest[], excludeIds: readonly string[], m: EntityManager = this.db.manager): Promise<WonTotal[]> {
    if (!requests.length) return [];
    return m.query(
      `WITH split AS (
         SELECT DISTINCT ON (cp.registration_id) cp.registration_id, cp.share_percent::numeric / 100 AS share
           FROM conflict_parties cp JOIN conflicts c ON c.id = cp.conflict_id
          WHERE c.resolution = 'split' AND cp.share_percent IS NOT NULL AND cp.registration_id IS NOT NULL
          ORDER BY cp.registration_id, c.resolved_at DESC NULLS LAST)
       SELECT t.key, sum(r.won_amount * coalesce(s.share, 1))::text AS achievement, count(*)::int AS lines
         FROM unnest($1::int[], $2::uuid[], $3::date[], $4::date[]) AS t(key, agreement_id, period_start, period_end)
         JOIN deal_registrations r
           ON r.agreement_id = t.agreement_id AND r.status = 'won' AND r.won_on BETWEEN t.period_start AND t.period_end
         LEFT JOIN split s ON s.registration_id = r.id
         LEFT JOIN unnest($5::uuid[]) AS x(id) ON x.id = r.id
        WHERE r.won_amount IS NOT NULL AND x.id IS NULL
        GROUP BY t.key`,
      [requests.map((q) => q.key), requests.map((q) => q.agreementId), requests.map((q) => q.start), requests.map((q) => q.end), excludeIds],
    );
  }
}
