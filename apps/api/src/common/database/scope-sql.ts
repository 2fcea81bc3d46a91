import type { Scope } from '@partnerline/domain';

/**
 * The WHERE fragment confining a query to a Scope, given the column holding the record's partner id
 * (and, when the query already joins partners, its manager column). Null when the scope is vendor-wide.
 * The parameters it needs are appended to `params`.
 */
export function scopeCondition(scope: Scope, partnerIdColumn: string, params: unknown[], managerColumn?: string): string | null {
  switch (scope.kind) {
    case 'vendor':
      return null;
    case 'partner':
      return `${partnerIdColumn} = $${params.push(scope.partnerId)}`;
    case 'manager':
      return managerColumn
        ? `${managerColumn} = $${params.push(scope.managerId)}`
        : `${partnerIdColumn} IN (SELECT id FROM partners WHERE manager_id = $${params.push(scope.managerId)})`;
  }
}

/** `WHERE a AND b …`, or nothing when there is no condition. */
export const whereClause = (where: readonly string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/** LIMIT/OFFSET of one page, appended to `params`. */
export function pageClause(page: { page: number; pageSize: number }, params: unknown[]): string {
  return `LIMIT $${params.push(page.pageSize)} OFFSET $${params.push((page.page - 1) * page.pageSize)}`;
}
