import { ApiError, currentLanguage, getParsed, parseResponse, sendParsed, sendVoid } from '@partnerline/ui';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  AgreementDepositSchema,
  InvoiceSchema,
  PaymentImportSchema,
  PaymentsPageSchema,
  PerformanceOverviewPageSchema,
  QuotaListSchema,
  QuotaSchema,
  RebateDisputeListSchema,
  RebateDisputeSchema,
  RebateLedgerPageSchema,
  RebateLiabilitySchema,
  RebateRunListSchema,
  RebateRunSchema,
  RebateStatementPageSchema,
  RebateStatementSchema,
} from './rebates-schemas';

/** While a run is queued or running its page re-reads it this often. */
export const RUN_REFRESH_MS = 1500;
export const REBATES_PAGE_SIZE = 25;

const isActive = (status: string) => status === 'queued' || status === 'running';

// ---- runs ----
export const rebateRunsQueryOptions = (period?: string) =>
  queryOptions({
    queryKey: ['rebates', 'runs', period ?? null],
    queryFn: () => getParsed(RebateRunListSchema, '/rebate-runs', { period }),
  });

/** One run; polls while it is queued or running and stops when it has finished. */
export const rebateRunQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['rebates', 'run', id],
    queryFn: () => getParsed(RebateRunSchema, `/rebate-runs/${id}`),
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? RUN_REFRESH_MS : false),
  });

export function useStartRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => sendParsed(RebateRunSchema, '/rebate-runs', 'POST', { period }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['rebates', 'runs'] }),
  });
}

// ---- statements ----
export interface StatementFilters {
  status?: 'draft' | 'approved' | 'paid';
  periodStart?: string;
  partnerId?: string;
  runId?: string;
  page?: number;
}
export const rebateStatementsQueryOptions = (f: StatementFilters) =>
  queryOptions({
    queryKey: ['rebates', 'statements', f],
    queryFn: () => getParsed(RebateStatementPageSchema, '/rebate-statements', { ...f, page: f.page ?? 1, pageSize: REBATES_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
export const rebateStatementQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['rebates', 'statement', id], queryFn: () => getParsed(RebateStatementSchema, `/rebate-statements/${id}`) });

function useStatementMutation<I>(id: string, path: 'approve' | 'pay') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: I) => sendParsed(RebateStatementSchema, `/rebate-statements/${id}/${path}`, 'POST', body),
    onSuccess: (s) => {
      qc.setQueryData(['rebates', 'statement', id], s);
      void qc.invalidateQueries({ queryKey: ['rebates'] });
    },
  });
}
export const useApproveStatement = (id: string) => useStatementMutation<Record<string, never>>(id, 'approve');
export const usePayStatement = (id: string) => useStatementMutation<{ paidOn: string; reference: string }>(id, 'pay');

// ---- disputes ----
export const rebateDisputesQueryOptions = (status: 'open' | 'adjusted' | 'rejected' | 'all' = 'open') =>
  queryOptions({
    queryKey: ['rebates', 'disputes', status],
    queryFn: () => getParsed(RebateDisputeListSchema, '/rebate-disputes', { status: status === 'all' ? undefined : status }),
  });
export function useResolveDispute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; outcome: 'adjusted' | 'rejected'; amount?: string; resolution: string }) =>
      sendParsed(RebateDisputeSchema, `/rebate-disputes/${id}/resolve`, 'POST', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rebates'] }),
  });
}

// ---- ledger and liability ----
export const rebateLiabilityQueryOptions = () =>
  queryOptions({ queryKey: ['rebates', 'liability'], queryFn: () => getParsed(RebateLiabilitySchema, '/rebates/liability') });
export const rebateLedgerQueryOptions = (f: { partnerId?: string; agreementId?: string; page?: number }) =>
  queryOptions({
    queryKey: ['rebates', 'ledger', f],
    queryFn: () => getParsed(RebateLedgerPageSchema, '/rebate-ledger', { ...f, page: f.page ?? 1, pageSize: REBATES_PAGE_SIZE }),
  });

