import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Dec,
  holdingCheck,
  type PayRebateStatement,
  payableFrom,
  type RebateProgramme,
  programmeOfTerms,
  type RebateStatement,
  type RebateStatementPage,
  type RebateStatementQuery,
  type RebateStatementSummary,
  type Scope,
  settlementAmounts,
  VENDOR_SCOPE,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { businessToday } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { PoliciesService } from '../policies/policies.service';
import { type NewLedgerEntry, RebateLedgerRepository } from './rebate-ledger.repository';
import { type LineRow, RebateStatementsRepository, type StatementRow } from './rebate-statements.repository';

function toSummary(r: StatementRow, holdingDays: number): RebateStatementSummary {
  return {
    id: r.id,
    number: r.number,
    agreementId: r.agreement_id,
    agreementType: r.agreement_type,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    final: r.final,
    quota: new Dec(r.quota).toFixed(2),
    achievement: new Dec(r.achievement).toFixed(2),
    attainmentPercent: r.attainment_percent,
    tierIndex: r.tier_index,
    ratePercent: r.rate_percent === null ? null : new Dec(r.rate_percent).toFixed(),
    earned: r.earned,
    alreadySettled: r.already_settled,
    adjustments: r.adjustments,
    payable: r.payable,
    asOf: r.as_of,
    payableFrom: payableFrom(r.as_of, holdingDays),
    approvedAt: r.approved_at ? r.approved_at.toISOString() : null,
    paidOn: r.paid_on,
    openDisputes: r.open_disputes,
  };
}

const trim = (v: string | null) => (v === null ? null : new Dec(v).toFixed());

function toLine(l: LineRow): RebateStatement['lines'][number] {
  return {
    id: l.id,
    lineNo: l.line_no,
    kind: l.kind,
    sourceId: l.source_id,
    sourcePeriodStart: l.source_period_start,
    description: l.description,
    occurredOn: l.occurred_on,
    amount: l.amount,
    share: trim(l.share),
    coefficient: trim(l.coefficient),
    achievement: l.achievement === null ? null : new Dec(l.achievement).toFixed(2),
    rebate: l.rebate,
    dispute: l.dispute_id
      ? { id: l.dispute_id, status: l.dispute_status!, comment: l.dispute_comment ?? '', resolution: l.dispute_resolution, adjustment: l.dispute_adjustment }
      : null,
  };
}

