import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AgreementDeposit,
  agreementNumber,
  Dec,
  type DepositEventRequest,
  type DepositStatus,
  depositTransition,
  depositPerformance,
  type LedgerKind,
  type Scope,
  terminatedForBreach,
  VENDOR_SCOPE,
} from '@partnerline/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { type AgreementRow, AgreementsRepository } from '../agreements/agreements.repository';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import { type DepositRow, DepositsRepository } from './deposits.repository';
import { PerformanceService } from './performance.service';
import { RebateLedgerRepository } from './rebate-ledger.repository';

/** The ledger entry of each move: the deposit held grows when paid and shrinks when offset, refunded or forfeited. */
const LEDGER: Record<Exclude<DepositStatus, 'due'>, { kind: LedgerKind; sign: 1 | -1 }> = {
  paid: { kind: 'deposit_paid', sign: 1 },
  offset: { kind: 'deposit_offset', sign: -1 },
  refunded: { kind: 'deposit_refund', sign: -1 },
  forfeited: { kind: 'deposit_forfeit', sign: -1 },
};

/** What a deposit's moves depend on (depositPerformance, terminatedForBreach). */
type DepositFacts = ReturnType<typeof depositPerformance> & { terminatedForBreach: boolean };

const ACTION = { paid: 'deposit.paid', offset: 'deposit.offset', refunded: 'deposit.refunded', forfeited: 'deposit.forfeited' } as const;
const ALL: DepositStatus[] = ['paid', 'offset', 'refunded', 'forfeited'];

/**
 * Deposits of exclusive agreements (DOMAIN §4; issue #14): `due → paid → offset | refunded | forfeited`, each move an
 * event and a ledger entry in one transaction. Offset or refund once performance was reached (the latest evaluation
 * period ended by today attained 100 % of its quota, exactly); forfeit only when the agreement was terminated for
 * breach (its recorded termination reason names a breach).
 */
