import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { agreementPeriods, type Quota, type QuotaList, quotaEditable, quotaFor, type Scope, type SetQuota, VENDOR_SCOPE } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { periodOrFail } from './performance.service';
import { type QuotaRow, QuotasRepository } from './quotas.repository';

/**
 * Quotas per evaluation period (issue #14): the terms' quota per period unless one is set for the period. A quota may
 * be set until its period starts; afterwards only as an amendment with a reason, audited as such.
 */
@Injectable()
export class QuotasService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsRepository,
    private readonly quotas: QuotasRepository,
    private readonly users: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  private view(period: { index: number; start: string; end: string }, terms: Parameters<typeof quotaFor>[0], row: QuotaRow | undefined, names: Map<string, string>, today: string): Quota {
    const q = quotaFor(terms, row?.quota);
    return {
      periodIndex: period.index,
      periodStart: period.start,
      periodEnd: period.end,
      quota: q.amount,
      source: q.source,
      editable: quotaEditable(period, today),
      amendmentReason: row?.amendment_reason ?? null,
      setBy: row ? { id: row.set_by, name: names.get(row.set_by) ?? '' } : null,
      setAt: row ? new Date(row.set_at).toISOString() : null,
    };
  }

  async list(id: string, scope: Scope, today: string): Promise<QuotaList> {
    const a = await this.agreements.row(id, scope);
    if (!a) throw AppError.notFound('agreement', id);
    const rows = new Map((await this.quotas.forAgreement(id)).map((r) => [r.period_start, r]));
    const names = await this.users.displayNames([...rows.values()].map((r) => r.set_by));
    const periods = agreementPeriods({ startDate: a.start_date, endDate: a.end_date, terms: a.terms });
    return { items: periods.map((p) => this.view(p, a.terms, rows.get(p.start), names, today)) };
  }

  async set(id: string, periodStart: string, body: SetQuota, actor: AuthenticatedUser, today: string): Promise<Quota> {
    return inTransaction(this.db, async (m) => {
      const a = await this.agreements.row(id, VENDOR_SCOPE, m, true);
      if (!a) throw AppError.notFound('agreement', id);
      const period = periodOrFail(agreementPeriods({ startDate: a.start_date, endDate: a.end_date, terms: a.terms }), today, periodStart);
      const editable = quotaEditable(period, today);
      const reason = body.amendmentReason?.trim() || null;
      if (!editable && !reason) throw new AppError('QUOTA_AMENDMENT_REQUIRED', { periodStart: period.start }, { periodStart: period.start, field: 'amendmentReason' });
      const before = await this.quotas.lock(m, id, period.start);
      const row = await this.quotas.upsert(m, { agreementId: id, periodStart: period.start, periodEnd: period.end, quota: body.quota, amendmentReason: reason, setBy: actor.id });
      const was = quotaFor(a.terms, before?.quota);
      await this.audit.record(m, {
        entity: 'agreement',
        entityId: id,
        action: editable ? 'rebate_quota.set' : 'rebate_quota.amended',
        before: { periodStart: period.start, quota: was.amount },
        after: { periodStart: period.start, periodEnd: period.end, quota: quotaFor(a.terms, row.quota).amount, ...(reason ? { amendmentReason: reason } : {}) },
      });
      return this.view(period, a.terms, row, await this.users.displayNames([actor.id], m), today);
    });
  }
}
