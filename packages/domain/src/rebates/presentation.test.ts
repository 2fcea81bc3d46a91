import { describe, expect, it } from 'vitest';
import {
  basisLineCount,
  behindPace,
  canDisputeLine,
  disputeRefusal,
  expectedByNow,
  hasPerformance,
  nextTierOutcome,
  statementLinesTotal,
  whatIfOutcome,
} from './presentation.js';
import { onTimeState } from '../renewals/recommendation.js';
import { DEFAULT_RENEWAL_POLICY } from '../renewals/renewal.schemas.js';

describe('statementLinesTotal', () => {
  it('sums the rebates exactly, with two decimals', () => {
    expect(statementLinesTotal([{ rebate: '18000.00' }, { rebate: '75000.00' }, { rebate: '-18000.00' }])).toBe('75000.00');
    expect(statementLinesTotal([{ rebate: '0.10' }, { rebate: '0.20' }])).toBe('0.30');
    expect(statementLinesTotal([])).toBe('0.00');
  });
});

describe('basisLineCount', () => {
  it('counts deal and sell-out lines only', () => {
    expect(basisLineCount([{ kind: 'deal' }, { kind: 'sell_out' }, { kind: 'clawback' }, { kind: 'adjustment' }, { kind: 'deal' }])).toBe(3);
  });
});

describe('dispute rule', () => {
  const approved = { status: 'approved' };
  it('refuses a draft statement and a line with an open dispute, with the API codes', () => {
    expect(disputeRefusal({ status: 'draft' }, { openDispute: false })).toBe('REBATE_DISPUTE_NOT_ALLOWED');
    expect(disputeRefusal(approved, { openDispute: true })).toBe('REBATE_DISPUTE_OPEN');
    expect(disputeRefusal({ status: 'paid' }, { openDispute: false })).toBeNull();
  });

  it('lets a partner admin dispute any kind of line again after an adjusted or rejected dispute', () => {
    expect(canDisputeLine(approved, { dispute: null }, 'partner_admin')).toBe(true);
    expect(canDisputeLine(approved, { dispute: { status: 'rejected' } }, 'partner_admin')).toBe(true);
    expect(canDisputeLine(approved, { dispute: { status: 'adjusted' } }, 'partner_admin')).toBe(true);
    expect(canDisputeLine(approved, { dispute: { status: 'open' } }, 'partner_admin')).toBe(false);
    expect(canDisputeLine({ status: 'draft' }, { dispute: null }, 'partner_admin')).toBe(false);
  });

  it('is for partner admins only', () => {
    expect(canDisputeLine(approved, { dispute: null }, 'partner_user')).toBe(false);
    expect(canDisputeLine(approved, { dispute: null }, 'channel_manager')).toBe(false);
    expect(canDisputeLine(approved, { dispute: null }, undefined)).toBe(false);
  });
});

describe('pace', () => {
  it('expects quota × elapsed by now, to the cent half up', () => {
    expect(expectedByNow('1000000.00', 14 / 92)).toBe('152173.91');
    expect(expectedByNow('0.10', 0.05)).toBe('0.01'); // 0.005 → 0.01
    expect(expectedByNow('1000', 0)).toBe('0.00');
  });

  it('is behind when attainment is below the pace (no attainment counts as 0)', () => {
    expect(behindPace('10.00', '15.22')).toBe(true);
    expect(behindPace('15.22', '15.22')).toBe(false);
    expect(behindPace(112, '15.22')).toBe(false);
    expect(behindPace(null, '0.00')).toBe(false);
    expect(behindPace(null, '1.00')).toBe(true);
  });
});

describe('nextTierOutcome', () => {
  const next = (increase: string) => ({ tierIndex: 2, next: { increase } });
  it('has one outcome per case', () => {
    expect(nextTierOutcome(next('100'), null)).toBe('no_programme');
    expect(nextTierOutcome({ tierIndex: null, next: null }, { kind: 'attainment' })).toBe('no_next_tier');
    expect(nextTierOutcome({ tierIndex: 2, next: null }, { kind: 'attainment' })).toBe('top_tier');
    expect(nextTierOutcome(next('0.00'), { kind: 'attainment' })).toBe('from_there');
    expect(nextTierOutcome(next('27200.00'), { kind: 'attainment' })).toBe('next_tier');
    expect(nextTierOutcome(next('500.00'), { kind: 'volume_pricing' })).toBe('next_band');
  });
});

describe('whatIfOutcome', () => {
  it('says nothing reached, a tier up, or the same tier', () => {
    expect(whatIfOutcome({ tierBefore: null, tierAfter: null })).toBe('nothing');
    expect(whatIfOutcome({ tierBefore: 0, tierAfter: 1 })).toBe('tier_up');
    expect(whatIfOutcome({ tierBefore: null, tierAfter: 0 })).toBe('tier_up');
    expect(whatIfOutcome({ tierBefore: 1, tierAfter: 1 })).toBe('same_tier');
  });
});

describe('hasPerformance', () => {
  it('is true for the live and the ended agreements', () => {
    expect(['active', 'expired', 'terminated', 'renewed'].every(hasPerformance)).toBe(true);
    expect(['draft', 'pending_approval', 'rejected'].some(hasPerformance)).toBe(false);
  });
});

describe('onTimeState (renewals policy, also the payments page colour)', () => {
  it('is ok from 0.9, at risk from 0.7, failing below, null when nothing was due', () => {
    expect(onTimeState(1, DEFAULT_RENEWAL_POLICY)).toBe('ok');
    expect(onTimeState(0.9, DEFAULT_RENEWAL_POLICY)).toBe('ok');
    expect(onTimeState(0.8999, DEFAULT_RENEWAL_POLICY)).toBe('at_risk');
    expect(onTimeState(0.7, DEFAULT_RENEWAL_POLICY)).toBe('at_risk');
    expect(onTimeState(0.6999, DEFAULT_RENEWAL_POLICY)).toBe('failing');
    expect(onTimeState(null, DEFAULT_RENEWAL_POLICY)).toBeNull();
  });
});
