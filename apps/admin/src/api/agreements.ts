import type { AgreementDetail, AgreementSummary, AgreementTerms, ExclusiveHolding, Product, ProductLine, ScopeEntry } from '@partnerline/domain';
import { apiFetch } from '@partnerline/ui';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type AgreementFilters = { type?: string; status?: string; partnerId?: string; industryId?: string; regionId?: string; endingWithinDays?: number; page: number; pageSize: number };

export const agreementsQueryOptions = (f: AgreementFilters) =>
  queryOptions({
    queryKey: ['agreements', f],
    queryFn: () => apiFetch<{ items: AgreementSummary[]; total: number }>('/agreements', { query: f }),
    placeholderData: keepPreviousData,
  });
export const agreementQueryOptions = (id: string) => queryOptions({ queryKey: ['agreement', id], queryFn: () => apiFetch<AgreementDetail>(`/agreements/${id}`) });
export const versionsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['agreement', id, 'versions'],
    queryFn: () => apiFetch<{ version: number; kind: 'original' | 'amendment'; status: 'draft' | 'pending' | 'approved' | 'rejected'; createdBy: string; createdAt: string; decidedBy: string | null; decidedAt: string | null; reason: string | null; changedFields: string[] }[]>(`/agreements/${id}/versions`),
  });
export const productsQueryOptions = () => queryOptions({ queryKey: ['products'], queryFn: () => apiFetch<Product[]>('/products'), staleTime: 600_000 });
export const productLinesQueryOptions = () => queryOptions({ queryKey: ['product-lines'], queryFn: () => apiFetch<ProductLine[]>('/product-lines'), staleTime: 600_000 });

export function previewOverlaps(body: { scope: ScopeEntry[]; startDate: string; endDate: string; excludeAgreementId?: string }) {
  return apiFetch<{ overlaps: ExclusiveHolding[] }>('/exclusivity/preview', { method: 'POST', body });
}

function useInvalidate(id?: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['agreements'] });
    if (id) void qc.invalidateQueries({ queryKey: ['agreement', id] });
  };
}

export function useCreateAgreement() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (terms: AgreementTerms) => apiFetch<{ id: string }>('/agreements', { method: 'POST', body: terms }), onSuccess: done });
}
export function useUpdateAgreement(id: string) {
  const done = useInvalidate(id);
  return useMutation({ mutationFn: (terms: AgreementTerms) => apiFetch<AgreementDetail>(`/agreements/${id}`, { method: 'PATCH', body: terms }), onSuccess: done });
}
export function useAmendAgreement(id: string) {
  const done = useInvalidate(id);
  return useMutation({ mutationFn: (terms: AgreementTerms) => apiFetch<{ version: number }>(`/agreements/${id}/amend`, { method: 'POST', body: terms }), onSuccess: done });
}
export function useAgreementAction(id: string) {
  const done = useInvalidate(id);
  return useMutation({
    mutationFn: ({ action, body }: { action: 'submit' | 'approve' | 'reject' | 'terminate'; body?: unknown }) => apiFetch<void>(`/agreements/${id}/${action}`, { method: 'POST', body: body ?? {} }),
    onSuccess: done,
  });
}
