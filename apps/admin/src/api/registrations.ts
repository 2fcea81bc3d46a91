import type { ConflictDetail, ConflictResolution, ConflictSummary, RegistrationDetail } from '@partnerline/domain';
import { sendVoid } from '@partnerline/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export { conflictQueryOptions, conflictsQueryOptions, registrationQueryOptions } from '@partnerline/ui';
export type { ConflictDetail, ConflictSummary, RegistrationDetail };

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
