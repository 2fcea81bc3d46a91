import { PositiveMoneySchema } from './common.schema.js';
import { describe, expect, it } from 'vitest';
import { formatMoney, groupDigits, sumMoney } from './money.js';
import { checkTransition } from './state-machine.js';
import { PARTNER_TRANSITIONS } from '../partners/partner.schema.js';
import { DEFAULT_POLICIES, PoliciesSchema } from '../policies/policy.schema.js';
import { changedFields } from '../audit/audit.schema.js';

describe('money', () => {
  it('adds exactly where floats would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney(['0.1', '0.2'])).toBe('0.3');
    expect(sumMoney(['99999999999999.99', '0.01'])).toBe('100000000000000');
  });

  it('rounds half up to cents', () => {
    expect(formatMoney('2.345')).toBe('2.35');
    expect(formatMoney('-2.345')).toBe('-2.35');
    expect(formatMoney('7')).toBe('7.00');
  });
});

describe('partner lifecycle', () => {
  it('refuses rejected → active and lists what is allowed', () => {
    expect(checkTransition(PARTNER_TRANSITIONS, 'rejected', 'active')).toEqual({ ok: false, from: 'rejected', to: 'active', allowed: [] });
    expect(checkTransition(PARTNER_TRANSITIONS, 'active', 'active')).toMatchObject({ ok: false, allowed: ['suspended', 'terminated'] });
  });

  it('allows the documented path', () => {
    const path = ['applied', 'screening', 'trial', 'active', 'suspended', 'active', 'terminated'] as const;
    for (let i = 1; i < path.length; i++) expect(checkTransition(PARTNER_TRANSITIONS, path[i - 1], path[i])).toEqual({ ok: true });
  });
});

describe('policies', () => {
  it('the defaults are valid and match DOMAIN.md', () => {
    const p = PoliciesSchema.parse(DEFAULT_POLICIES);
    expect(p.registrations.protectionDays).toBe(90);
    expect(p.registrations.fuzzyNameThreshold).toBe(0.6);
    expect(p.screening.passMark).toBe(60);
    expect(p.training.certificationValidityMonths).toBe(24);
  });

  it('rejects tiers out of order', () => {
    const bad = structuredClone(DEFAULT_POLICIES);
    bad.rebates.tiers = [
      { attainmentPercent: 100, ratePercent: 4 },
      { attainmentPercent: 80, ratePercent: 2 },
    ];
    const r = PoliciesSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('validation.policy_tiers_ascending');
  });
});

describe('changedFields', () => {
  it('lists changed keys only', () => {
    expect(changedFields({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 3 }, d: 4 })).toEqual(['b', 'd']);
    expect(changedFields(null, { a: 1 })).toEqual(['a']);
  });
});

describe('PositiveMoneySchema', () => {
  it('takes an amount above zero with at most two decimals, compared exactly', () => {
    expect(PositiveMoneySchema.safeParse('0.01').success).toBe(true);
    expect(PositiveMoneySchema.safeParse(' 12.50 ').data).toBe('12.50');
    for (const bad of ['0', '0.00', '-1', '1.555', 'abc', '']) expect(PositiveMoneySchema.safeParse(bad).success).toBe(false);
  });
});

describe('groupDigits', () => {
  it('groups an exact decimal string by thousands', () => {
    expect(groupDigits('1234567.5')).toBe('1,234,567.5');
    expect(groupDigits('-1000')).toBe('-1,000');
    expect(groupDigits('999.999')).toBe('999.999');
  });
});
