import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Dec, disputeRefusal, type DisputeRebateLine, type RebateDispute, type ResolveRebateDispute, type Scope, VENDOR_SCOPE } from '@partnerline/domain';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { type DisputeRow, RebateDisputesRepository } from './rebate-disputes.repository';
import { RebateLedgerRepository } from './rebate-ledger.repository';
import { RebateStatementsRepository } from './rebate-statements.repository';

function toDispute(d: DisputeRow): RebateDispute {
  return {
    id: d.id,
    statementId: d.statement_id,
    statementNumber: d.statement_number,
    lineId: d.line_id,
    lineNo: d.line_no,
    lineDescription: d.line_description,
    lineRebate: d.line_rebate,
    partnerId: d.partner_id,
    partnerName: d.partner_name,
    periodStart: d.period_start,
    comment: d.comment,
    raisedBy: { id: d.raised_by, name: d.raised_by_name },
    raisedAt: d.raised_at.toISOString(),
    status: d.status,
    resolution: d.resolution,
    adjustment: d.adjustment,
    resolvedBy: d.resolved_by ? { id: d.resolved_by, name: d.resolved_by_name ?? '' } : null,
    resolvedAt: d.resolved_at ? d.resolved_at.toISOString() : null,
  };
}

/** A partner flags a statement line; a manager resolves it — an adjusted dispute becomes an adjustment ledger entry. */
@Injectable()
export class RebateDisputesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: RebateDisputesRepository,
    private readonly statements: RebateStatementsRepository,
    private readonly ledger: RebateLedgerRepository,
    private readonly audit: AuditService,
  ) {}

  async raise(statementId: string, lineId: string, input: DisputeRebateLine, user: AuthenticatedUser, scope: Scope): Promise<RebateDispute> {
    const id = await inTransaction(this.db, async (m) => {
      // A partner sees only its own approved or paid statements: anything else is not found.
      const s = await this.statements.find(statementId, scope, m);
      if (!s) throw AppError.notFound('rebate_statement', statementId);
      if (!(await this.repo.lineOf(m, statementId, lineId))) throw AppError.notFound('rebate_statement_line', lineId);
      await this.statements.lockAgreements(m, [s.agreement_id]);
      // The domain rule the portal shows the button by: not a draft (a partner never finds one), no open dispute on the line.
      const refusal = disputeRefusal(s, { openDispute: await this.repo.hasOpen(m, lineId) });
      if (refusal) throw new AppError(refusal);
      const disputeId = await this.repo.insert(m, { statementId, lineId, partnerId: s.partner_id, comment: input.comment, raisedBy: user.id });
      await this.audit.record(m, { entity: 'rebate_dispute', entityId: disputeId, action: 'rebate_dispute.raised', after: { statementId, lineId, comment: input.comment } });
      return disputeId;
    });
    return this.get(id, scope);
  }

  async get(id: string, scope: Scope): Promise<RebateDispute> {
    const d = await this.repo.find(id, scope);
    if (!d) throw AppError.notFound('rebate_dispute', id);
    return toDispute(d);
  }

  async list(f: { status?: string; partnerId?: string }, scope: Scope): Promise<RebateDispute[]> {
    return (await this.repo.list({ ...f, scope })).map(toDispute);
  }

  async resolve(id: string, input: ResolveRebateDispute, user: AuthenticatedUser): Promise<RebateDispute> {
    if (input.outcome === 'adjusted' && input.amount === undefined) throw new AppError('REBATE_ADJUSTMENT_REQUIRED');
    await inTransaction(this.db, async (m) => {
      const found = await this.repo.find(id, VENDOR_SCOPE, m);
      if (!found) throw AppError.notFound('rebate_dispute', id);
      await this.statements.lockAgreements(m, [found.agreement_id]);
      const d = (await this.repo.find(id, VENDOR_SCOPE, m, true))!;
      if (d.status !== 'open') throw new AppError('REBATE_DISPUTE_RESOLVED');
      const adjustment = input.outcome === 'adjusted' ? input.amount! : null;
      await this.repo.resolve(m, id, { status: input.outcome, resolution: input.resolution, adjustment, resolvedBy: user.id });
      if (adjustment !== null && !new Dec(adjustment).isZero())
        await this.ledger.append(m, [
          {
            partnerId: d.partner_id,
            agreementId: d.agreement_id,
            periodStart: d.period_start,
            kind: 'adjustment',
            amount: adjustment,
            sourceId: d.id,
            statementId: d.statement_id,
            bookedOn: businessToday(),
            createdBy: user.id,
          },
        ]);
      await this.audit.record(m, {
        entity: 'rebate_dispute',
        entityId: id,
        action: 'rebate_dispute.resolved',
        before: { status: 'open' },
        after: { status: input.outcome, adjustment, resolution: input.resolution },
      });
    });
    return this.get(id, VENDOR_SCOPE);
  }
}
