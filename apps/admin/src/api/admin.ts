import type { AuditEntry, Policies, PoliciesResponse, Role, User } from '@partnerline/domain';
import { apiFetch } from '@partnerline/ui';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const usersQueryOptions = (f: { role?: Role; q?: string; page: number; pageSize: number }) =>
  queryOptions({ queryKey: ['users', f], queryFn: () => apiFetch<Page<User>>('/users', { query: f }), placeholderData: keepPreviousData });

export const auditQueryOptions = (f: { entity?: string; entityId?: string; page: number; pageSize: number }) =>
  queryOptions({ queryKey: ['audit', f], queryFn: () => apiFetch<Page<AuditEntry>>('/audit', { query: f }), placeholderData: keepPreviousData });

export function useSetUserDisabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled, reason }: { id: string; disabled: boolean; reason?: string }) => apiFetch<User>(`/users/${id}/disable`, { method: 'POST', body: { disabled, reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useSavePolicies() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: Policies) => apiFetch<PoliciesResponse>('/policies', { method: 'PUT', body: p }),
    onSuccess: (r) => {
      qc.setQueryData(['policies'], r);
      void qc.invalidateQueries({ queryKey: ['segments'] });
    },
  });
}
