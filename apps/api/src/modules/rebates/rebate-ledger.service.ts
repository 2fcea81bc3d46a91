import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Dec, ledgerTotals, type RebateLedgerPage, type RebateLedgerQuery, type RebateLiability, type Scope, scopePartnerId } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { RebateLedgerRepository } from './rebate-ledger.repository';

/** The ledger as people read it: a page of entries with the totals of the whole slice, and the liability per partner. */
@Injectable()
export class RebateLedgerService {
  constructor(
    private readonly repo: RebateLedgerRepository,
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsRepository,
  ) {}

  async page(q: RebateLedgerQuery, scope: Scope): Promise<RebateLedgerPage> {
    // A partner asking about another partner's rows gets a 404 (as payments answers), never an empty page.
    if (scope.kind === 'partner') {
      if (q.partnerId && q.partnerId !== scope.partnerId) throw AppError.notFound('partner', q.partnerId);
      if (q.agreementId) {
        const [a] = await this.agreements.briefs(this.db.manager, [q.agreementId]);
        if (!a || a.partnerId !== scope.partnerId) throw AppError.notFound('agreement', q.agreementId);
      }
    }
    const filter = { partnerId: q.partnerId, agreementId: q.agreementId, ownPartnerId: scopePartnerId(scope) };
    const [{ rows, total }, sums] = await Promise.all([this.repo.page(filter, q.page, q.pageSize), this.repo.sumsByKind(filter)]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        amount: r.amount,
        periodStart: r.period_start,
        agreementId: r.agreement_id,
        statementId: r.statement_id,
        sourceId: r.source_id,
        bookedOn: r.booked_on,
        note: r.note,
      })),
      totals: ledgerTotals(sums),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async liability(): Promise<RebateLiability> {
    const rows = await this.repo.liabilityByPartner();
    let accrued = new Dec(0);
    let paid = new Dec(0);
    const partners = rows.map((r) => {
      accrued = accrued.plus(r.accrued);
      paid = paid.plus(r.paid);
      return {
        partnerId: r.partner_id,
        partnerName: r.partner_name,
        accrued: new Dec(r.accrued).toFixed(2),
        paid: new Dec(r.paid).toFixed(2),
        liability: new Dec(r.accrued).minus(r.paid).toFixed(2),
      };
    });
    return { total: { accrued: accrued.toFixed(2), paid: paid.toFixed(2), liability: accrued.minus(paid).toFixed(2) }, partners };
  }
}
