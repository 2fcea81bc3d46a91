import { describe, expect, it } from 'vitest';
import { formatRatio } from './format';

describe('formatRatio', () => {
  it.each([
    ['0.8500', 'en', 2, '85%'],
    ['0.6', 'en', 2, '60%'],
    [1, 'zh-CN', 2, '100%'],
    ['0.8333', 'en', 2, '83.33%'],
    ['0.8333', 'en', 1, '83.3%'],
    ['0.66665', 'en', 2, '66.67%'],
    ['0.6665', 'en', 1, '66.7%'],
    ['0', 'en', 2, '0%'],
    [null, 'en', 2, '—'],
    [undefined, 'en', 2, '—'],
    ['', 'en', 2, '—'],
  ] as const)('%s (%s, %i digits) → %s', (value, locale, digits, words) => {
    expect(formatRatio(value, locale, digits)).toBe(words);
  });
});
