import { AuditEntrySchema, ManagedUserSchema, pageOf, type Role } from '@partnerline/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getParsed } from './request';

const UserPageSchema = pageOf(ManagedUserSchema);
const AuditPageSchema = pageOf(AuditEntrySchema).extend({ totalIsEstimate: z.boolean().optional() });

export type UserFilters = { role?: Role; q?: string; page: number; pageSize: number };
export const usersQueryOptions = (f: UserFilters) =>
  queryOptions({ queryKey: ['users', f], queryFn: () => getParsed(UserPageSchema, '/users', f), placeholderData: keepPreviousData });

export type AuditFilters = {
  entity?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};
export const auditQueryOptions = (f: AuditFilters) =>
  queryOptions({ queryKey: ['audit', f], queryFn: () => getParsed(AuditPageSchema, '/audit', f), placeholderData: keepPreviousData });
