import { Dec } from '../common/money.js';

/**
 * The rebate ledger (DOMAIN §7, deposits §4): append-only entries per partner, agreement and period. A correction is
 * a negating entry, never an edit; a paid statement is never changed — what changes after payment becomes a
 * clawback on the next statement.
 */
export const LEDGER_KINDS = ['accrual', 'reversal', 'clawback', 'settlement', 'payment', 'adjustment', 'deposit_paid', 'deposit_offset', 'deposit_refund', 'deposit_forfeit'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEntry {
  kind: LedgerKind;
  /** Signed: what the vendor owes the partner grows with positive amounts. */
  amount: string;
  /** The basis line (deal or sell-out line) an accrual/reversal/clawback is about. */
  lineId?: string | null;
  /** Business date the entry was booked. */
  bookedOn: string;
}

/** Σ of the entries' amounts, exact (two decimals). */
export function balance(entries: readonly Pick<LedgerEntry, 'amount'>[]): string {
  return entries.reduce((acc, e) => acc.plus(e.amount), new Dec(0)).toFixed(2);
}

const LINE_KINDS: readonly LedgerKind[] = ['accrual', 'reversal', 'clawback'];

/**
 * The entries a statement run adds so the ledger matches the period's current allocation (engine `allocation`):
 * per line, target − what the ledger already holds for it. A rise is an accrual; a fall is a reversal, or a clawback
 * when the line was already paid. Running again on the same inputs adds nothing (idempotent); a line reversed after
 * payment yields exactly one clawback, because once booked the ledger holds the target.
 */
export function statementEntries(
  previous: readonly LedgerEntry[],
  allocation: readonly { lineId: string; amount: string }[],
  paidLineIds: ReadonlySet<string>,
  bookedOn: string,
): LedgerEntry[] {
  const held = new Map<string, InstanceType<typeof Dec>>();
  for (const e of previous) if (e.lineId && LINE_KINDS.includes(e.kind)) held.set(e.lineId, (held.get(e.lineId) ?? new Dec(0)).plus(e.amount));
  const target = new Map(allocation.map((a) => [a.lineId, new Dec(a.amount)]));
  // Lines no longer in the basis (a won deal reversed) target zero.
  for (const id of held.keys()) if (!target.has(id)) target.set(id, new Dec(0));
  const out: LedgerEntry[] = [];
  for (const [lineId, want] of target) {
    const delta = want.minus(held.get(lineId) ?? 0);
    if (delta.isZero()) continue;
    const kind: LedgerKind = delta.gt(0) ? 'accrual' : paidLineIds.has(lineId) ? 'clawback' : 'reversal';
    out.push({ kind, amount: delta.toFixed(2), lineId, bookedOn });
  }
  return out;
}

/** Accruals (net of reversals and clawbacks) booked at least `holdingDays` before `asOf`: what may be paid now. */
export function payableAfterHolding(entries: readonly LedgerEntry[], asOf: string, holdingDays: number): string {
  const cutoff = new Date(Date.parse(`${asOf}T00:00:00Z`) - holdingDays * 86_400_000).toISOString().slice(0, 10);
  return balance(entries.filter((e) => LINE_KINDS.includes(e.kind) && (e.kind !== 'accrual' || e.bookedOn <= cutoff)));
}

/**
 * The settlement entries an approved statement books (DOMAIN §7): earned − already settled for the statement's own
 * period, and each clawback/adjustment line's rebate for the period it is about (its source period, else the
 * statement's) — together the payable. One amount per period (own period first), zero amounts left out.
 */
export function settlementAmounts(
  statement: { periodStart: string; earned: string; alreadySettled: string },
  lines: readonly { kind: string; sourcePeriodStart: string | null; rebate: string }[],
): { periodStart: string; amount: string }[] {
  const byPeriod = new Map<string, InstanceType<typeof Dec>>([[statement.periodStart, new Dec(statement.earned).minus(statement.alreadySettled)]]);
  for (const l of lines) {
    if (l.kind !== 'clawback' && l.kind !== 'adjustment') continue;
    const p = l.sourcePeriodStart ?? statement.periodStart;
    byPeriod.set(p, (byPeriod.get(p) ?? new Dec(0)).plus(l.rebate));
  }
  return [...byPeriod].filter(([, amount]) => !amount.isZero()).map(([periodStart, amount]) => ({ periodStart, amount: amount.toFixed(2) }));
}

/** Deposits of exclusive agreements: `due → paid → offset | refunded | forfeited`. */
export type DepositStatus = 'due' | 'paid' | 'offset' | 'refunded' | 'forfeited';

export type DepositCheck = { ok: true } | { ok: false; reason: 'invalid_transition' | 'performance_not_reached' | 'not_terminated_for_breach' };

/** May a deposit move? Offset or refund only once performance was reached; forfeit only on termination for breach. */
export function depositTransition(from: DepositStatus, to: DepositStatus, facts: { performanceReached: boolean; terminatedForBreach: boolean }): DepositCheck {
  const allowed: Record<DepositStatus, DepositStatus[]> = { due: ['paid'], paid: ['offset', 'refunded', 'forfeited'], offset: [], refunded: [], forfeited: [] };
  if (!allowed[from].includes(to)) return { ok: false, reason: 'invalid_transition' };
  if ((to === 'offset' || to === 'refunded') && !facts.performanceReached) return { ok: false, reason: 'performance_not_reached' };
  if (to === 'forfeited' && !facts.terminatedForBreach) return { ok: false, reason: 'not_terminated_for_breach' };
  return { ok: true };
}

/** What a ledger (or a slice of it) adds up to, every figure exact with two decimals. */
export interface LedgerTotals {
  /** Earned so far: accruals net of reversals, clawbacks and dispute adjustments. */
  accrued: string;
  /** Σ settlement entries: what approved statements made payable. */
  settled: string;
  /** Paid out to the partner (payment entries are negative; shown as a positive amount). */
  paid: string;
  /** What the vendor still owes on rebates: accrued − paid. */
  liability: string;
  /** Net deposit held: deposit paid minus what was offset, refunded or forfeited. */
  deposits: string;
}

const ACCRUED_KINDS: readonly LedgerKind[] = ['accrual', 'reversal', 'clawback', 'adjustment'];
const DEPOSIT_KINDS: readonly LedgerKind[] = ['deposit_paid', 'deposit_offset', 'deposit_refund', 'deposit_forfeit'];

/** Totals of ledger entries: accrued (accrual + reversal + clawback + adjustment), settled, paid, liability, deposits. */
export function ledgerTotals(entries: readonly Pick<LedgerEntry, 'kind' | 'amount'>[]): LedgerTotals {
  const sum = (kinds: readonly LedgerKind[]) => entries.filter((e) => kinds.includes(e.kind)).reduce((acc, e) => acc.plus(e.amount), new Dec(0));
  const accrued = sum(ACCRUED_KINDS);
  const paid = sum(['payment']).negated();
  return {
    accrued: accrued.toFixed(2),
    settled: sum(['settlement']).toFixed(2),
    paid: paid.toFixed(2),
    liability: accrued.minus(paid).toFixed(2),
    deposits: sum(DEPOSIT_KINDS).toFixed(2),
  };
}

/**
 * Holding period (policy `rebates.holdingDays`): a statement's amount becomes payable `holdingDays` days after its
 * `asOf` (the business date its accruals were last booked). With no holding period (0 days) there is no such date —
 * `null` — and a payment may carry any date (payments are often recorded after the transfer).
 */
export function payableFrom(asOf: string, holdingDays: number): string | null {
  if (!Number.isInteger(holdingDays) || holdingDays < 0) throw new RangeError(`holdingDays must be a non-negative integer, got ${holdingDays}`);
  if (holdingDays === 0) return null;
  return new Date(Date.parse(`${asOf}T00:00:00Z`) + holdingDays * 86_400_000).toISOString().slice(0, 10);
}

/** May a statement built as of `asOf` be paid on `paidOn`? Refused (with the date it becomes payable) while held. */
export function holdingCheck(paidOn: string, asOf: string, holdingDays: number): { ok: true } | { ok: false; payableFrom: string } {
  const from = payableFrom(asOf, holdingDays);
  return from !== null && paidOn < from ? { ok: false, payableFrom: from } : { ok: true };
}
