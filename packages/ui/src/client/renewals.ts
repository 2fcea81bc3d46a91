import {
  type CompetitionFindingInput,
  IncidentListSchema,
  type IncidentInput,
  type ProbationCheckInput,
  IncidentSchema,
  type RenewalDecisionInput,
  RenewalReadinessSchema,
  RenewalReviewDetailSchema,
  RenewalReviewPageSchema,
  type RenewalReviewsQuery,
  type SelfAssessmentInput,
  VendorRatingSummarySchema,
} from '@partnerline/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getParsed, sendParsed } from './request';

/** Renewal reviews (issue #15): the board and a review, readiness on an agreement, incidents, vendor ratings. */

export type RenewalReviewFilters = Partial<Omit<RenewalReviewsQuery, 'overdue'>> & { overdue?: 'true' | 'false' };
export const renewalReviewsQueryOptions = (f: RenewalReviewFilters = {}) =>
  queryOptions({
    queryKey: ['renewal-reviews', f],
    queryFn: () => getParsed(RenewalReviewPageSchema, '/renewal-reviews', f),
    placeholderData: keepPreviousData,
  });
export const renewalReviewQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['renewal-review', id], queryFn: () => getParsed(RenewalReviewDetailSchema, `/renewal-reviews/${id}`) });
export const renewalReadinessQueryOptions = (agreementId: string) =>
  queryOptions({
    queryKey: ['renewal-readiness', agreementId],
    queryFn: () => getParsed(RenewalReadinessSchema, `/agreements/${agreementId}/renewal-readiness`),
  });
export const partnerIncidentsQueryOptions = (partnerId: string) =>
  queryOptions({ queryKey: ['incidents', partnerId], queryFn: () => getParsed(IncidentListSchema, `/partners/${partnerId}/incidents`) });
export const vendorRatingsQueryOptions = (f: { from?: string; to?: string } = {}) =>
  queryOptions({ queryKey: ['vendor-ratings', f], queryFn: () => getParsed(VendorRatingSummarySchema, '/vendor-ratings', f) });

// Writes: each answers the review as it now is (incidents: the incident).
export const openRenewalReview = (agreementId: string) => sendParsed(RenewalReviewDetailSchema, '/renewal-reviews', 'POST', { agreementId });
export const submitSelfAssessment = (id: string, body: SelfAssessmentInput) =>
  sendParsed(RenewalReviewDetailSchema, `/renewal-reviews/${id}/self-assessment`, 'POST', body);
export const recordCompetitionFinding = (id: string, body: CompetitionFindingInput) =>
  sendParsed(RenewalReviewDetailSchema, `/renewal-reviews/${id}/competition-finding`, 'POST', body);
export const decideRenewal = (id: string, body: RenewalDecisionInput) => sendParsed(RenewalReviewDetailSchema, `/renewal-reviews/${id}/decision`, 'POST', body);
export const checkProbation = (id: string, body: ProbationCheckInput) =>
  sendParsed(RenewalReviewDetailSchema, `/renewal-reviews/${id}/probation-check`, 'POST', body);
export const recordIncident = (partnerId: string, body: IncidentInput) => sendParsed(IncidentSchema, `/partners/${partnerId}/incidents`, 'POST', body);
