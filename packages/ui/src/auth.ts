import type { LoginResult, PublicConfig, User } from '@partnerline/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './api';

/**
 * The signed-in user, or null when there is no session. Asks GET /auth/session, which answers 200 either way:
 * a 401 from a probe on the sign-in page would show up as an error in the browser console.
 */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: async (): Promise<User | null> => (await apiFetch<{ user: User | null }>('/auth/session')).user,
    staleTime: 60_000,
  });

/** What the sign-in page needs before anyone signs in; when the API cannot tell, nothing optional is shown. */
export const publicConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'config'],
    queryFn: async (): Promise<PublicConfig> => {
      try {
        return await apiFetch<PublicConfig>('/auth/config');
      } catch {
        return { emailEnabled: false, demoData: false };
      }
    },
    staleTime: 5 * 60_000,
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

/** "Forgot password": asks for a link by email (the answer is the same whether or not the address has an account). */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { email: string }) => apiFetch<{ accepted: true }>('/auth/password-reset', { method: 'POST', body }),
  });
}

/** Sets a password from an emailed link: a password reset, or the acceptance of an invitation. */
export function useSetPasswordFromLink(kind: 'reset' | 'invitation') {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      apiFetch<{ email: string }>(kind === 'reset' ? '/auth/password-reset/confirm' : '/invitations/accept', { method: 'POST', body }),
  });
}
