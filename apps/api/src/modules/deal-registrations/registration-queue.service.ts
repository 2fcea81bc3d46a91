import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  slaBreached,
  type BulkApproveResult,
  type RegistrationQueueCounts,
  type RegistrationQueuePage,
  type RegistrationQueueQuery,
  type Scope,
} from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { CatalogRepository } from '../catalog/catalog.repository';
import { DealRegistrationsService } from './deal-registrations.service';
import { type QueueFilter, RegistrationQueueRepository } from './registration-queue.repository';

/** The review queue (vendor) and a partner's own registrations: one list, scoped by the caller. */
@Injectable()
export class RegistrationQueueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: RegistrationQueueRepository,
    private readonly registrations: DealRegistrationsService,
    private readonly catalog: CatalogRepository,
  ) {}

  private async filter(q: Omit<RegistrationQueueQuery, 'page' | 'pageSize'>, scope: Scope, today: string): Promise<QueueFilter> {
    return {
      owners: await this.registrations.ownersOf(this.db.manager, scope),
      partnerId: q.partnerId,
      managerId: q.managerId,
      industryId: q.industryId,
      regionIds: q.regionId ? await this.catalog.regionIdsWithin(this.db.manager, q.regionId) : undefined,
      overdueBefore: q.overdue ? today : undefined,
      q: q.q || undefined,
    };
  }

  async list(q: RegistrationQueueQuery, scope: Scope): Promise<RegistrationQueuePage> {
    const today = businessToday();
    const f = await this.filter(q, scope, today);
    // Waiting registrations read oldest SLA first; other tabs newest submission first, unless the caller sorts.
    const waiting = q.status === 'open' || q.status === 'in_review' || q.status === 'in_conflict' || q.status === 'submitted';
    const sort = q.sort ?? (waiting || !q.status ? 'sla' : 'submitted');
    const desc = q.order ? q.order === 'desc' : sort === 'submitted';
    const [rows, total] = await Promise.all([
      this.repo.page(q.status, f, sort, desc, q.pageSize, (q.page - 1) * q.pageSize),
      this.repo.count(q.status, f),
    ]);
    return {
      total: total.count,
      totalExact: total.exact,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r) => ({
        id: r.id,
        partnerId: r.partner_id,
        partnerName: r.partner_name,
        status: r.status,
        customerName: r.customer_name,
        estimatedAmount: r.estimated_amount,
        expectedClose: r.expected_close,
        slaDue: r.sla_due,
        slaBreached: slaBreached(r.status, r.sla_due, today),
        protectionEnds: r.protection_ends,
        submittedAt: r.submitted_at?.toISOString() ?? null,
        industryId: r.industry_id,
        regionId: r.region_id,
        inOpenCase: r.in_open_case,
      })),
    };
  }

  /** Rows per tab under the same filters; each count stops at the limit. */
  async counts(q: Omit<RegistrationQueueQuery, 'page' | 'pageSize'>, scope: Scope): Promise<RegistrationQueueCounts> {
    const f = await this.filter(q, scope, businessToday());
    const [open, in_review, in_conflict, approved, all] = await Promise.all(
      (['open', 'in_review', 'in_conflict', 'approved', 'all'] as const).map((tab) => this.repo.count(tab, f)),
    );
    return { open, in_review, in_conflict, approved, all };
  }

  /**
   * Approves each registration through the same path as a single approval (rules, locks, audit, notification), one
   * transaction each; answers per id. One in an open case answers 409 REGISTRATION_IN_OPEN_CASE and is left as it is.
   */
  async bulkApprove(ids: readonly string[], actor: AuthenticatedUser, comment?: string): Promise<BulkApproveResult> {
    const results: BulkApproveResult['results'] = [];
    for (const id of new Set(ids)) {
      try {
        await this.registrations.approve(id, actor, comment);
        results.push({ id, ok: true, status: 204 });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        results.push({ id, ok: false, status: e.status, code: e.code });
      }
    }
    return { results };
  }
}
