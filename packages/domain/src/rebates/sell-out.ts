import { Dec } from '../common/money.js';
import { type EvaluationPeriod, evaluationPeriods, type PeriodKind, periodOf } from './periods.js';

/** The columns of a sell-out row. */
export const SELL_OUT_FIELDS = ['date', 'customer', 'product', 'quantity', 'amount'] as const;
/** Why a sell-out row is refused. */
export const SELL_OUT_ISSUE_CODES = ['required', 'not_a_date', 'outside_period', 'unknown_product', 'not_a_whole_number', 'not_an_amount', 'negative_amount', 'too_long'] as const;
export type SellOutIssueCode = (typeof SELL_OUT_ISSUE_CODES)[number];

/** One row of a partner's sell-out report (CSV/XLSX cells as text): date, customer, product, quantity, amount. */
export type SellOutRowInput = Record<(typeof SELL_OUT_FIELDS)[number], string | undefined>;

export interface SellOutLine {
  row: number;
  date: string;
  customer: string;
  product: string;
  quantity: number;
  amount: string;
}

/** Why a row was refused: a stable code per field (the apps word it in both languages). */
export type SellOutIssue = { row: number; field: keyof SellOutRowInput; code: SellOutIssueCode };

export interface SellOutCheck {
  good: SellOutLine[];
  issues: SellOutIssue[];
  /** Rows with at least one issue. */
  badRows: number[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A sale's amount: digits with at most two decimals. A negative amount (a return) is refused as `negative_amount`: returns
 * are not reported this way, and the engine's allocation assumes non-negative lines. */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const NEGATIVE_AMOUNT = /^-\s*\d{1,12}(\.\d{1,2})?$/;

/**
 * Checks every row (numbered from 1, as the partner sees the sheet) and names each bad row and why. `products` are
 * the product codes the agreement covers; the period bounds the dates.
 */
export function checkSellOutRows(rows: readonly SellOutRowInput[], ctx: { periodStart: string; periodEnd: string; products: ReadonlySet<string> }): SellOutCheck {
  const good: SellOutLine[] = [];
  const issues: SellOutIssue[] = [];
  rows.forEach((raw, i) => {
    const row = i + 1;
    const v = (k: keyof SellOutRowInput) => (raw[k] ?? '').trim();
    const found: SellOutIssue[] = [];
    for (const k of ['date', 'customer', 'product', 'quantity', 'amount'] as const) if (!v(k)) found.push({ row, field: k, code: 'required' });
    const date = v('date');
    if (date && (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)) found.push({ row, field: 'date', code: 'not_a_date' });
    else if (date && (date < ctx.periodStart || date > ctx.periodEnd)) found.push({ row, field: 'date', code: 'outside_period' });
    if (v('customer').length > 200) found.push({ row, field: 'customer', code: 'too_long' });
    if (v('product') && !ctx.products.has(v('product'))) found.push({ row, field: 'product', code: 'unknown_product' });
    if (v('quantity') && !/^[1-9]\d{0,8}$/.test(v('quantity'))) found.push({ row, field: 'quantity', code: 'not_a_whole_number' });
    const amount = v('amount').replace(/,/g, '');
    if (amount && NEGATIVE_AMOUNT.test(amount)) found.push({ row, field: 'amount', code: 'negative_amount' });
    else if (amount && !AMOUNT.test(amount)) found.push({ row, field: 'amount', code: 'not_an_amount' });
    if (found.length) issues.push(...found);
    else good.push({ row, date, customer: v('customer'), product: v('product'), quantity: Number(v('quantity')), amount: new Dec(v('amount').replace(/,/g, '')).toFixed(2) });
  });
  return { good, issues, badRows: [...new Set(issues.map((x) => x.row))] };
}

/** All or nothing, unless the partner explicitly accepts importing only the good rows. */
export function sellOutImportable(check: SellOutCheck, acceptGoodRows: boolean): SellOutLine[] | null {
  if (!check.issues.length) return check.good;
  return acceptGoodRows ? check.good : null;
}

/** Agreement states whose periods can still receive sell-out (a late report for a past period included). */
const IN_FORCE: ReadonlySet<string> = new Set(['active', 'expired', 'terminated', 'renewed']);

export type SellOutPeriodRefusal =
  | { code: 'SELL_OUT_NOT_DISTRIBUTION'; type: string }
  | { code: 'SELL_OUT_AGREEMENT_NOT_IN_FORCE'; status: string }
  | { code: 'SELL_OUT_PERIOD_UNKNOWN'; periods: EvaluationPeriod[] }
  | { code: 'SELL_OUT_PERIOD_NOT_STARTED' };

/**
 * The period a sell-out report is for: the agreement is a distribution agreement in force (or past), `periodStart`
 * is the first day of one of its evaluation periods, and that period has begun. Sales are reported once they
 * happened: rows are checked up to `checkEnd`, the period's end or `today` in the running period.
 */
export function sellOutPeriod(
  agreement: { type: string; status: string; startDate: string; endDate: string; evaluationPeriod: PeriodKind | null | undefined },
  periodStart: string,
  today: string,
): { ok: true; period: EvaluationPeriod; checkEnd: string } | ({ ok: false } & SellOutPeriodRefusal) {
  if (agreement.type !== 'distribution') return { ok: false, code: 'SELL_OUT_NOT_DISTRIBUTION', type: agreement.type };
  if (!IN_FORCE.has(agreement.status)) return { ok: false, code: 'SELL_OUT_AGREEMENT_NOT_IN_FORCE', status: agreement.status };
  const periods = evaluationPeriods(agreement.startDate, agreement.endDate, agreement.evaluationPeriod ?? 'quarter');
  const period = periodOf(periods, periodStart);
  if (!period || period.start !== periodStart) return { ok: false, code: 'SELL_OUT_PERIOD_UNKNOWN', periods };
  if (period.start > today) return { ok: false, code: 'SELL_OUT_PERIOD_NOT_STARTED' };
  return { ok: true, period, checkEnd: period.end < today ? period.end : today };
}

/** A product code in another case (`dp-std`) is the same product: each row's product as the catalogue writes it. */
export function withCatalogueSkus<R extends { product?: string | undefined }>(rows: readonly R[], skus: Iterable<string>): R[] {
  const canonical = new Map([...skus].map((sku) => [sku.toUpperCase(), sku]));
  return rows.map((r) => ({ ...r, product: r.product && (canonical.get(r.product.trim().toUpperCase()) ?? r.product) }));
}
