import { describe, expect, it } from 'vitest';
import { computeRebate } from './engine.js';
import { programmeOfTerms } from './programme.js';

const fixed = (mode: 'retroactive' | 'incremental') => ({
  pricing: {
    model: 'fixed_rebate' as const,
    items: [],
    rebate: {
      thresholdPercent: 80,
      mode,
      tiers: [
        { attainmentPercent: 100, ratePercent: 4 },
        { attainmentPercent: 80, ratePercent: 2 },
        { attainmentPercent: 120, ratePercent: 6.5 },
      ],
    },
  },
});

describe('programmeOfTerms', () => {
  it('fixed_rebate retroactive → attainment programme, tiers ascending, no cap', () => {
    expect(programmeOfTerms(fixed('retroactive'))).toEqual({
      kind: 'attainment',
      method: 'retroactive',
      thresholdPercent: '80',
      tiers: [
        { fromPercent: '80', ratePercent: '2' },
        { fromPercent: '100', ratePercent: '4' },
        { fromPercent: '120', ratePercent: '6.5' },
      ],
      capAmount: null,
    });
  });

  it('fixed_rebate incremental keeps the mode, and the engine runs on it (112 % of 1,000,000 → 8,800.00)', () => {
    const p = programmeOfTerms(fixed('incremental'));
    expect(p).toMatchObject({ kind: 'attainment', method: 'incremental' });
    expect(computeRebate({ programme: p!, quota: '1000000', lines: [{ id: 'd', amount: '1120000' }] }).earned).toBe('8800.00');
  });

  it('tiered price breaks → volume pricing bands: volume = minQuantity × first price, discount = (1 − price ÷ first) × 100', () => {
    const p = programmeOfTerms({
      pricing: {
        model: 'tiered',
        breaks: [
          { minQuantity: 100, unitPrice: '90' },
          { minQuantity: 0, unitPrice: '100' },
          { minQuantity: 500, unitPrice: '85' },
          { minQuantity: 1000, unitPrice: '66.66' },
        ],
      },
    });
    expect(p).toEqual({
      kind: 'volume_pricing',
      bands: [
        { fromVolume: '0', discountPercent: '0' },
        { fromVolume: '10000', discountPercent: '10' },
        { fromVolume: '50000', discountPercent: '15' },
        { fromVolume: '100000', discountPercent: '33.34' },
      ],
      capAmount: null,
    });
  });

  it('a discount is rounded to 4 decimals (half up)', () => {
    const p = programmeOfTerms({ pricing: { model: 'tiered', breaks: [{ minQuantity: 10, unitPrice: '3' }, { minQuantity: 20, unitPrice: '2' }] } });
    expect(p).toEqual({ kind: 'volume_pricing', bands: [{ fromVolume: '30', discountPercent: '0' }, { fromVolume: '60', discountPercent: '33.3333' }], capAmount: null });
  });

  it('no pricing → null; pricing that makes no valid programme → null', () => {
    expect(programmeOfTerms({ pricing: null })).toBeNull();
    expect(programmeOfTerms({})).toBeNull();
    expect(programmeOfTerms(null)).toBeNull();
    // price rising with volume: a negative discount is no programme
    expect(programmeOfTerms({ pricing: { model: 'tiered', breaks: [{ minQuantity: 0, unitPrice: '10' }, { minQuantity: 5, unitPrice: '12' }] } })).toBeNull();
    // two breaks at the same quantity
    expect(programmeOfTerms({ pricing: { model: 'tiered', breaks: [{ minQuantity: 5, unitPrice: '10' }, { minQuantity: 5, unitPrice: '9' }] } })).toBeNull();
  });
});
