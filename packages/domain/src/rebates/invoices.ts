import { daysBetween } from '../common/business-time.js';
import { IsoDateSchema, PositiveMoneySchema } from '../common/common.schema.js';
import { Dec } from '../common/money.js';
import type { Invoice } from './payments.js';

/**
 * The partner's invoices from the vendor (the payments ledger): each one's standing on a business date, and the
 * row-by-row check of an imported invoice sheet (partner, invoice no, amount, due date, paid date).
 */
export type InvoiceStatus = 'open' | 'overdue' | 'paid' | 'paid_late';

/** Open, overdue (open past its due date), paid on time, or paid late — and by how many days (to `asOf` while open). */
export function invoiceStanding(inv: Invoice, asOf: string): { status: InvoiceStatus; daysOverdue: number } {
  if (inv.paidOn !== null && inv.paidOn <= asOf) {
    const late = daysBetween(inv.dueOn, inv.paidOn);
    return late > 0 ? { status: 'paid_late', daysOverdue: late } : { status: 'paid', daysOverdue: 0 };
  }
  const late = daysBetween(inv.dueOn, asOf);
  return late > 0 ? { status: 'overdue', daysOverdue: late } : { status: 'open', daysOverdue: 0 };
}

/** The columns of an invoice row. */
export const INVOICE_FIELDS = ['partner', 'invoiceNo', 'amount', 'dueOn', 'paidOn'] as const;
export type InvoiceRowInput = Record<(typeof INVOICE_FIELDS)[number], string | undefined>;

/** Why an invoice row is refused. */
export const INVOICE_ISSUE_CODES = [
  'required',
  'not_a_date',
  'not_an_amount',
  'too_long',
  'paid_in_future',
  'duplicate_in_file',
  'unknown_partner',
  'ambiguous_partner',
  'conflicts_with_existing',
  'already_paid',
] as const;
export type InvoiceIssueCode = (typeof INVOICE_ISSUE_CODES)[number];

/** Why an invoice row was refused: a stable code per field (the apps word it in both languages). */
export interface InvoiceIssue {
  row: number;
  field: keyof InvoiceRowInput;
  code: InvoiceIssueCode;
}

export interface InvoiceLine {
  row: number;
  /** As written in the sheet: a partner id, tax id or name, resolved by the API. */
  partner: string;
  invoiceNo: string;
  amount: string;
  dueOn: string;
  paidOn: string | null;
}

const isDate = (d: string) => IsoDateSchema.safeParse(d).success;
export const INVOICE_NO_MAX = 64;

/**
 * Checks every row (numbered from 1 in the order given) and names each bad row and why. A paid date after `today`
 * is refused (nobody has paid in the future); the same partner and invoice number twice in one file is refused.
 */
export function checkInvoiceRows(rows: readonly InvoiceRowInput[], ctx: { today: string }): { good: InvoiceLine[]; issues: InvoiceIssue[]; badRows: number[] } {
  const good: InvoiceLine[] = [];
  const issues: InvoiceIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, i) => {
    const row = i + 1;
    const v = (k: keyof InvoiceRowInput) => (raw[k] ?? '').trim();
    const found: InvoiceIssue[] = [];
    for (const k of ['partner', 'invoiceNo', 'amount', 'dueOn'] as const) if (!v(k)) found.push({ row, field: k, code: 'required' });
    if (v('partner').length > 200) found.push({ row, field: 'partner', code: 'too_long' });
    if (v('invoiceNo').length > INVOICE_NO_MAX) found.push({ row, field: 'invoiceNo', code: 'too_long' });
    const amount = v('amount').replace(/,/g, '');
    // `, 5` is not an amount: the schema would trim the space the dropped comma left.
    if (amount && (amount !== amount.trim() || !PositiveMoneySchema.safeParse(amount).success)) found.push({ row, field: 'amount', code: 'not_an_amount' });
    if (v('dueOn') && !isDate(v('dueOn'))) found.push({ row, field: 'dueOn', code: 'not_a_date' });
    if (v('paidOn') && !isDate(v('paidOn'))) found.push({ row, field: 'paidOn', code: 'not_a_date' });
    else if (v('paidOn') && v('paidOn') > ctx.today) found.push({ row, field: 'paidOn', code: 'paid_in_future' });
    const dupKey = `${v('partner').toLowerCase()}\u0000${v('invoiceNo')}`;
    if (v('partner') && v('invoiceNo')) {
      if (seen.has(dupKey)) found.push({ row, field: 'invoiceNo', code: 'duplicate_in_file' });
      seen.add(dupKey);
    }
    if (found.length) issues.push(...found);
    else good.push({ row, partner: v('partner'), invoiceNo: v('invoiceNo'), amount: new Dec(amount).toFixed(2), dueOn: v('dueOn'), paidOn: v('paidOn') || null });
  });
  return { good, issues, badRows: [...new Set(issues.map((x) => x.row))] };
}

/**
 * What an imported row does to an invoice already on file (same partner and number): nothing when it says the same,
 * records its payment when the invoice is still open, otherwise it conflicts (a different amount or due date, or a
 * payment already recorded on another date).
 */
