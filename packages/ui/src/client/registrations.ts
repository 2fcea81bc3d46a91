import { ConflictDetailSchema, ConflictSummarySchema, EvidenceFileSchema, RegistrationDetailSchema, RegistrationPageSchema, type RegistrationStatus } from '@partnerline/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getParsed } from './request';

export type RegistrationFilters = { status?: RegistrationStatus | string; partnerId?: string; q?: string; page: number; pageSize: number };

/** Deal registrations: the vendor's review queue, or a partner's own registrations (the API scopes them). */
export const registrationsQueryOptions = (f: RegistrationFilters) =>
  queryOptions({ queryKey: ['registrations', f], queryFn: () => getParsed(RegistrationPageSchema, '/deal-registrations', f), placeholderData: keepPreviousData });
export const registrationQueryOptions = (id: string) => queryOptions({ queryKey: ['registration', id], queryFn: () => getParsed(RegistrationDetailSchema, `/deal-registrations/${id}`) });
export const evidenceQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['registration', id, 'evidence'], queryFn: () => getParsed(z.array(EvidenceFileSchema), `/deal-registrations/${id}/evidence`) });

/** A page of conflict cases, oldest first (CONFLICTS_PAGE_SIZE per page). */
export const CONFLICTS_PAGE_SIZE = 50;
export const conflictsQueryOptions = (status: 'open' | 'resolved', page = 1) =>
  queryOptions({ queryKey: ['conflicts', status, page], queryFn: () => getParsed(z.array(ConflictSummarySchema), '/conflicts', { status, page, pageSize: CONFLICTS_PAGE_SIZE }) });
export const conflictQueryOptions = (id: string) => queryOptions({ queryKey: ['conflict', id], queryFn: () => getParsed(ConflictDetailSchema, `/conflicts/${id}`) });
