import { type InviteStaff, InviteStaffResultSchema, type Policies, PoliciesResponseSchema, UserSchema, type VendorRole } from '@partnerline/domain';
import { z } from 'zod';
import { sendParsed } from '@partnerline/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

export { auditQueryOptions, usersQueryOptions } from '@partnerline/ui';

export function useSetUserDisabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled, reason }: { id: string; disabled: boolean; reason?: string }) => sendParsed(UserSchema, `/users/${id}/disable`, 'POST', { disabled, reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Invites vendor staff; without email configured the answer carries the link for the administrator to pass on. */
export function useInviteStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteStaff) => sendParsed(InviteStaffResultSchema.extend({ inviteUrl: z.string().nullable() }), '/users/invitations', 'POST', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useChangeRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: VendorRole }) => sendParsed(UserSchema, `/users/${id}/role`, 'POST', { role }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['channel-managers'] });
    },
  });
}

export function useSavePolicies() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: Policies) => sendParsed(PoliciesResponseSchema, '/policies', 'PUT', p),
    onSuccess: (r) => {
      qc.setQueryData(['policies'], r);
      void qc.invalidateQueries({ queryKey: ['segments'] });
    },
  });
}