// ---- performance and quotas ----
export interface PerformanceFilters {
  sort?: 'attainment' | 'moreNeeded' | 'partner';
  order?: 'asc' | 'desc';
  watch?: 'close_to_next_tier' | 'at_risk';
  partnerId?: string;
  page?: number;
}
export const performanceOverviewQueryOptions = (f: PerformanceFilters) =>
  queryOptions({
    queryKey: ['rebates', 'performance', f],
    queryFn: () =>
      getParsed(PerformanceOverviewPageSchema, '/rebates/performance', { ...f, page: f.page ?? 1, pageSize: REBATES_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

export const quotasQueryOptions = (agreementId: string) =>
  queryOptions({
    queryKey: ['rebates', 'quotas', agreementId],
    queryFn: () => getParsed(QuotaListSchema, `/agreements/${agreementId}/quotas`),
  });

export function useSetQuota(agreementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ periodStart, ...body }: { periodStart: string; quota: string; amendmentReason?: string }) =>
      sendParsed(QuotaSchema, `/agreements/${agreementId}/quotas/${periodStart}`, 'PUT', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['rebates'] });
      void qc.invalidateQueries({ queryKey: ['agreement', agreementId] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

// ---- deposits ----
export const depositQueryOptions = (agreementId: string) =>
  queryOptions({
    queryKey: ['rebates', 'deposit', agreementId],
    queryFn: () => getParsed(AgreementDepositSchema, `/agreements/${agreementId}/deposit`),
  });
export function usePostDepositEvent(agreementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { to: 'paid' | 'offset' | 'refunded' | 'forfeited'; occurredOn: string; reference?: string; note?: string }) =>
      sendParsed(AgreementDepositSchema, `/agreements/${agreementId}/deposit-events`, 'POST', body),
    onSuccess: (d) => {
      qc.setQueryData(['rebates', 'deposit', agreementId], d);
      void qc.invalidateQueries({ queryKey: ['rebates', 'liability'] });
    },
  });
}

// ---- payments ----
export const paymentsQueryOptions = (f: { partnerId?: string; page?: number }) =>
  queryOptions({
    queryKey: ['rebates', 'payments', f],
    queryFn: () => getParsed(PaymentsPageSchema, '/payments', { ...f, page: f.page ?? 1, pageSize: REBATES_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
export function useAddInvoice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { partnerId: string; invoiceNo: string; amount: string; dueOn: string; paidOn?: string }) =>
      sendParsed(InvoiceSchema, '/payments', 'POST', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rebates', 'payments'] }),
  });
}
export function useMarkInvoicePaid() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, paidOn }: { id: string; paidOn: string }) => sendParsed(InvoiceSchema, `/payments/${id}/paid`, 'POST', { paidOn }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rebates', 'payments'] }),
  });
}

/** A bad row of an import, as the API names it (row number, field, code). */
export interface ImportIssue {
  row: number;
  field: string;
  code: string;
}

/** POST a file as multipart/form-data (apiFetch speaks JSON only); errors become ApiError with their details. */
export async function postFile<S extends z.ZodType>(
  schema: S,
  path: string,
  file: File,
  fields: Record<string, string> = {},
): Promise<z.output<S>> {
  const form = new FormData();
  form.set('file', file);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await fetch(`/api${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
    body: form,
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const err = (data ?? {}) as { code?: string; message?: string; issues?: []; details?: Record<string, unknown> };
    throw new ApiError(res.status, err.code ?? 'INTERNAL', err.message ?? res.statusText, err.issues ?? [], err.details);
  }
  return parseResponse(schema, data, `POST ${path}`);
}

export function useImportPayments() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file }: { file: File }) => postFile(PaymentImportSchema, '/payments/import', file),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rebates', 'payments'] }),
  });
}

// ---- reversals ----
export function useReverseDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { registrationId: string; reason: string }) => sendVoid('/rebate-reversals', 'POST', body),
    onSuccess: (_r, v) => {
      void qc.invalidateQueries({ queryKey: ['rebates'] });
      void qc.invalidateQueries({ queryKey: ['registration', v.registrationId] });
    },
  });
}
