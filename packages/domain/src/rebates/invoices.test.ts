import { describe, expect, it } from 'vitest';
import { checkInvoiceRows, invoiceRowAgainst, invoiceStanding, invoiceTotals, planInvoiceImport, resolveInvoicePartners } from './invoices.js';
import { paymentIntegrity } from './payments.js';

describe('invoiceStanding', () => {
  it('open, overdue, paid on time, paid late — days counted to the paid date or to asOf', () => {
    expect(invoiceStanding({ dueOn: '2026-11-30', paidOn: null, amount: '1' }, '2026-11-28')).toEqual({ status: 'open', daysOverdue: 0 });
    expect(invoiceStanding({ dueOn: '2026-11-28', paidOn: null, amount: '1' }, '2026-11-28')).toEqual({ status: 'open', daysOverdue: 0 });
    expect(invoiceStanding({ dueOn: '2026-11-18', paidOn: null, amount: '1' }, '2026-11-28')).toEqual({ status: 'overdue', daysOverdue: 10 });
    expect(invoiceStanding({ dueOn: '2026-11-18', paidOn: '2026-11-18', amount: '1' }, '2026-11-28')).toEqual({ status: 'paid', daysOverdue: 0 });
    expect(invoiceStanding({ dueOn: '2026-10-31', paidOn: '2026-11-05', amount: '1' }, '2026-11-28')).toEqual({ status: 'paid_late', daysOverdue: 5 });
    // A payment dated after asOf is not known yet on asOf.
    expect(invoiceStanding({ dueOn: '2026-10-31', paidOn: '2026-12-05', amount: '1' }, '2026-11-28')).toEqual({ status: 'overdue', daysOverdue: 28 });
  });

  it('agrees with paymentIntegrity on the same invoices', () => {
    const invoices = [
      { dueOn: '2026-09-30', paidOn: '2026-09-28', amount: '100.00' },
      { dueOn: '2026-10-31', paidOn: '2026-11-10', amount: '200.00' },
      { dueOn: '2026-11-20', paidOn: null, amount: '300.00' },
      { dueOn: '2026-12-31', paidOn: null, amount: '400.00' },
    ];
    const asOf = '2026-11-28';
    const standings = invoices.map((i) => invoiceStanding(i, asOf));
    const integrity = paymentIntegrity(invoices, asOf);
    expect(integrity).toMatchObject({ due: 3, onTime: 1, onTimeRatio: 0.3333, worstDaysOverdue: 10, averageDaysOverdue: 9, openOverdue: 1 });
    expect(Math.max(...standings.map((s) => s.daysOverdue))).toBe(integrity.worstDaysOverdue);
    expect(invoiceTotals(invoices, asOf)).toEqual({ outstanding: '700.00', overdue: '300.00' });
  });
});

describe('checkInvoiceRows', () => {
  const today = '2026-11-28';
  it('keeps good rows with exact amounts and names every bad cell', () => {
    const r = checkInvoiceRows(
      [
        { partner: '91110000MA01ABCD3X', invoiceNo: 'INV-1', amount: '1,200.5', dueOn: '2026-10-31', paidOn: '' },
        { partner: '', invoiceNo: 'INV-2', amount: '0', dueOn: '2026-02-30', paidOn: '2026-12-01' },
        { partner: 'P', invoiceNo: 'X'.repeat(65), amount: '-3', dueOn: '2026-10-31', paidOn: 'soon' },
        { partner: '91110000ma01abcd3x', invoiceNo: 'INV-1', amount: '1', dueOn: '2026-10-31', paidOn: undefined },
      ],
      { today },
    );
    expect(r.good).toEqual([{ row: 1, partner: '91110000MA01ABCD3X', invoiceNo: 'INV-1', amount: '1200.50', dueOn: '2026-10-31', paidOn: null }]);
    expect(r.issues).toEqual([
      { row: 2, field: 'partner', code: 'required' },
      { row: 2, field: 'amount', code: 'not_an_amount' },
      { row: 2, field: 'dueOn', code: 'not_a_date' },
      { row: 2, field: 'paidOn', code: 'paid_in_future' },
      { row: 3, field: 'invoiceNo', code: 'too_long' },
      { row: 3, field: 'amount', code: 'not_an_amount' },
      { row: 3, field: 'paidOn', code: 'not_a_date' },
      { row: 4, field: 'invoiceNo', code: 'duplicate_in_file' },
    ]);
    expect(r.badRows).toEqual([2, 3, 4]);
  });
});

