import type { LoginResult, User } from '@partnerline/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from './api';

/** The signed-in user, or null when there is no session (401). */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: async (): Promise<User | null> => {
      try {
        return await apiFetch<User>('/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => apiFetch<LoginResult>('/auth/login', { method: 'POST', body: input }),
    onSuccess: (result) => qc.setQueryData(meQueryOptions().queryKey, result.user),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      qc.clear();
    },
  });
}

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { locale?: 'zh-CN' | 'en'; timeZone?: string }) => apiFetch<User>('/auth/me', { method: 'PATCH', body: change }),
    onSuccess: (user) => qc.setQueryData(meQueryOptions().queryKey, user),
  });
}
