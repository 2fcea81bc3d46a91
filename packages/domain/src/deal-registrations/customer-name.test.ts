import { describe, expect, it } from 'vitest';
import { nameSimilarity, normaliseCustomerName, normaliseDomain } from './customer-name.js';

describe('normaliseCustomerName', () => {
  it.each([
    ['北京字节跳动科技有限公司', '字节跳动'],
    ['字节跳动（北京）科技有限公司', '字节跳动'],
    ['ＡＣＭＥ　Corp.', 'acme'],
    ['ACME Corporation Ltd', 'acme'],
    ['Acme (Shanghai) Co., Ltd.', 'acme'],
    ['广东省广州市白云山制药股份有限公司', '白云山制药'],
    ['The Lion City Group Pte. Ltd.', 'lion city'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseCustomerName(raw)).toBe(expected);
  });
});

describe('nameSimilarity', () => {
  it('recognises the same customer written differently (Chinese and Latin)', () => {
    expect(nameSimilarity('北京字节跳动科技有限公司', '字节跳动（北京）科技有限公司')).toBe(1);
    expect(nameSimilarity('Acme Corp', 'ACME Corporation Ltd')).toBe(1);
    expect(nameSimilarity('杭州银泰百货有限公司', '银泰百货（杭州）有限公司')).toBe(1);
  });

  it('scores near-misses above and unrelated names below the default threshold 0.6', () => {
    expect(nameSimilarity('腾讯云计算（北京）有限责任公司', '腾讯云计算有限公司深圳分公司')).toBeGreaterThanOrEqual(0.6);
    expect(nameSimilarity('Northwind Traders Inc', 'Northwind Trading Ltd')).toBeGreaterThanOrEqual(0.6);
    expect(nameSimilarity('华为技术有限公司', '华润置地有限公司')).toBeLessThan(0.6);
    expect(nameSimilarity('Acme Corp', 'Apex Holdings')).toBeLessThan(0.6);
    // Generic words alone must not make two customers alike.
    expect(nameSimilarity('北京数字科技有限公司', '上海数字科技有限公司')).toBeLessThan(0.6);
  });

  it('is symmetric and 0 for empty names', () => {
    expect(nameSimilarity('银泰百货', '泰百货')).toBe(nameSimilarity('泰百货', '银泰百货'));
    expect(nameSimilarity('有限公司', '有限公司')).toBe(0);
    // A name of only region and generic words is kept, so the same such name still matches itself.
    expect(nameSimilarity('北京数字科技有限公司', '北京数字科技有限公司')).toBe(1);
  });
});

describe('normaliseDomain', () => {
  it('reduces a URL to its host', () => {
    expect(normaliseDomain('https://www.Example.com/about?x=1')).toBe('example.com');
  });
});
