import { Injectable } from '@nestjs/common';
import { defaultRatingPeriod, summariseVendorRatings, type VendorRatingSummary } from '@partnerline/domain';
import { AppError } from '../../common/errors/app-error';
import { PoliciesService } from '../policies/policies.service';
import { VendorRatingsRepository } from './vendor-ratings.repository';

/**
 * "What our partners think of us" (issue #15): the summary of the ratings partners gave in their self-assessments,
 * aggregated by the domain rule and shown only from `policies.renewals.ratingMinimumRespondents` partners.
 */
@Injectable()
export class VendorRatingsService {
  constructor(
    private readonly ratings: VendorRatingsRepository,
    private readonly policies: PoliciesService,
  ) {}

  /** The summary over [from, to]; either bound missing → the last twelve months up to `today`. */
  async summary(q: { from?: string; to?: string }, today: string): Promise<VendorRatingSummary> {
    const fallback = defaultRatingPeriod(q.to ?? today);
    const period = { from: q.from ?? fallback.from, to: q.to ?? today };
    if (period.from > period.to) throw new AppError('RENEWAL_RATINGS_RANGE_INVALID', period);
    const minimum = (await this.policies.get()).renewals.ratingMinimumRespondents;
    return summariseVendorRatings(await this.ratings.submittedBetween(period.from, period.to), period, minimum);
  }
}