/** Statements: list, detail with lines and explanation, approval by a second person, payment. */
@Injectable()
export class RebateStatementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: RebateStatementsRepository,
    private readonly ledger: RebateLedgerRepository,
    private readonly audit: AuditService,
    private readonly policies: PoliciesService,
  ) {}

  /** The policy's holding period (days after a statement's asOf before it may be paid). */
  private async holdingDays(m?: EntityManager): Promise<number> {
    return (await this.policies.get(m)).rebates.holdingDays;
  }

  async page(query: RebateStatementQuery, scope: Scope): Promise<RebateStatementPage> {
    const { rows, total } = await this.repo.page({ ...query, scope });
    const holdingDays = await this.holdingDays();
    return { items: rows.map((r) => toSummary(r, holdingDays)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, scope: Scope, m?: EntityManager): Promise<RebateStatement> {
    const row = await this.repo.find(id, scope, m);
    if (!row) throw AppError.notFound('rebate_statement', id);
    const lines = await this.repo.lines(id, m);
    const stored = (row.explanation as { programme?: RebateProgramme }).programme;
    const programme = stored ?? programmeOfTerms(row.terms as Parameters<typeof programmeOfTerms>[0]);
    return {
      ...toSummary(row, await this.holdingDays(m)),
      method: row.method,
      explanation: row.explanation as RebateStatement['explanation'],
      programme: programme ?? { kind: 'attainment', method: row.method, thresholdPercent: '0', tiers: [{ fromPercent: '0', ratePercent: '0' }], capAmount: null },
      lines: lines.map(toLine),
      approvedBy: row.approved_by ? { id: row.approved_by, name: row.approved_by_name ?? '' } : null,
      paidBy: row.paid_by ? { id: row.paid_by, name: row.paid_by_name ?? '' } : null,
      paymentReference: row.payment_reference,
    };
  }

  /** Locks the agreement's rebate writers, then the statement row. */
  private async lockStatement(m: EntityManager, id: string): Promise<StatementRow> {
    const found = await this.repo.find(id, VENDOR_SCOPE, m);
    if (!found) throw AppError.notFound('rebate_statement', id);
    await this.repo.lockAgreements(m, [found.agreement_id]);
    return (await this.repo.find(id, VENDOR_SCOPE, m, true))!;
  }

  /**
   * draft → approved, by someone other than the run's starter. Books the settlement: earned − already settled for
   * the statement's period, and each clawback/adjustment line's amount for the period it is about — together the payable.
   */
  async approve(id: string, user: AuthenticatedUser): Promise<RebateStatement> {
    await inTransaction(this.db, async (m) => {
      const s = await this.lockStatement(m, id);
      if (s.status !== 'draft') throw new AppError('REBATE_STATEMENT_NOT_DRAFT', { status: s.status });
      if (s.run_started_by === user.id) throw new AppError('REBATE_SAME_APPROVER');
      await this.repo.approve(m, id, user.id);
      const lines = (await this.repo.lines(id, m)).map((l) => ({ kind: l.kind, sourcePeriodStart: l.source_period_start, rebate: l.rebate }));
      const today = businessToday();
      const entries: NewLedgerEntry[] = settlementAmounts({ periodStart: s.period_start, earned: s.earned, alreadySettled: s.already_settled }, lines).map(({ periodStart, amount }) => ({
        partnerId: s.partner_id,
        agreementId: s.agreement_id,
        periodStart,
        kind: 'settlement',
        amount,
        statementId: id,
        bookedOn: today,
        createdBy: user.id,
      }));
      await this.ledger.append(m, entries);
      await this.audit.record(m, {
        entity: 'rebate_statement',
        entityId: id,
        action: 'rebate_statement.approved',
        before: { status: 'draft' },
        after: { status: 'approved', payable: s.payable },
      });
    });
    return this.get(id, VENDOR_SCOPE);
  }

  /** approved → paid (once): books the payment (−payable). */
  async pay(id: string, input: PayRebateStatement, user: AuthenticatedUser): Promise<RebateStatement> {
    await inTransaction(this.db, async (m) => {
      const s = await this.lockStatement(m, id);
      if (s.status !== 'approved') throw new AppError('REBATE_STATEMENT_NOT_APPROVED', { status: s.status });
      // A payment is recorded once made: never on a day still to come.
      const today = businessToday();
      if (input.paidOn > today) throw new AppError('REBATE_PAID_IN_FUTURE', { paidOn: input.paidOn }, { paidOn: input.paidOn, today });
      const held = holdingCheck(input.paidOn, s.as_of, await this.holdingDays(m));
      if (!held.ok) throw new AppError('REBATE_HOLDING_PERIOD', { payableFrom: held.payableFrom }, { payableFrom: held.payableFrom, asOf: s.as_of });
      await this.repo.pay(m, id, user.id, input.paidOn, input.reference);
      if (!new Dec(s.payable).isZero())
        await this.ledger.append(m, [
          {
            partnerId: s.partner_id,
            agreementId: s.agreement_id,
            periodStart: s.period_start,
            kind: 'payment',
            amount: new Dec(s.payable).negated().toFixed(2),
            statementId: id,
            bookedOn: today,
            note: input.reference,
            createdBy: user.id,
          },
        ]);
      await this.audit.record(m, {
        entity: 'rebate_statement',
        entityId: id,
        action: 'rebate_statement.paid',
        before: { status: 'approved' },
        after: { status: 'paid', paidOn: input.paidOn, reference: input.reference, amount: s.payable },
      });
    });
    return this.get(id, VENDOR_SCOPE);
  }
}
