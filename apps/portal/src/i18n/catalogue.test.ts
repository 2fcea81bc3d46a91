import { catalogueKeys } from '@partnerline/ui';
import { describe, expect, it } from 'vitest';
import { catalogue } from './index';

describe('portal catalogue', () => {
  it('has exactly the same keys in zh-CN and en', () => {
    expect(catalogueKeys(catalogue['zh-CN']).sort()).toEqual(catalogueKeys(catalogue.en).sort());
  });

  it('has no empty translations', () => {
    const values = (c: Record<string, unknown>): string[] => Object.values(c).flatMap((v) => (typeof v === 'string' ? [v] : values(v as Record<string, unknown>)));
    expect(values(catalogue['zh-CN']).filter((v) => !v.trim())).toEqual([]);
    expect(values(catalogue.en).filter((v) => !v.trim())).toEqual([]);
  });
});
