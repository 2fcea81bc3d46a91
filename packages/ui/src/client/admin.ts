import { AuditEntrySchema, pageOf, type Role, UserSchema } from '@partnerline/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getParsed } from './request';

const UserPageSchema = pageOf(UserSchema);
const AuditPageSchema = pageOf(AuditEntrySchema);

export type UserFilters = { role?: Role; q?: string; page: number; pageSize: number };
export const usersQueryOptions = (f: UserFilters) =>
  queryOptions({ queryKey: ['users', f], queryFn: () => getParsed(UserPageSchema, '/users', f), placeholderData: keepPreviousData });

export type AuditFilters = { entity?: string; entityId?: string; page: number; pageSize: number };
export const auditQueryOptions = (f: AuditFilters) =>
  queryOptions({ queryKey: ['audit', f], queryFn: () => getParsed(AuditPageSchema, '/audit', f), placeholderData: keepPreviousData });
