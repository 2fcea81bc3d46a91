import type { ConflictDetail, ConflictResolution, ConflictSummary, RegistrationDetail, RegistrationListItem } from '@partnerline/domain';
import { registrationsQueryOptions, type RegistrationFilters, sendVoid } from '@partnerline/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export { conflictQueryOptions, conflictsQueryOptions, registrationQueryOptions } from '@partnerline/ui';
/** The vendor's review queue (the same endpoint a partner's list uses; the API scopes it). */
export const queueQueryOptions = (f: RegistrationFilters) => registrationsQueryOptions(f);
export type QueueItem = RegistrationListItem;
export type { ConflictDetail, ConflictSummary, RegistrationDetail };

export function useReview(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'approve' | 'reject'; reason?: string }) => sendVoid(`/deal-registrations/${id}/${action}`, 'POST', action === 'reject' ? { reason } : {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['registration', id] });
      void qc.invalidateQueries({ queryKey: ['registrations'] });
    },
  });
}

export function useResolve(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ConflictResolution) => sendVoid(`/conflicts/${id}/resolve`, 'POST', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['conflict', id] });
      void qc.invalidateQueries({ queryKey: ['conflicts'] });
      void qc.invalidateQueries({ queryKey: ['registrations'] });
    },
  });
}
