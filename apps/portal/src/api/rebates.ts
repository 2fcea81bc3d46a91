import {
  AgreementPerformanceSchema,
  PaymentsPageSchema,
  RebateDisputeSchema,
  RebateLedgerPageSchema,
  RebateStatementPageSchema,
  RebateStatementSchema,
  SellOutReportListSchema,
  SellOutRefusalSchema,
  SellOutReportSchema,
  WhatIfQuerySchema,
  WhatIfSchema,
} from '@partnerline/domain';
import { getParsed, sendForm, sendParsed } from '@partnerline/ui';
import type { z } from 'zod';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

/** `details` of a SELL_OUT_ROWS_INVALID refusal: every bad row and why. */
export type SellOutRefusal = z.infer<typeof SellOutRefusalSchema>;

/** One agreement's performance in a period (default: the period holding today). */
export const performanceQueryOptions = (agreementId: string, period?: string) =>
  queryOptions({
    queryKey: ['performance', agreementId, period ?? null],
    queryFn: () => getParsed(AgreementPerformanceSchema, `/agreements/${agreementId}/performance`, { period }),
    placeholderData: keepPreviousData,
  });

/** What a deal of `amount` would do to the agreement's current period (the registration form's preview). */
export const whatIfQueryOptions = (agreementId: string | null | undefined, amount: string) =>
  queryOptions({
    queryKey: ['what-if', agreementId, amount],
    queryFn: () => getParsed(WhatIfSchema, '/rebates/what-if', { agreementId: agreementId!, amount }),
    enabled: !!agreementId && WhatIfQuerySchema.shape.amount.safeParse(amount).success && Number(amount) > 0,
    staleTime: 30_000,
    retry: false,
  });

/** The organisation's statements (partners see approved and paid ones only). */
export const statementsQueryOptions = (page = 1, pageSize = 50) =>
  queryOptions({
    queryKey: ['rebate-statements', page, pageSize],
    queryFn: () => getParsed(RebateStatementPageSchema, '/rebate-statements', { page, pageSize }),
    placeholderData: keepPreviousData,
  });

export const statementQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['rebate-statement', id], queryFn: () => getParsed(RebateStatementSchema, `/rebate-statements/${id}`) });

/** One page of the organisation's ledger (the reconciliation export reads every page). */
export const ledgerPage = (page: number, pageSize: number) => getParsed(RebateLedgerPageSchema, '/rebate-ledger', { page, pageSize });

/** Flags a statement line with a comment (partner admins); the manager resolves it. */
export function useDisputeLine(statementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, comment }: { lineId: string; comment: string }) =>
      sendParsed(RebateDisputeSchema, `/rebate-statements/${statementId}/lines/${lineId}/dispute`, 'POST', { comment }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['rebate-statement', statementId] });
      void qc.invalidateQueries({ queryKey: ['rebate-statements'] });
    },
  });
}

export const sellOutReportsQueryOptions = (agreementId: string | null) =>
  queryOptions({
    queryKey: ['sell-out-reports', agreementId],
    queryFn: () => getParsed(SellOutReportListSchema, '/sell-out-reports', { agreementId: agreementId! }),
    enabled: !!agreementId,
  });

/**
 * Uploads a sell-out sheet. Bad rows answer 422 SELL_OUT_ROWS_INVALID with the row report in the error's details and
 * nothing stored; sending again with acceptGoodRows imports only the good rows.
 */
export function useUploadSellOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      agreementId,
      periodStart,
      file,
      acceptGoodRows,
      replace = false,
    }: {
      agreementId: string;
      periodStart: string;
      file: File;
      acceptGoodRows: boolean;
      /** Replace the period's current report (after a 409 SELL_OUT_REPORT_EXISTS and the partner's yes). */
      replace?: boolean;
    }) => {
      const form = new FormData();
      form.append('agreementId', agreementId);
      form.append('periodStart', periodStart);
      form.append('acceptGoodRows', String(acceptGoodRows));
      form.append('replace', String(replace));
      form.append('file', file);
      return sendForm(SellOutReportSchema, '/sell-out-reports', form);
    },
    onSuccess: (_r, v) => {
      void qc.invalidateQueries({ queryKey: ['sell-out-reports', v.agreementId] });
      void qc.invalidateQueries({ queryKey: ['performance', v.agreementId] });
    },
  });
}

/** The organisation's invoices (the API answers the caller's own partner). */
export const paymentsQueryOptions = (page = 1, pageSize = 100) =>
  queryOptions({
    queryKey: ['payments', page, pageSize],
    queryFn: () => getParsed(PaymentsPageSchema, '/payments', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
