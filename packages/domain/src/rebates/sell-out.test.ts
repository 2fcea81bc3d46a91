import { describe, expect, it } from 'vitest';
import { checkSellOutRows } from './sell-out.js';

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
