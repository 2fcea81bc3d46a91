import { AgreementDetailSchema, AgreementSummarySchema, AgreementVersionSchema, ExclusivityOverlapsSchema, pageOf, type ScopeEntry } from '@partnerline/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getParsed, sendParsed } from './request';

export type AgreementFilters = { type?: string; status?: string; partnerId?: string; industryId?: string; regionId?: string; endingWithinDays?: number; page: number; pageSize: number };
const AgreementPageSchema = pageOf(AgreementSummarySchema);

/** Agreements: all (vendor staff, filtered and paged) or the caller's own organisation's (partners). */
export const agreementsQueryOptions = (f: AgreementFilters) =>
  queryOptions({ queryKey: ['agreements', f], queryFn: () => getParsed(AgreementPageSchema, '/agreements', f), placeholderData: keepPreviousData });
export const agreementQueryOptions = (id: string) => queryOptions({ queryKey: ['agreement', id], queryFn: () => getParsed(AgreementDetailSchema, `/agreements/${id}`) });
export const versionsQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['agreement', id, 'versions'], queryFn: () => getParsed(z.array(AgreementVersionSchema), `/agreements/${id}/versions`) });

/** The exclusive holdings a draft's scope and term would overlap (live feedback in the agreement form). */
export function previewOverlaps(body: { scope: ScopeEntry[]; startDate: string; endDate: string; excludeAgreementId?: string }) {
  return sendParsed(ExclusivityOverlapsSchema, '/exclusivity/preview', 'POST', body);
}
