import { describe, expect, it } from 'vitest';
import { checkSellOutRows, sellOutPeriod, withCatalogueSkus } from './sell-out.js';

describe('checkSellOutRows — amounts', () => {
  const ctx = { periodStart: '2026-07-01', periodEnd: '2026-09-30', products: new Set(['DP-STD']) };
  const row = (amount: string) => ({ date: '2026-07-05', customer: 'A', product: 'DP-STD', quantity: '1', amount });

  it('refuses a negative amount (a return) as negative_amount: the rebate allocation assumes non-negative lines', () => {
    const check = checkSellOutRows([row('-100'), row('-1,000.50'), row('- 5'), row('100')], ctx);
    expect(check.issues).toEqual([
      { row: 1, field: 'amount', code: 'negative_amount' },
      { row: 2, field: 'amount', code: 'negative_amount' },
      { row: 3, field: 'amount', code: 'negative_amount' },
    ]);
    expect(check.good.map((g) => [g.row, g.amount])).toEqual([[4, '100.00']]);
  });

  it('accepts zero and positive amounts with at most two decimals; anything else is not an amount', () => {
    const check = checkSellOutRows([row('0'), row('12,500.5'), row('1.234'), row('+5'), row('-abc')], ctx);
    expect(check.good.map((g) => g.amount)).toEqual(['0.00', '12500.50']);
    expect(check.issues).toEqual([
      { row: 3, field: 'amount', code: 'not_an_amount' },
      { row: 4, field: 'amount', code: 'not_an_amount' },
      { row: 5, field: 'amount', code: 'not_an_amount' },
    ]);
  });
});

describe('sellOutPeriod', () => {
  const agreement = { type: 'distribution', status: 'active', startDate: '2026-01-01', endDate: '2026-12-31', evaluationPeriod: 'quarter' as const };

  it('a begun period of the term, checked to its end — or to today while it runs', () => {
    expect(sellOutPeriod(agreement, '2026-04-01', '2026-11-28')).toMatchObject({ ok: true, period: { start: '2026-04-01', end: '2026-06-30' }, checkEnd: '2026-06-30' });
    expect(sellOutPeriod(agreement, '2026-10-01', '2026-11-28')).toMatchObject({ ok: true, checkEnd: '2026-11-28' });
    expect(sellOutPeriod({ ...agreement, status: 'expired', evaluationPeriod: null }, '2026-07-01', '2027-03-01')).toMatchObject({ ok: true, checkEnd: '2026-09-30' });
  });

  it('refuses another type, a state not in force, a date that does not start a period, and a period not begun', () => {
    expect(sellOutPeriod({ ...agreement, type: 'registration' }, '2026-04-01', '2026-11-28')).toEqual({ ok: false, code: 'SELL_OUT_NOT_DISTRIBUTION', type: 'registration' });
    expect(sellOutPeriod({ ...agreement, status: 'draft' }, '2026-04-01', '2026-11-28')).toEqual({ ok: false, code: 'SELL_OUT_AGREEMENT_NOT_IN_FORCE', status: 'draft' });
    const unknown = sellOutPeriod(agreement, '2026-04-02', '2026-11-28');
    expect(unknown.ok === false && unknown.code === 'SELL_OUT_PERIOD_UNKNOWN' && unknown.periods.map((p) => p.start)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
    expect(sellOutPeriod(agreement, '2026-10-01', '2026-09-30')).toEqual({ ok: false, code: 'SELL_OUT_PERIOD_NOT_STARTED' });
  });
});

describe('withCatalogueSkus', () => {
  it('writes a product code in another case as the catalogue does; an unknown one stays as it is', () => {
    const rows = withCatalogueSkus([{ product: ' dp-std ' }, { product: 'NOPE' }, { product: '' }, { product: undefined }], ['DP-STD']);
    expect(rows.map((r) => r.product)).toEqual(['DP-STD', 'NOPE', '', undefined]);
  });
});