export function invoiceRowAgainst(
  line: Pick<InvoiceLine, 'amount' | 'dueOn' | 'paidOn'>,
  existing: { amount: string; dueOn: string; paidOn: string | null },
): { outcome: 'unchanged' | 'paid' } | { outcome: 'refused'; field: keyof InvoiceRowInput; code: 'conflicts_with_existing' | 'already_paid' } {
  if (!new Dec(line.amount).eq(existing.amount)) return { outcome: 'refused', field: 'amount', code: 'conflicts_with_existing' };
  if (line.dueOn !== existing.dueOn) return { outcome: 'refused', field: 'dueOn', code: 'conflicts_with_existing' };
  if (existing.paidOn === null) return line.paidOn === null ? { outcome: 'unchanged' } : { outcome: 'paid' };
  if (line.paidOn === existing.paidOn) return { outcome: 'unchanged' };
  return { outcome: 'refused', field: 'paidOn', code: 'already_paid' };
}

/** An invoice row whose partner key named exactly one partner. */
export type ResolvedInvoiceLine = InvoiceLine & { partnerId: string };

/**
 * The good rows' partners: each row's key (id, tax id or exact name) must name exactly one partner (`ids` per key;
 * none → unknown_partner, several → ambiguous_partner), and a (partner, invoice no) once per file — keys that name
 * the same partner in two ways make the second row a duplicate_in_file.
 */
export function resolveInvoicePartners(good: readonly InvoiceLine[], ids: ReadonlyMap<string, readonly string[]>): { resolved: ResolvedInvoiceLine[]; issues: InvoiceIssue[] } {
  const resolved: ResolvedInvoiceLine[] = [];
  const issues: InvoiceIssue[] = [];
  const seen = new Set<string>();
  for (const g of good) {
    const matches = ids.get(g.partner) ?? [];
    if (matches.length !== 1) {
      issues.push({ row: g.row, field: 'partner', code: matches.length ? 'ambiguous_partner' : 'unknown_partner' });
      continue;
    }
    const key = `${matches[0]}\u0000${g.invoiceNo}`;
    if (seen.has(key)) {
      issues.push({ row: g.row, field: 'invoiceNo', code: 'duplicate_in_file' });
      continue;
    }
    seen.add(key);
    resolved.push({ ...g, partnerId: matches[0] });
  }
  return { resolved, issues };
}

export type InvoiceImportOutcome = { row: number; partnerId: string; invoiceNo: string; outcome: 'created' | 'paid' | 'unchanged' };

/**
 * What an import does with each resolved row against the invoices on file (same partner and number): a new one is
 * created, an open one gets the row's payment, the same facts change nothing, a conflict is an issue
 * (invoiceRowAgainst). Rows keep the numbering they were given.
 */
export function planInvoiceImport(
  resolved: readonly ResolvedInvoiceLine[],
  existing: readonly { id: string; partnerId: string; invoiceNo: string; amount: string; dueOn: string; paidOn: string | null }[],
): { toCreate: ResolvedInvoiceLine[]; toPay: { line: ResolvedInvoiceLine; id: string }[]; outcomes: InvoiceImportOutcome[]; issues: InvoiceIssue[] } {
  const onFile = new Map(existing.map((e) => [`${e.partnerId}\u0000${e.invoiceNo}`, e]));
  const toCreate: ResolvedInvoiceLine[] = [];
  const toPay: { line: ResolvedInvoiceLine; id: string }[] = [];
  const outcomes: InvoiceImportOutcome[] = [];
  const issues: InvoiceIssue[] = [];
  for (const r of resolved) {
    const on = onFile.get(`${r.partnerId}\u0000${r.invoiceNo}`);
    if (!on) {
      toCreate.push(r);
      outcomes.push({ row: r.row, partnerId: r.partnerId, invoiceNo: r.invoiceNo, outcome: 'created' });
      continue;
    }
    const against = invoiceRowAgainst(r, on);
    if (against.outcome === 'refused') issues.push({ row: r.row, field: against.field, code: against.code });
    else {
      if (against.outcome === 'paid') toPay.push({ line: r, id: on.id });
      outcomes.push({ row: r.row, partnerId: r.partnerId, invoiceNo: r.invoiceNo, outcome: against.outcome });
    }
  }
  return { toCreate, toPay, outcomes, issues };
}

/** What is still owed on `asOf` (open invoices) and how much of it is past due, exact decimals. */
export function invoiceTotals(invoices: readonly Invoice[], asOf: string): { outstanding: string; overdue: string } {
  let outstanding = new Dec(0);
  let overdue = new Dec(0);
  for (const i of invoices) {
    if (i.paidOn !== null && i.paidOn <= asOf) continue;
    outstanding = outstanding.plus(i.amount);
    if (i.dueOn < asOf) overdue = overdue.plus(i.amount);
  }
  return { outstanding: outstanding.toFixed(2), overdue: overdue.toFixed(2) };
}
