import { RegistrationReviewSchema } from '@partnerline/domain';
import { getParsed, sendVoid } from '@partnerline/ui';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

/** The reviewer's desk: everything a decision on a registration needs (GET /deal-registrations/:id/review). */
export const reviewQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['registration', id, 'review'], queryFn: () => getParsed(RegistrationReviewSchema, `/deal-registrations/${id}/review`) });

/** Approve (optional comment) or reject (the comment is required) a registration; the partner sees the comment. */
export function useDecision(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, comment }: { action: 'approve' | 'reject'; comment: string }) =>
      sendVoid(`/deal-registrations/${id}/${action}`, 'POST', action === 'reject' ? { reason: comment.trim() } : comment.trim() ? { comment: comment.trim() } : {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['registration', id] });
      void qc.invalidateQueries({ queryKey: ['registrations'] });
    },
  });
}

/** Where an evidence file opens in the browser (PDF, images) or downloads. */
export const evidenceFileUrl = (id: string, fileId: string, inline: boolean) => `/api/deal-registrations/${id}/evidence/${fileId}${inline ? '?inline=true' : ''}`;
