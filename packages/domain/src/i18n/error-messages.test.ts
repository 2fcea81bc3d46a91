import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localeFromAcceptLanguage, translateMessage } from './error-messages.js';
import { translateZodIssue } from './zod-issues.js';
import { MoneySchema } from '../common/common.schema.js';
import { ERROR_STATUS } from '../common/errors.js';

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,zh-TW;q=0.5', 'zh-CN'],
    ['en;q=0.3, zh;q=0.8', 'zh-CN'],
    ['de', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('translateMessage', () => {
  it('interpolates parameters in both languages', () => {
    expect(translateMessage('en', 'LOGIN_THROTTLED', { minutes: 5 })).toContain('5 minutes');
    expect(translateMessage('zh-CN', 'LOGIN_THROTTLED', { minutes: 5 })).toContain('5 分钟');
  });

  it('passes unknown keys through', () => {
    expect(translateMessage('en', 'already prose')).toBe('already prose');
  });
});

describe('translateZodIssue', () => {
  const Schema = z.object({ name: z.string().min(3), age: z.number().int(), amount: MoneySchema, kind: z.enum(['a', 'b']) });

  function issues(input: unknown, locale: 'en' | 'zh-CN') {
    const r = Schema.safeParse(input, { reportInput: true });
    if (r.success) throw new Error('expected failure');
    return r.error.issues.map((i) => translateZodIssue(i as never, locale));
  }

  it('names each field path with a message in the caller language', () => {
    const out = issues({ name: 'ab', age: 'x', amount: '1.23456', kind: 'c' }, 'zh-CN');
    expect(out).toEqual([
      { path: 'name', code: 'too_small', message: '至少 3 个字符。' },
      { path: 'age', code: 'invalid_type', message: '应为 number，实际为 string。' },
      { path: 'amount', code: 'validation.money', message: expect.stringContaining('金额') },
      { path: 'kind', code: 'invalid_value', message: '必须是以下之一：a, b。' },
    ]);
  });

  it('reports a missing field as required', () => {
    const out = issues({ age: 3, amount: '1', kind: 'a' }, 'en');
    expect(out).toEqual([{ path: 'name', code: 'required', message: 'This field is required.' }]);
  });
});

describe('friendlier zod messages', () => {
  it('calls an empty required string and an empty id picker "required"', () => {
    const schema = z.object({ title: z.string().min(1), productLineId: z.uuid() });
    const r = schema.safeParse({ title: '', productLineId: '' }, { reportInput: true });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => translateZodIssue(i as never, 'en'));
    expect(issues.map((i) => i.message)).toEqual(['This field is required.', 'This field is required.']);
    // A malformed id is worded as what to do, never as the type name (issue #13: no "must be a valid uuid").
    const malformed = translateZodIssue({ ...schema.safeParse({ title: 'x', productLineId: 'nope' }).error!.issues[0] } as never, 'zh-CN').message;
    expect(malformed).toBe('请从列表中选择。');
    expect(malformed).not.toContain('uuid');
  });
});

describe('every error code', () => {
  const codes = Object.keys(ERROR_STATUS);
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

  it('has at least the core codes', () => {
    expect(codes.length).toBeGreaterThan(20);
  });

  it.each(codes)('%s has a message in both languages, Chinese in zh-CN, the same placeholders', (code) => {
    const en = translateMessage('en', code);
    const zh = translateMessage('zh-CN', code);
    expect(en, 'English message').not.toBe(code);
    expect(zh, 'Chinese message').not.toBe(code);
    expect(zh).not.toBe(en);
    expect(zh).toMatch(CJK);
    expect(placeholders(zh)).toEqual(placeholders(en));
    expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS]).toBeGreaterThanOrEqual(400);
  });
});
