import { z } from 'zod';

/**
 * Reading an imported sheet (a CSV, or the first worksheet of an XLSX) as records: the header row names the columns
 * in English or Chinese, in any order and case (`Invoice No`, `invoice_no`, `invoiceNo`, `发票号` are one column);
 * blank rows are skipped; every record keeps the row number a spreadsheet shows for it (the header is row 1), so a
 * report can name the row the partner has to correct.
 */
export type SheetTable = readonly (readonly string[])[];

/** The most data rows one sell-out or invoice file may hold. */
export const IMPORT_MAX_ROWS = 50_000;
/** The largest file an import accepts. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** How many row issues a refusal or a report lists (every bad row number is always given). */
export const ISSUES_SHOWN = 1000;

/**
 * `details` of a refusal of a file with bad rows (SELL_OUT_ROWS_INVALID, PAYMENT_ROWS_INVALID, 422): every bad row
 * and why; nothing was stored.
 */
export function rowRefusalOf<T extends z.ZodTypeAny>(issueSchema: T) {
  return z.object({
    /** The first ISSUES_SHOWN issues (issueCount says how many there are). */
    issues: z.array(issueSchema),
    issueCount: z.number().int(),
    badRows: z.array(z.number().int()),
    rowCount: z.number().int(),
  });
}

/** Column key → the header names accepted for it (compared after normaliseHeader, without spaces). */
export type ColumnAliases<K extends string> = Readonly<Record<K, readonly string[]>>;

export const SELL_OUT_COLUMNS = {
  date: ['date', 'sold on', 'sale date', 'sales date', '日期', '销售日期', '出货日期'],
  customer: ['customer', 'customer name', '客户', '客户名称', '最终客户'],
  product: ['product', 'product code', 'sku', '产品', '产品编码', '产品代码', '产品编号'],
  quantity: ['quantity', 'qty', '数量'],
  amount: ['amount', 'sales amount', '金额', '销售金额'],
} as const satisfies ColumnAliases<'date' | 'customer' | 'product' | 'quantity' | 'amount'>;

export const INVOICE_COLUMNS = {
  partner: ['partner', 'partner id', 'partner code', 'partner name', 'tax id', '合作伙伴', '伙伴', '伙伴名称', '统一社会信用代码', '税号'],
  invoiceNo: ['invoice no', 'invoice number', 'invoice', '发票号', '发票号码', '发票编号'],
  amount: ['amount', 'invoice amount', '金额', '发票金额'],
  dueOn: ['due date', 'due on', 'due', '到期日', '到期日期', '应付日期'],
  paidOn: ['paid date', 'paid on', 'paid', '付款日期', '支付日期', '回款日期'],
} as const satisfies ColumnAliases<'partner' | 'invoiceNo' | 'amount' | 'dueOn' | 'paidOn'>;

/** Each column's Chinese word, for a message: its first alias written in Chinese characters (else the key). */
export function columnWords<K extends string>(columns: ColumnAliases<K>): Record<K, string> {
  const words = {} as Record<K, string>;
  for (const k of Object.keys(columns) as K[]) words[k] = columns[k].find((a) => /\p{Script=Han}/u.test(a)) ?? k;
  return words;
}

/** `Invoice_No (元)` (a BOM before it) → `invoice no`: width folded, a trailing unit in brackets dropped, separators as one space. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*\([^()]*\)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[\s_\-.:/]+/g, ' ')
    .trim();
}

const key = (header: string) => normaliseHeader(header).replace(/ /g, '');

/** Where each column is in the header row, and which required columns it lacks. */
export function mapColumns<K extends string>(
  header: readonly string[],
  columns: ColumnAliases<K>,
  optional: readonly K[] = [],
): { index: Partial<Record<K, number>>; missing: K[] } {
  const index: Partial<Record<K, number>> = {};
  const keys = header.map(key);
  for (const k of Object.keys(columns) as K[]) {
    const accepted = new Set([k, ...columns[k]].map(key));
    const at = keys.findIndex((h) => accepted.has(h));
    if (at >= 0) index[k] = at;
  }
  const missing = (Object.keys(columns) as K[]).filter((k) => index[k] === undefined && !optional.includes(k));
  return { index, missing };
}

const DATE_PARTS = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** `2026/7/5`, `2026.07.05`, `2026年7月5日` → `2026-07-05`; anything else is returned as it is (and refused later). */
export function normaliseDateCell(text: string): string {
  const t = text.normalize('NFKC').trim();
  const m = DATE_PARTS.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t;
}

export type SheetRecords<K extends string> =
  | { ok: true; rows: Record<K, string | undefined>[]; rowNumbers: number[] }
  | { ok: false; missing: K[] }
  | { ok: false; missing: []; empty: true };

/**
 * The records of a sheet: the first non-blank row is the header; `dateColumns` are normalised to ISO dates.
 * `rowNumbers[i]` is the spreadsheet row of `rows[i]`.
 */
export function sheetRecords<K extends string>(
  table: SheetTable,
  columns: ColumnAliases<K>,
  opts: { optional?: readonly NoInfer<K>[]; dateColumns?: readonly NoInfer<K>[] } = {},
): SheetRecords<K> {
  const blank = (r: readonly string[]) => r.every((c) => !c || !c.trim());
  const headerAt = table.findIndex((r) => !blank(r));
  if (headerAt < 0) return { ok: false, missing: [], empty: true };
  const { index, missing } = mapColumns(table[headerAt], columns, opts.optional ?? []);
  if (missing.length) return { ok: false, missing };
  const rows: Record<K, string | undefined>[] = [];
  const rowNumbers: number[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const r = table[i];
    if (blank(r)) continue;
    const rec = {} as Record<K, string | undefined>;
    for (const k of Object.keys(columns) as K[]) {
      const at = index[k];
      const cell = at === undefined ? undefined : r[at]?.trim();
      rec[k] = cell && opts.dateColumns?.includes(k) ? normaliseDateCell(cell) : cell;
    }
    rows.push(rec);
    rowNumbers.push(i + 1);
  }
  if (!rows.length) return { ok: false, missing: [], empty: true };
  return { ok: true, rows, rowNumbers };
}

/** Rule results number rows 1, 2, 3… in the order given; this puts back the spreadsheet's row numbers. */
export function atSheetRows<T extends { row: number }>(items: readonly T[], rowNumbers: readonly number[]): T[] {
  return items.map((x) => ({ ...x, row: rowNumbers[x.row - 1] ?? x.row }));
}
