import type { CompetitionFindingInput, IncidentInput, ProbationCheckInput, RenewalDecisionInput, RenewalReviewDetail } from '@partnerline/domain';
import {
  checkProbation,
  decideRenewal,
  openRenewalReview,
  partnerIncidentsQueryOptions,
  recordCompetitionFinding,
  recordIncident,
  renewalReviewQueryOptions,
} from '@partnerline/ui';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';

/** Renewal reviews (issue #15): the reads are the ui client's query options; the writes keep the caches current. */
export const RENEWALS_PAGE_SIZE = 25;

/** A write answered the review as it now is: show it at once, and let the board and the audit log re-read. */
function settle(qc: QueryClient, review: RenewalReviewDetail) {
  qc.setQueryData(renewalReviewQueryOptions(review.id).queryKey, review);
  void qc.invalidateQueries({ queryKey: ['renewal-reviews'] });
  void qc.invalidateQueries({ queryKey: ['audit'] });
}

export function useOpenRenewalReview() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (agreementId: string) => openRenewalReview(agreementId), onSuccess: (r) => settle(qc, r) });
}

export function useCompetitionFinding(reviewId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: CompetitionFindingInput) => recordCompetitionFinding(reviewId, body), onSuccess: (r) => settle(qc, r) });
}

export function useDecideRenewal(reviewId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RenewalDecisionInput) => decideRenewal(reviewId, body),
    onSuccess: (r) => {
      settle(qc, r);
      // Renewing drafts a successor agreement; terminating changes the partner and its deposit.
      void qc.invalidateQueries({ queryKey: ['agreements'] });
      void qc.invalidateQueries({ queryKey: ['rebates'] });
    },
  });
}

export function useProbationCheck(reviewId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ProbationCheckInput) => checkProbation(reviewId, body), onSuccess: (r) => settle(qc, r) });
}

export function useRecordIncident(partnerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentInput) => recordIncident(partnerId, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: partnerIncidentsQueryOptions(partnerId).queryKey });
      // An incident in a term changes the service fact of an open review.
      void qc.invalidateQueries({ queryKey: ['renewal-review'] });
      void qc.invalidateQueries({ queryKey: ['renewal-reviews'] });
    },
  });
}