describe('invoiceRowAgainst (an invoice already on file)', () => {
  const open = { amount: '100.00', dueOn: '2026-10-31', paidOn: null };
  it('records the payment of an open invoice; the same facts again change nothing', () => {
    expect(invoiceRowAgainst({ amount: '100', dueOn: '2026-10-31', paidOn: '2026-11-02' }, open)).toEqual({ outcome: 'paid' });
    expect(invoiceRowAgainst({ amount: '100.00', dueOn: '2026-10-31', paidOn: null }, open)).toEqual({ outcome: 'unchanged' });
    expect(invoiceRowAgainst({ amount: '100.00', dueOn: '2026-10-31', paidOn: '2026-11-02' }, { ...open, paidOn: '2026-11-02' })).toEqual({ outcome: 'unchanged' });
  });
  it('refuses a different amount or due date, or another payment of a paid invoice', () => {
    expect(invoiceRowAgainst({ amount: '100.01', dueOn: '2026-10-31', paidOn: null }, open)).toMatchObject({ outcome: 'refused', field: 'amount', code: 'conflicts_with_existing' });
    expect(invoiceRowAgainst({ amount: '100', dueOn: '2026-11-30', paidOn: null }, open)).toMatchObject({ outcome: 'refused', field: 'dueOn' });
    expect(invoiceRowAgainst({ amount: '100', dueOn: '2026-10-31', paidOn: '2026-11-03' }, { ...open, paidOn: '2026-11-02' })).toMatchObject({ outcome: 'refused', field: 'paidOn', code: 'already_paid' });
    expect(invoiceRowAgainst({ amount: '100', dueOn: '2026-10-31', paidOn: null }, { ...open, paidOn: '2026-11-02' })).toMatchObject({ outcome: 'refused', code: 'already_paid' });
  });
});

describe('resolveInvoicePartners and planInvoiceImport', () => {
  const line = (row: number, partner: string, invoiceNo: string, paidOn: string | null = null) => ({ row, partner, invoiceNo, amount: '100.00', dueOn: '2026-11-30', paidOn });

  it('a key must name one partner; one (partner, invoice no) per file, however the partner is named', () => {
    const ids = new Map([
      ['Huaxin', ['p1']],
      ['TAX-1', ['p1']],
      ['Shared', ['p2', 'p3']],
    ]);
    const { resolved, issues } = resolveInvoicePartners([line(1, 'Huaxin', 'A'), line(2, 'Nobody', 'B'), line(3, 'Shared', 'C'), line(4, 'TAX-1', 'A'), line(5, 'TAX-1', 'D')], ids);
    expect(resolved.map((r) => [r.row, r.partnerId])).toEqual([
      [1, 'p1'],
      [5, 'p1'],
    ]);
    expect(issues).toEqual([
      { row: 2, field: 'partner', code: 'unknown_partner' },
      { row: 3, field: 'partner', code: 'ambiguous_partner' },
      { row: 4, field: 'invoiceNo', code: 'duplicate_in_file' },
    ]);
  });

  it('creates the new, pays the open, leaves the same, refuses a conflict', () => {
    const p = (l: ReturnType<typeof line>) => ({ ...l, partnerId: 'p1' });
    const existing = [
      { id: 'i2', partnerId: 'p1', invoiceNo: 'B', amount: '100', dueOn: '2026-11-30', paidOn: null },
      { id: 'i3', partnerId: 'p1', invoiceNo: 'C', amount: '100.00', dueOn: '2026-11-30', paidOn: null },
      { id: 'i4', partnerId: 'p1', invoiceNo: 'D', amount: '99.00', dueOn: '2026-11-30', paidOn: null },
    ];
    const plan = planInvoiceImport([p(line(1, 'x', 'A')), p(line(2, 'x', 'B', '2026-11-20')), p(line(3, 'x', 'C')), p(line(4, 'x', 'D'))], existing);
    expect(plan.toCreate.map((c) => c.invoiceNo)).toEqual(['A']);
    expect(plan.toPay.map((t) => [t.id, t.line.paidOn])).toEqual([['i2', '2026-11-20']]);
    expect(plan.outcomes).toEqual([
      { row: 1, partnerId: 'p1', invoiceNo: 'A', outcome: 'created' },
      { row: 2, partnerId: 'p1', invoiceNo: 'B', outcome: 'paid' },
      { row: 3, partnerId: 'p1', invoiceNo: 'C', outcome: 'unchanged' },
    ]);
    expect(plan.issues).toEqual([{ row: 4, field: 'amount', code: 'conflicts_with_existing' }]);
  });
});
