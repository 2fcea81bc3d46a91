import {
  AgreementDepositSchema,
  type CreateRebateReversal,
  type DepositEventRequest,
  type InvoiceInput,
  InvoiceSchema,
  isActiveRun,
  PaymentImportSchema,
  PaymentsPageSchema,
  type PaymentsQuery,
  type PayRebateStatement,
  PerformanceOverviewPageSchema,
  type PerformanceOverviewQuery,
  QuotaListSchema,
  QuotaSchema,
  type RebateDispute,
  RebateDisputeListSchema,
  RebateDisputeSchema,
  RebateLedgerPageSchema,
  type RebateLedgerQuery,
  RebateLiabilitySchema,
  RebateRunListSchema,
  RebateRunSchema,
  RebateStatementPageSchema,
  type RebateStatementQuery,
  RebateStatementSchema,
  type ResolveRebateDispute,
  type SetQuota,
} from '@partnerline/domain';
import { getParsed, sendForm, sendParsed, sendVoid } from '@partnerline/ui';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

/** While a run is queued or running its page re-reads it this often. */
export const RUN_REFRESH_MS = 1500;
export const REBATES_PAGE_SIZE = 25;

// ---- runs ----
/** The runs; while one of them is queued or running the list re-reads itself (at half the pace of a run's own page). */
export const rebateRunsQueryOptions = (period?: string) =>
  queryOptions({
    queryKey: ['rebates', 'runs', period ?? null],
    queryFn: () => getParsed(RebateRunListSchema, '/rebate-runs', { period }),
    refetchInterval: (q) => (q.state.data?.items.some(isActiveRun) ? RUN_REFRESH_MS * 2 : false),
  });

/** One run; polls while it is queued or running and stops when it has finished. */
export const rebateRunQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['rebates', 'run', id],
    queryFn: () => getParsed(RebateRunSchema, `/rebate-runs/${id}`),
    refetchInterval: (q) => (q.state.data && isActiveRun(q.state.data) ? RUN_REFRESH_MS : false),
  });

export function useStartRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => sendParsed(RebateRunSchema, '/rebate-runs', 'POST', { period }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['rebates', 'runs'] }),
  });
}

// ---- statements ----
export type StatementFilters = Partial<RebateStatementQuery>;
export const rebateStatementsQueryOptions = (f: StatementFilters) =>
  queryOptions({
    queryKey: ['rebates', 'statements', f],
    queryFn: () =>
      getParsed(RebateStatementPageSchema, '/rebate-statements', { ...f, page: f.page ?? 1, pageSize: f.pageSize ?? REBATES_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
export const rebateStatementQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['rebates', 'statement', id], queryFn: () => getParsed(RebateStatementSchema, `/rebate-statements/${id}`) });

function useStatementMutation<I>(id: string, path: 'approve' | 'pay') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: I) => sendParsed(RebateStatementSchema, `/rebate-statements/${id}/${path}`, 'POST', body),
    onSuccess: (s) => {
      const key = rebateStatementQueryOptions(id).queryKey;
      qc.setQueryData(key, s);
      // Everything else the change moves (lists, liability, ledger); not the statement just set from the answer.
      void qc.invalidateQueries({ queryKey: ['rebates'], predicate: (q) => !(q.queryKey.length === key.length && q.queryKey.every((k, i) => k === key[i])) });
    },
  });
}
export const useApproveStatement = (id: string) => useStatementMutation<Record<string, never>>(id, 'approve');
export const usePayStatement = (id: string) => useStatementMutation<PayRebateStatement>(id, 'pay');

// ---- disputes ----
export const rebateDisputesQueryOptions = (status: RebateDispute['status'] | 'all' = 'open') =>
  queryOptions({
    queryKey: ['rebates', 'disputes', status],
    queryFn: () => getParsed(RebateDisputeListSchema, '/rebate-disputes', { status: status === 'all' ? undefined : status }),
  });
export function useResolveDispute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ResolveRebateDispute) =>
      sendParsed(RebateDisputeSchema, `/rebate-disputes/${id}/resolve`, 'POST', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rebates'] }),
  });
}

// ---- ledger and liability ----
export const rebateLiabilityQueryOptions = () =>
  queryOptions({ queryKey: ['rebates', 'liability'], queryFn: () => getParsed(RebateLiabilitySchema, '/rebates/liability') });
export const rebateLedgerQueryOptions = (f: Partial<RebateLedgerQuery>) =>
  queryOptions({
    queryKey: ['rebates', 'ledger', f],
    queryFn: () => getParsed(RebateLedgerPageSchema, '/rebate-ledger', { ...f, page: f.page ?? 1, pageSize: f.pageSize ?? REBATES_PAGE_SIZE }),
  });

// ---- performance and quotas ----
export type PerformanceFilters = Partial<PerformanceOverviewQuery>;
export const performanceOverviewQueryOptions = (f: PerformanceFilters) =>
  queryOptions({
    queryKey: ['rebates', 'performance', f],
    queryFn: () =>
      getParsed(PerformanceOverviewPageSchema, '/rebates/performance', { ...f, page: f.page ?? 1, pageSize: f.pageSize ?? REBATES_PAGE_SIZE }),
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
    mutationFn: ({ periodStart, ...body }: { periodStart: string } & SetQuota) =>
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
    mutationFn: (body: DepositEventRequest) => sendParsed(AgreementDepositSchema, `/agreements/${agreementId}/deposit-events`, 'POST', body),
    onSuccess: (d) => {
      qc.setQueryData(depositQueryOptions(agreementId).queryKey, d);
      void qc.invalidateQueries({ queryKey: ['rebates', 'liability'] });
    },
  });
}

// ---- payments ----
export const paymentsQueryOptions = (f: Partial<PaymentsQuery>) =>
  queryOptions({
    queryKey: ['rebates', 'payments', f],
    queryFn: () => getParsed(PaymentsPageSchema, '/payments', { ...f, page: f.page ?? 1, pageSize: f.pageSize ?? REBATES_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
export function useAddInvoice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceInput) =>
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

export function useImportPayments() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file }: { file: File }) => {
      const form = new FormData();
      form.set('file', file);
      return sendForm(PaymentImportSchema, '/payments/import', form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rebates', 'payments'] }),
  });
}

// ---- reversals ----
export function useReverseDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRebateReversal) => sendVoid('/rebate-reversals', 'POST', body),
    onSuccess: (_r, v) => {
      void qc.invalidateQueries({ queryKey: ['rebates'] });
      void qc.invalidateQueries({ queryKey: ['registration', v.registrationId] });
    },
  });
}
