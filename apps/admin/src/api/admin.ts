import { type Policies, PoliciesResponseSchema, UserSchema } from '@partnerline/domain';
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