@Injectable()
export class DepositsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsRepository,
    private readonly deposits: DepositsRepository,
    private readonly ledger: RebateLedgerRepository,
    private readonly performance: PerformanceService,
    private readonly users: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  private terms(a: AgreementRow) {
    const d = a.type === 'exclusive' ? a.terms.deposit : null;
    if (!d) throw new AppError('DEPOSIT_NOT_APPLICABLE', {}, { agreementId: a.id });
    return d;
  }

  private async facts(m: EntityManager, a: AgreementRow, today: string): Promise<DepositFacts> {
    return {
      ...depositPerformance(await this.performance.endedPeriods(a, today, m), today),
      terminatedForBreach: terminatedForBreach(a.status, (a.termination_reason as string | null) ?? null),
    };
  }

  /** The deposit as shown; `facts` when the caller already read them in this transaction (a move does not change them). */
  private async view(m: EntityManager, a: AgreementRow, row: DepositRow, today: string, facts?: DepositFacts): Promise<AgreementDeposit> {
    facts ??= await this.facts(m, a, today);
    const events = await this.deposits.events(a.id, m);
    const names = await this.users.displayNames(events.map((e) => e.created_by), m);
    return {
      agreementId: a.id,
      partnerId: a.partner_id,
      amount: new Dec(row.amount).toFixed(2),
      dueOn: row.due_on,
      handling: this.terms(a).handling,
      status: row.status,
      ...facts,
      allowed: ALL.filter((to) => depositTransition(row.status, to, facts).ok),
      events: events.map((e) => ({
        id: e.id,
        from: e.from_status,
        to: e.to_status,
        amount: new Dec(e.amount).toFixed(2),
        occurredOn: e.occurred_on,
        reference: e.reference,
        note: e.note,
        createdBy: { id: e.created_by, name: names.get(e.created_by) ?? '' },
        createdAt: new Date(e.created_at).toISOString(),
      })),
    };
  }

  /** The deposit, created from the terms on first read. */
  async get(id: string, scope: Scope, today: string): Promise<AgreementDeposit> {
    return inTransaction(this.db, async (m) => {
      const a = await this.agreements.row(id, scope, m);
      if (!a) throw AppError.notFound('agreement', id);
      const d = this.terms(a);
      const row = await this.deposits.ensure(m, { agreementId: a.id, partnerId: a.partner_id, amount: d.amount, dueOn: d.dueDate });
      return this.view(m, a, row, today);
    });
  }

  async move(id: string, body: DepositEventRequest, actor: AuthenticatedUser, today: string): Promise<AgreementDeposit> {
    return inTransaction(this.db, async (m) => {
      const a = await this.agreements.row(id, VENDOR_SCOPE, m, true);
      if (!a) throw AppError.notFound('agreement', id);
      const d = this.terms(a);
      const row = await this.deposits.ensure(m, { agreementId: a.id, partnerId: a.partner_id, amount: d.amount, dueOn: d.dueDate }, true);
      const facts = await this.facts(m, a, today);
      const check = depositTransition(row.status, body.to, facts);
      if (!check.ok) {
        const code =
          check.reason === 'performance_not_reached' ? 'DEPOSIT_PERFORMANCE_NOT_REACHED' : check.reason === 'not_terminated_for_breach' ? 'DEPOSIT_NOT_TERMINATED_FOR_BREACH' : 'DEPOSIT_TRANSITION_INVALID';
        const params = { from: row.status, to: body.to, attainment: facts.attainmentPercent ?? '0.00', threshold: facts.thresholdPercent };
        throw new AppError(code, params, params);
      }
      const eventId = await this.deposits.insertEvent(m, {
        agreementId: a.id,
        from: row.status,
        to: body.to,
        amount: row.amount,
        occurredOn: body.occurredOn,
        reference: body.reference?.trim() || null,
        note: body.note?.trim() || null,
        createdBy: actor.id,
      });
      await this.deposits.setStatus(m, a.id, body.to);
      const entry = LEDGER[body.to];
      await this.ledger.append(m, [
        {
          partnerId: a.partner_id,
          agreementId: a.id,
          periodStart: null,
          kind: entry.kind,
          amount: new Dec(row.amount).times(entry.sign).toFixed(2),
          sourceId: eventId,
          bookedOn: today,
          note: body.reference?.trim() || null,
          createdBy: actor.id,
        },
      ]);
      await this.audit.record(m, {
        entity: 'agreement',
        entityId: a.id,
        action: ACTION[body.to],
        before: { status: row.status },
        after: { status: body.to, amount: new Dec(row.amount).toFixed(2), occurredOn: body.occurredOn, ...(body.reference ? { reference: body.reference } : {}) },
      });
      return this.view(m, a, { ...row, status: body.to }, today, facts);
    });
  }

  // ── Renewal decisions (issue #15; ADR 0018), in the caller's transaction ──

  /** The agreement's deposit, created from its terms on first read; null when its terms have none (not exclusive, or no deposit). */
  private async depositOf(m: EntityManager, a: AgreementRow, lock = false): Promise<DepositRow | null> {
    const d = a.type === 'exclusive' ? a.terms.deposit : null;
    return d ? this.deposits.ensure(m, { agreementId: a.id, partnerId: a.partner_id, amount: d.amount, dueOn: d.dueDate }, lock) : null;
  }

  /** One move decided elsewhere (a renewal decision): the event, the status, the ledger entry and the audit row. */
  private async book(
    m: EntityManager,
    a: { id: string; partner_id: string },
    row: DepositRow,
    to: Exclude<DepositStatus, 'due'>,
    e: { on: string; reference: string; actorId: string; why: Record<string, unknown> },
  ): Promise<void> {
    const eventId = await this.deposits.insertEvent(m, { agreementId: a.id, from: row.status, to, amount: row.amount, occurredOn: e.on, reference: e.reference, note: null, createdBy: e.actorId });
    await this.deposits.setStatus(m, a.id, to);
    const entry = LEDGER[to];
    await this.ledger.append(m, [
      { partnerId: a.partner_id, agreementId: a.id, periodStart: null, kind: entry.kind, amount: new Dec(row.amount).times(entry.sign).toFixed(2), sourceId: eventId, bookedOn: e.on, note: e.reference, createdBy: e.actorId },
    ]);
    await this.audit.record(m, {
      entity: 'agreement',
      entityId: a.id,
      action: ACTION[to],
      before: { status: row.status },
      after: { status: to, amount: new Dec(row.amount).toFixed(2), occurredOn: e.on, reference: e.reference, ...e.why },
    });
  }

  /**
   * Renewal: the predecessor's paid deposit becomes the successor's. The predecessor's deposit moves paid → offset
   * (offset against the successor's deposit, whatever the performance) and the successor's is created paid, each with
   * its event and ledger entry (−amount, +amount: the deposit held by the vendor is unchanged), the references naming
   * the other agreement. Returns the amount carried, or null when no deposit was paid (nothing moves).
   */
  async carryOver(m: EntityManager, from: AgreementRow, to: { id: string; startDate: string }, on: string, actorId: string, reviewId: string): Promise<string | null> {
    const held = await this.depositOf(m, from, true);
    if (held?.status !== 'paid') return null;
    const successor = await this.deposits.ensure(m, { agreementId: to.id, partnerId: from.partner_id, amount: held.amount, dueOn: to.startDate }, true);
    const [fromNumber, toNumber] = [agreementNumber(from.type, from.start_date, from.id), agreementNumber(from.type, to.startDate, to.id)];
    await this.book(m, from, held, 'offset', { on, reference: toNumber, actorId, why: { carriedOverTo: to.id, renewalReviewId: reviewId } });
    await this.book(m, { id: to.id, partner_id: from.partner_id }, successor, 'paid', { on, reference: fromNumber, actorId, why: { carriedOverFrom: from.id, renewalReviewId: reviewId } });
    return new Dec(held.amount).toFixed(2);
  }

  /** The deposit of an agreement as it stands (null without a deposit in its terms): the renewal decision asks before terminating. */
  async heldOf(m: EntityManager, a: AgreementRow): Promise<{ status: DepositStatus; amount: string } | null> {
    const row = await this.depositOf(m, a);
    return row && { status: row.status, amount: new Dec(row.amount).toFixed(2) };
  }

  /**
   * Termination by a renewal decision, on its effective date: the paid deposit is refunded or forfeited as the
   * decision said (the decision is the authority at an exit — no performance or breach test). Nothing when it is no
   * longer paid (moved by hand meanwhile, or applied already). Returns the amount moved or null.
   */
  async settleAtExit(m: EntityManager, a: AgreementRow, to: 'refunded' | 'forfeited', on: string, actorId: string, reviewId: string): Promise<string | null> {
    const held = await this.depositOf(m, a, true);
    if (held?.status !== 'paid') return null;
    await this.book(m, a, held, to, { on, reference: agreementNumber(a.type, a.start_date, a.id), actorId, why: { renewalReviewId: reviewId } });
    return new Dec(held.amount).toFixed(2);
  }
}
