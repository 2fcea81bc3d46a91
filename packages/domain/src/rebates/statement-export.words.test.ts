import { describe, expect, it } from 'vitest';
import { fillWords, STATEMENT_EXPORT_WORDS } from './statement-export.words.js';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o)
    .flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    .sort();

describe('statement export words', () => {
  it('both languages have the same keys and no empty word', () => {
    expect(keysOf(STATEMENT_EXPORT_WORDS['zh-CN'])).toEqual(keysOf(STATEMENT_EXPORT_WORDS.en));
    for (const lang of ['en', 'zh-CN'] as const) expect(JSON.stringify(STATEMENT_EXPORT_WORDS[lang])).not.toMatch(/""/);
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fillWords(STATEMENT_EXPORT_WORDS['zh-CN'].tier, { n: 3, rate: '6' })).toBe('第 3 档（6%）');
    expect(fillWords('{a} {b}', { a: 'x' })).toBe('x {b}');
  });
});
