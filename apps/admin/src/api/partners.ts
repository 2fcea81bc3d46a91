import type { Decision, PartnerDetail, PartnerDirectoryItem, PartnerDirectoryQuery, ScreeningInput, StatusChange, TrialOutcome } from '@partnerline/domain';
import { apiFetch, buildUrl } from '@partnerline/ui';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type DirectoryFilters = Omit<Partial<PartnerDirectoryQuery>, 'format' | 'openApplications'> & { page: number; pageSize: number; openApplications?: 'true' };

export const partnersQueryOptions = (f: DirectoryFilters) =>
  queryOptions({
    queryKey: ['partners', f],
    queryFn: () => apiFetch<{ items: PartnerDirectoryItem[]; total: number; page: number; pageSize: number }>('/partners', { query: f }),
    placeholderData: keepPreviousData,
  });

export const partnerQueryOptions = (id: string) => queryOptions({ queryKey: ['partner', id], queryFn: () => apiFetch<PartnerDetail>(`/partners/${id}`) });

export const managersQueryOptions = () =>
  queryOptions({ queryKey: ['channel-managers'], queryFn: () => apiFetch<{ id: string; displayName: string; email: string }[]>('/channel-managers'), staleTime: 300_000 });

export function csvExportUrl(f: DirectoryFilters): string {
  const { page: _p, pageSize: _s, ...rest } = f;
  return buildUrl('/partners', { ...rest, format: 'csv' });
}

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
