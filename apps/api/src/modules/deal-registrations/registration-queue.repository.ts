import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUE_COUNT_LIMIT, type QueueSort, type QueueTab, type RegistrationStatus } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { escapeLike } from '../../common/database/like';
import { cappedCount } from '../../common/database/scope-sql';

/** Statuses of the queue's default tab: waiting for a reviewer. */
export const OPEN_QUEUE_STATUSES: readonly RegistrationStatus[] = ['submitted', 'in_review', 'in_conflict'];
const OVERDUE_STATUSES: readonly RegistrationStatus[] = ['in_review', 'in_conflict'];

export interface QueueFilter {
  owners: readonly string[] | null;
  partnerId?: string;
  managerId?: string;
  industryId?: string;
  regionIds?: string[];
  overdueBefore?: string;
  q?: string;
}

export interface QueueRow {
  id: string;
  partner_id: string;
  partner_name: string;
  status: RegistrationStatus;
  customer_name: string;
  estimated_amount: string;
  expected_close: string;
  sla_due: string | null;
  protection_ends: string | null;
  submitted_at: Date | null;
  industry_id: string;
  region_id: string;
  in_open_case: boolean;
}

/** Sort keys; each matches a btree of migration 1764810000000 so a page is an index walk, not a sort of the whole set. */
const inList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

const SORT_SQL: Record<QueueSort, { column: string; nulls: string }> = {
  sla: { column: 'r.sla_due', nulls: 'NULLS LAST' },
  submitted: { column: 'r.submitted_at', nulls: 'NULLS LAST' },
  amount: { column: 'r.estimated_amount', nulls: '' },
  customer: { column: 'r.customer_name', nulls: '' },
};

/**
 * The review queue's SQL (issue #13). A page is the matching rows' ids by an indexed order with a bounded offset
 * (QUEUE_MAX_OFFSET), then the page's columns and partner names for those ids only; counts stop at QUEUE_COUNT_LIMIT + 1 rows.
 */
@Injectable()
export class RegistrationQueueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private where(tab: QueueTab | undefined, f: QueueFilter, params: unknown[]): string {
    const where: string[] = [];
    // Constant status lists are written inline so the planner can match the partial indexes' predicates.
    if (tab === 'open') where.push(`r.status IN (${inList(OPEN_QUEUE_STATUSES)})`);
    else if (tab && tab !== 'all') where.push(`r.status = $${params.push(tab)}`);
    if (f.owners) where.push(`r.partner_id = ANY($${params.push(f.owners)}::uuid[])`);
    if (f.partnerId) where.push(`r.partner_id = $${params.push(f.partnerId)}`);
    if (f.managerId) where.push(`r.partner_id = ANY(ARRAY(SELECT m.id FROM partners m WHERE m.manager_id = $${params.push(f.managerId)}))`);
    if (f.industryId) where.push(`r.industry_id = $${params.push(f.industryId)}`);
    if (f.regionIds) where.push(`r.region_id = ANY($${params.push(f.regionIds)}::uuid[])`);
    if (f.overdueBefore) {
      where.push(`r.status IN (${inList(OVERDUE_STATUSES)}) AND r.sla_due < $${params.push(f.overdueBefore)}::date`);
    }
    if (f.q) {
      const like = params.push(`%${escapeLike(f.q)}%`);
      // Customer name (trigram index) or the partner's name: the matching partners are read first (an array, so the
      // registrations' partner index can serve the second arm of the OR as a bitmap).
      where.push(`(r.customer_name ILIKE $${like} OR r.partner_id = ANY(ARRAY(SELECT s.id FROM partners s WHERE s.name ILIKE $${like} OR s.name_en ILIKE $${like} LIMIT 1000)))`);
    }
    return where.length ? `WHERE ${where.join(' AND ')}` : '';
  }

  /** Matching rows, exact up to the limit: `{ count: limit, exact: false }` means "limit or more". */
  async count(tab: QueueTab | undefined, f: QueueFilter): Promise<{ count: number; exact: boolean }> {
    const params: unknown[] = [];
    const where = this.where(tab, f, params);
    return cappedCount((sql) => this.db.query(sql, params), `deal_registrations r ${where}`, QUEUE_COUNT_LIMIT);
  }

  async page(tab: QueueTab | undefined, f: QueueFilter, sort: QueueSort, desc: boolean, limit: number, offset: number): Promise<QueueRow[]> {
    const params: unknown[] = [];
    const where = this.where(tab, f, params);
    const { column, nulls } = SORT_SQL[sort];
    const dir = desc ? 'DESC' : 'ASC';
    const order = `${column} ${dir} ${nulls}, r.id ${dir}`;
    return this.db.query(
      `WITH page AS (SELECT r.id FROM deal_registrations r ${where} ORDER BY ${order} LIMIT $${params.push(limit)} OFFSET $${params.push(offset)})
       SELECT r.id, r.partner_id, p.name AS partner_name, r.status, r.customer_name, r.estimated_amount, r.expected_close::text AS expected_close,
              r.sla_due::text AS sla_due, r.protection_ends::text AS protection_ends, r.submitted_at, r.industry_id, r.region_id,
              EXISTS (SELECT 1 FROM conflict_parties cp JOIN conflicts c ON c.id = cp.conflict_id
                       WHERE cp.registration_id = r.id AND c.status = 'open') AS in_open_case
         FROM page JOIN deal_registrations r ON r.id = page.id JOIN partners p ON p.id = r.partner_id
        ORDER BY ${order}`,
      params,
    );
  }
}
