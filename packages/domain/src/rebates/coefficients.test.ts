import { describe, expect, it } from 'vitest';
import { AgreementTermsSchema, IncentiveCoefficientSchema } from '../agreements/agreement.schema.js';
import { coefficientFor } from './coefficients.js';

const PL_A = '11111111-1111-4111-8111-111111111111';
const PL_B = '22222222-2222-4222-8222-222222222222';
const IND = '33333333-3333-4333-8333-333333333333';
const IND2 = '44444444-4444-4444-8444-444444444444';

describe('coefficientFor (激励系数)', () => {
  it('is 1 without rules or when none matches', () => {
    expect(coefficientFor([], { productLineIds: [PL_A], industryId: IND })).toBe('1');
    expect(coefficientFor([{ productLineId: PL_B, industryId: null, coefficient: '1.5' }], { productLineIds: [PL_A], industryId: IND })).toBe('1');
  });
  it('matches a product line of any of the products, or the industry', () => {
    expect(coefficientFor([{ productLineId: PL_A, industryId: null, coefficient: '1.5' }], { productLineIds: [PL_B, PL_A], industryId: null })).toBe('1.5');
    expect(coefficientFor([{ productLineId: null, industryId: IND, coefficient: '0.8' }], { productLineIds: [], industryId: IND })).toBe('0.8');
  });
  it('a rule naming both needs both', () => {
    const rules = [{ productLineId: PL_A, industryId: IND, coefficient: '2' }];
    expect(coefficientFor(rules, { productLineIds: [PL_A], industryId: IND2 })).toBe('1');
    expect(coefficientFor(rules, { productLineIds: [PL_B], industryId: IND })).toBe('1');
    expect(coefficientFor(rules, { productLineIds: [PL_A], industryId: IND })).toBe('2');
  });
  it('takes the highest matching coefficient, exactly', () => {
    const rules = [
      { productLineId: PL_A, industryId: null, coefficient: '1.25' },
      { productLineId: null, industryId: IND, coefficient: '1.3333' },
      { productLineId: PL_B, industryId: null, coefficient: '3' },
    ];
    expect(coefficientFor(rules, { productLineIds: [PL_A], industryId: IND })).toBe('1.3333');
  });
});

describe('IncentiveCoefficientSchema', () => {
  it('accepts 0 < c ≤ 10 with at most 4 decimals and a target', () => {
    expect(IncentiveCoefficientSchema.safeParse({ productLineId: PL_A, industryId: null, coefficient: '1.5' }).success).toBe(true);
    expect(IncentiveCoefficientSchema.safeParse({ productLineId: null, industryId: IND, coefficient: '10' }).success).toBe(true);
    for (const c of ['0', '10.0001', '11', '1.23456', '-1', 'abc'])
      expect(IncentiveCoefficientSchema.safeParse({ productLineId: PL_A, industryId: null, coefficient: c }).success, c).toBe(false);
    expect(IncentiveCoefficientSchema.safeParse({ productLineId: null, industryId: null, coefficient: '1' }).success).toBe(false);
  });
  it('older terms without the field still parse (default [])', () => {
    const t = AgreementTermsSchema.parse({ partnerId: PL_A, type: 'registration', scope: [{ industryId: null, regionId: null }], startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(t.incentiveCoefficients).toEqual([]);
  });
});
