import type { Decision, ScreeningInput, StatusChange, TrialOutcome } from '@partnerline/domain';
import { apiFetch } from '@partnerline/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export { csvExportUrl, type DirectoryFilters, managersQueryOptions, partnerQueryOptions, partnersQueryOptions } from '@partnerline/ui';

/** The vendor's actions on a partner; the screens re-read the partner afterwards, so the answers are not used. */
function usePartnerMutation<I>(id: string, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: I) => apiFetch<unknown>(`/partners/${id}/${path}`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['partner', id] });
      void qc.invalidateQueries({ queryKey: ['partners'] });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export const useAssign = (id: string) => usePartnerMutation<{ managerId: string }>(id, 'assign');
export const useScore = (id: string) => usePartnerMutation<ScreeningInput>(id, 'screenings');
export const useDecide = (id: string) => usePartnerMutation<Decision>(id, 'decisions');
export const useTrialOutcome = (id: string) => usePartnerMutation<TrialOutcome>(id, 'trial-outcome');
export const useChangeStatus = (id: string) => usePartnerMutation<StatusChange>(id, 'status');
