import { Dec } from '../common/money.js';

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
