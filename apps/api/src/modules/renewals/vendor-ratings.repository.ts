import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VendorRatingRow } from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The partners' ratings of the vendor, read from renewal_self_assessments (this module's table). Only the rating
 * columns, the partner id (to count distinct respondents) and the business date leave this repository: never the
 * partner's name or the rest of its self-assessment.
 */
@Injectable()
export class VendorRatingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The ratings submitted in [from, to] (business dates). */
  async submittedBetween(from: string, to: string, m: EntityManager = this.db.manager): Promise<VendorRatingRow[]> {
    return m.query(
      `SELECT partner_id AS "partnerId", submitted_on::text AS "submittedOn",
              rating_product AS product, rating_competitiveness AS competitiveness, rating_margin AS margin,
              rating_training AS training, rating_support AS support, likely_to_recommend AS "likelyToRecommend", comments
         FROM renewal_self_assessments
        WHERE submitted_on BETWEEN $1::date AND $2::date
        ORDER BY submitted_on, review_id`,
      [from, to],
    );
  }
}
