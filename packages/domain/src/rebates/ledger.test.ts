import { describe, expect, it } from 'vitest';
import { type LedgerEntry, ledgerTotals, settlementAmounts } from './ledger.js';

const e = (kind: LedgerEntry['kind'], amount: string): LedgerEntry => ({ kind, amount, bookedOn: '2026-10-01' });

describe('ledgerTotals', () => {
  it('is all zero for no entries', () => {
    expect(ledgerTotals([])).toEqual({ accrued: '0.00', settled: '0.00', paid: '0.00', liability: '0.00', deposits: '0.00' });
  });

  it('nets accruals with reversals, clawbacks and adjustments; liability is accrued − paid', () => {
    const entries = [
      e('accrual', '1000.10'),
      e('accrual', '200.00'),
      e('reversal', '-100.05'),
      e('settlement', '1100.05'),
      e('payment', '-1100.05'),
      e('clawback', '-50.00'),
      e('adjustment', '25.00'),
    ];
    expect(ledgerTotals(entries)).toEqual({ accrued: '1075.05', settled: '1100.05', paid: '1100.05', liability: '-25.00', deposits: '0.00' });
  });

  it('keeps deposits apart from the rebate liability', () => {
    const entries = [e('deposit_paid', '5000.00'), e('deposit_offset', '-5000.00'), e('deposit_paid', '300.00'), e('accrual', '10.00')];
    expect(ledgerTotals(entries)).toMatchObject({ accrued: '10.00', liability: '10.00', deposits: '300.00' });
  });

  it('is exact where floats are not', () => {
    expect(ledgerTotals([e('accrual', '0.10'), e('accrual', '0.20')]).accrued).toBe('0.30');
  });
});

describe('settlementAmounts', () => {
  const statement = { periodStart: '2031-04-01', earned: '8100.00', alreadySettled: '4400.00' };
  const line = (kind: string, rebate: string, sourcePeriodStart: string | null) => ({ kind, rebate, sourcePeriodStart });
  it('settles earned − already settled for its own period and each carried line for the period it is about', () => {
    expect(
      settlementAmounts(statement, [line('deal', '3700.00', null), line('clawback', '-300.00', '2031-01-01'), line('adjustment', '50.00', null), line('adjustment', '20.00', '2031-01-01')]),
    ).toEqual([
      { periodStart: '2031-04-01', amount: '3750.00' },
      { periodStart: '2031-01-01', amount: '-280.00' },
    ]);
  });
  it('leaves out periods whose amount is zero', () => {
    expect(settlementAmounts({ ...statement, earned: '4400.00' }, [line('clawback', '-10.00', '2031-01-01'), line('adjustment', '10.00', '2031-01-01')])).toEqual([]);
  });
});
