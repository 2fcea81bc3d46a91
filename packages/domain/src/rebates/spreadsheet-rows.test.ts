import { describe, expect, it } from 'vitest';
import { checkSellOutRows } from './sell-out.js';
import { INVOICE_COLUMNS, SELL_OUT_COLUMNS, atSheetRows, columnWords, mapColumns, normaliseDateCell, normaliseHeader, sheetRecords } from './spreadsheet-rows.js';

describe('normaliseHeader', () => {
  it.each([
    ['\uFEFFDate', 'date'],
    ['  Invoice_No ', 'invoice no'],
    ['invoiceNo', 'invoice no'],
    ['Due-Date', 'due date'],
    ['金额（元）', '金额'],
    ['Amount (CNY)', 'amount'],
    ['ＱＴＹ', 'qty'],
  ])('%s → %s', (raw, out) => expect(normaliseHeader(raw)).toBe(out));
});

describe('mapColumns', () => {
  it('finds English and Chinese headers in any order and case', () => {
    expect(mapColumns(['金额', '数量', '产品', '客户', '日期'], SELL_OUT_COLUMNS)).toEqual({
      index: { amount: 0, quantity: 1, product: 2, customer: 3, date: 4 },
      missing: [],
    });
    expect(mapColumns(['DATE', 'Customer Name', 'SKU', 'Qty', 'Amount'], SELL_OUT_COLUMNS).missing).toEqual([]);
    expect(mapColumns(['Partner', 'invoiceNo', 'Amount', 'Due date', '付款日期'], INVOICE_COLUMNS).index).toEqual({ partner: 0, invoiceNo: 1, amount: 2, dueOn: 3, paidOn: 4 });
  });

  it('names the required columns a header lacks; an optional one may be absent', () => {
    expect(mapColumns(['date', 'customer', 'amount'], SELL_OUT_COLUMNS).missing).toEqual(['product', 'quantity']);
    expect(mapColumns(['partner', 'invoice no', 'amount', 'due date'], INVOICE_COLUMNS, ['paidOn']).missing).toEqual([]);
  });
});

describe('normaliseDateCell', () => {
  it.each([
    ['2026/7/5', '2026-07-05'],
    ['2026.07.05', '2026-07-05'],
    ['2026年7月5日', '2026-07-05'],
    ['２０２６－０７－０５', '2026-07-05'],
    ['2026-07-05', '2026-07-05'],
    ['05/07/2026', '05/07/2026'],
    ['yesterday', 'yesterday'],
  ])('%s → %s', (raw, out) => expect(normaliseDateCell(raw)).toBe(out));
});

describe('sheetRecords', () => {
  it('reads records under the header, skips blank rows and keeps spreadsheet row numbers (header = row 1)', () => {
    const r = sheetRecords(
      [
        ['日期', '客户', '产品', '数量', '金额'],
        ['2026/7/5', ' 甲公司 ', 'DP-STD', '2', '1,000.50'],
        ['', '', '', '', ''],
        ['2026-07-06', '乙公司', 'SEC-EDR', '1', '99'],
      ],
      SELL_OUT_COLUMNS,
      { dateColumns: ['date'] },
    );
    expect(r).toEqual({
      ok: true,
      rows: [
        { date: '2026-07-05', customer: '甲公司', product: 'DP-STD', quantity: '2', amount: '1,000.50' },
        { date: '2026-07-06', customer: '乙公司', product: 'SEC-EDR', quantity: '1', amount: '99' },
      ],
      rowNumbers: [2, 4],
    });
  });

  it('reports missing columns, and an empty sheet', () => {
    expect(sheetRecords([['date', 'customer']], SELL_OUT_COLUMNS)).toEqual({ ok: false, missing: ['product', 'quantity', 'amount'] });
    expect(sheetRecords([], SELL_OUT_COLUMNS)).toEqual({ ok: false, missing: [], empty: true });
    expect(sheetRecords([['date', 'customer', 'product', 'quantity', 'amount'], [' ']], SELL_OUT_COLUMNS)).toEqual({ ok: false, missing: [], empty: true });
  });

  it('with checkSellOutRows, names each bad row by its spreadsheet row', () => {
    const r = sheetRecords(
      [
        ['date', 'customer', 'product', 'quantity', 'amount'],
        ['2026-07-05', 'A', 'DP-STD', '2', '100'],
        [],
        ['2026-13-01', 'B', 'NOPE', '0', 'abc'],
      ],
      SELL_OUT_COLUMNS,
    );
    if (!r.ok) throw new Error('expected records');
    const check = checkSellOutRows(r.rows, { periodStart: '2026-07-01', periodEnd: '2026-12-31', products: new Set(['DP-STD']) });
    expect(atSheetRows(check.issues, r.rowNumbers)).toEqual([
      { row: 4, field: 'date', code: 'not_a_date' },
      { row: 4, field: 'product', code: 'unknown_product' },
      { row: 4, field: 'quantity', code: 'not_a_whole_number' },
      { row: 4, field: 'amount', code: 'not_an_amount' },
    ]);
    expect(atSheetRows(check.good, r.rowNumbers).map((g) => g.row)).toEqual([2]);
  });
});

describe('columnWords', () => {
  it('names each column by its first Chinese alias', () => {
    expect(columnWords(SELL_OUT_COLUMNS)).toEqual({ date: '日期', customer: '客户', product: '产品', quantity: '数量', amount: '金额' });
    expect(columnWords(INVOICE_COLUMNS)).toEqual({ partner: '合作伙伴', invoiceNo: '发票号', amount: '金额', dueOn: '到期日', paidOn: '付款日期' });
  });
  it('falls back to the key when no alias is Chinese', () => {
    expect(columnWords({ sku: ['sku', 'code'] })).toEqual({ sku: 'sku' });
  });
});
