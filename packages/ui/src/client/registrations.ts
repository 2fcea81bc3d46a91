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

export const conflictsQueryOptions = (status: 'open' | 'resolved') =>
  queryOptions({ queryKey: ['conflicts', status], queryFn: () => getParsed(z.array(ConflictSummarySchema), '/conflicts', { status }) });
export const conflictQueryOptions = (id: string) => queryOptions({ queryKey: ['conflict', id], queryFn: () => getParsed(ConflictDetailSchema, `/conflicts/${id}`) });
