import type { RegistrationInput, AgreementDetail, AgreementSummary, Industry, PartnerApplication, ProductLine, Product, PartnerDetail, PartnerUser, Region } from '@partnerline/domain';
import { ApiError, apiFetch, currentLanguage } from '@partnerline/ui';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export const industriesQueryOptions = () => queryOptions({ queryKey: ['industries'], queryFn: () => apiFetch<Industry[]>('/industries'), staleTime: 600_000 });
export const regionsQueryOptions = () => queryOptions({ queryKey: ['regions'], queryFn: () => apiFetch<Region[]>('/regions'), staleTime: 600_000 });
export const myPartnerQueryOptions = (partnerId: string) => queryOptions({ queryKey: ['partner', partnerId], queryFn: () => apiFetch<PartnerDetail>(`/partners/${partnerId}`) });

export function useApply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: PartnerApplication) => apiFetch<{ partnerId: string; reference: string; user: unknown }>('/partner-applications', { method: 'POST', body: a }),
    onSuccess: (r) => qc.setQueryData(['auth', 'me'], r.user),
  });
}

export function useAnswer(partnerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, answer }: { requestId: string; answer: string }) => apiFetch<void>(`/partners/${partnerId}/info-requests/${requestId}/answer`, { method: 'POST', body: { answer } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['partner', partnerId] }),
  });
}

export function useInvite(partnerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; displayName: string; jobRole: 'sales' | 'presales' | 'service' }) => apiFetch<{ inviteUrl: string }>(`/partners/${partnerId}/users`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['partner', partnerId] }),
  });
}

export function useSetMemberDisabled(partnerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, disabled }: { userId: string; disabled: boolean }) => apiFetch<void>(`/partners/${partnerId}/users/${userId}/disable`, { method: 'POST', body: { disabled } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['partner', partnerId] }),
  });
}

export function useAcceptInvitation() {
  return useMutation({ mutationFn: (body: { token: string; password: string }) => apiFetch<{ email: string }>('/invitations/accept', { method: 'POST', body }) });
}

export type { PartnerUser };

export { regionOptions } from '@partnerline/ui';

export const myAgreementsQueryOptions = () => queryOptions({ queryKey: ['agreements'], queryFn: () => apiFetch<{ items: AgreementSummary[]; total: number }>('/agreements', { query: { pageSize: 200 } }) });
export const agreementQueryOptions = (id: string) => queryOptions({ queryKey: ['agreement', id], queryFn: () => apiFetch<AgreementDetail>(`/agreements/${id}`) });
export const productsQueryOptions = () => queryOptions({ queryKey: ['products'], queryFn: () => apiFetch<Product[]>('/products'), staleTime: 600_000 });
export const productLinesQueryOptions = () => queryOptions({ queryKey: ['product-lines'], queryFn: () => apiFetch<ProductLine[]>('/product-lines'), staleTime: 600_000 });

export type RegistrationListItem = { id: string; partnerName: string; status: string; customerName: string; estimatedAmount: string; expectedClose: string; slaDue: string | null; slaBreached: boolean; protectionEnds: string | null; submittedAt: string | null };
export type RegistrationDetail = { id: string; status: string; customerName: string; estimatedAmount: string; slaDue: string | null; protectionEnds: string | null; details: RegistrationInput; history: { fromStatus: string | null; toStatus: string; note: string | null; occurredAt: string }[]; conflicts: { id: string; kind: string; status: string }[] };
export const myRegistrationsQueryOptions = () => queryOptions({ queryKey: ['registrations'], queryFn: () => apiFetch<{ items: RegistrationListItem[]; total: number }>('/deal-registrations', { query: { pageSize: 200 } }) });
export const registrationQueryOptions = (id: string) => queryOptions({ queryKey: ['registration', id], queryFn: () => apiFetch<RegistrationDetail>(`/deal-registrations/${id}`) });

export function useRegistrationAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'submit' | 'extend' | 'won' | 'lost' | 'withdraw'; body?: unknown }) => apiFetch<unknown>(`/deal-registrations/${id}/${action}`, { method: 'POST', body: body ?? {} }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['registration', id] });
      void qc.invalidateQueries({ queryKey: ['registrations'] });
    },
  });
}

export function useCreateRegistration() {
  return useMutation({ mutationFn: (input: RegistrationInput) => apiFetch<{ id: string }>('/deal-registrations', { method: 'POST', body: input }) });
}

export type EvidenceFile = { id: string; kind: string; filename: string; mimeType: string; size: number; uploadedAt: string };
export const evidenceQueryOptions = (id: string) => queryOptions({ queryKey: ['registration', id, 'evidence'], queryFn: () => apiFetch<EvidenceFile[]>(`/deal-registrations/${id}/evidence`) });

/** Multipart upload (the JSON client does not do files). Errors come back in the API's error shape. */
export function useUploadEvidence(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, file }: { kind: string; file: File }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      const res = await fetch(`/api/deal-registrations/${id}/evidence`, { method: 'POST', body: form, credentials: 'include', headers: { 'Accept-Language': currentLanguage() } });
      if (!res.ok) {
        const err = await res.json().catch(() => ({}));
        throw new ApiError(res.status, err.code ?? 'INTERNAL', err.message ?? res.statusText, err.issues ?? []);
      }
      return res.json();
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registration', id] }),
  });
}
