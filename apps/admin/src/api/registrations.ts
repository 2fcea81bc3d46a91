import type { RegistrationInput } from '@partnerline/domain';
import { apiFetch } from '@partnerline/ui';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

export type QueueItem = { id: string; partnerId: string; partnerName: string; status: string; customerName: string; estimatedAmount: string; expectedClose: string; slaDue: string | null; slaBreached: boolean; protectionEnds: string | null; submittedAt: string | null };
export type RegistrationDetail = { id: string; partnerId: string; status: string; customerName: string; estimatedAmount: string; slaDue: string | null; protectionEnds: string | null; details: RegistrationInput; history: { fromStatus: string | null; toStatus: string; note: string | null; occurredAt: string }[]; conflicts: { id: string; kind: string; status: string }[] };
export type ConflictSummary = { id: string; kind: string; status: string; openedAt: string; resolution: string | null; customerName: string; raisedBy: string; parties: number };
export type ConflictDetail = {
  id: string;
  kind: string;
  status: string;
  openedAt: string;
  resolution: string | null;
  rationale: string | null;
  registrations: { id: string; partnerId: string; partnerName: string; status: string; customerName: string; taxId: string | null; domain: string | null; submittedAt: string; agreementType: string | null; exclusiveOwner: boolean; incumbent: boolean; evidence: Record<string, string>; estimatedAmount: string; sharePercent: number | null; awarded: boolean | null }[];
  directAccounts: { id: string; kind: string; name: string; owner: string | null }[];
  exclusiveHolders: { agreementId: string; partnerName: string; from: string; until: string }[];
  recommendation: { outcome: 'award'; winnerId: string; reasons: string[] } | null;
};

export const queueQueryOptions = (f: { status?: string; page: number; pageSize: number }) =>
  queryOptions({ queryKey: ['registrations', f], queryFn: () => apiFetch<{ items: QueueItem[]; total: number }>('/deal-registrations', { query: f }), placeholderData: keepPreviousData });
export const registrationQueryOptions = (id: string) => queryOptions({ queryKey: ['registration', id], queryFn: () => apiFetch<RegistrationDetail>(`/deal-registrations/${id}`) });
export const conflictsQueryOptions = (status: 'open' | 'resolved') => queryOptions({ queryKey: ['conflicts', status], queryFn: () => apiFetch<ConflictSummary[]>('/conflicts', { query: { status } }) });
export const conflictQueryOptions = (id: string) => queryOptions({ queryKey: ['conflict', id], queryFn: () => apiFetch<ConflictDetail>(`/conflicts/${id}`) });

export function useReview(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'approve' | 'reject'; reason?: string }) => apiFetch<void>(`/deal-registrations/${id}/${action}`, { method: 'POST', body: action === 'reject' ? { reason } : {} }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['registration', id] });
      void qc.invalidateQueries({ queryKey: ['registrations'] });
    },
  });
}

export function useResolve(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiFetch<void>(`/conflicts/${id}/resolve`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['conflict', id] });
      void qc.invalidateQueries({ queryKey: ['conflicts'] });
      void qc.invalidateQueries({ queryKey: ['registrations'] });
    },
  });
}
