import { messageKeys, translateMessage } from '@partnerline/domain';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldMessage, formMessageProblems, specFor } from './form-errors';
import { uiCatalogue } from './ui.catalogue';

/** Strings of a nested catalogue section. */
const strings = (c: unknown): string[] => (typeof c === 'string' ? [c] : Object.values(c as Record<string, unknown>).flatMap(strings));

const problems = formMessageProblems;

const sample = { minimum: 3, maximum: 200, format: 'regex', values: 'a, b', keys: 'x', divisor: 2, expected: 'number', received: 'string', field: '行业' };

describe('form error messages in both catalogues', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`the domain's field messages (validation.*, zod.*) read as words in ${lang}`, () => {
      const keys = messageKeys().filter((k) => k.startsWith('zod.') || k.startsWith('validation.'));
      expect(keys.length).toBeGreaterThan(20);
      const bad = keys.map((k) => [k, translateMessage(lang, k, sample)] as const).flatMap(([k, m]) => problems(m, lang).map((p) => `${k}: "${m}" ${p}`));
      expect(bad).toEqual([]);
    });

    it(`the form-error sentences (ui formErrors) read as words in ${lang}`, () => {
      const messages = strings(uiCatalogue[lang].formErrors).map((m) => m.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(sample[k as keyof typeof sample] ?? k)));
      expect(messages.length).toBeGreaterThan(15);
      expect(messages.flatMap((m) => problems(m, lang).map((p) => `"${m}" ${p}`))).toEqual([]);
    });
  }
});

describe('field messages name the field and say what to do', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { en: { ui: uiCatalogue.en }, 'zh-CN': { ui: uiCatalogue['zh-CN'] } }, lng: 'en', ns: ['ui'], initAsync: false, showSupportNotice: false });

  it('an empty picker asks to choose, an empty text to enter, a bad day to pick on the calendar', () => {
    const t = i18n.getFixedT('en');
    expect(fieldMessage({ code: 'invalid_format', format: 'uuid', input: '' }, { label: 'an industry', kind: 'choose' }, t)).toBe('Choose an industry');
    expect(fieldMessage({ code: 'too_small', origin: 'string', minimum: 1, input: '' }, { label: 'the customer name' }, t)).toBe('Enter the customer name');
    expect(fieldMessage({ code: 'invalid_format', format: 'date', input: '2027-13-45' }, { label: 'Expected close', kind: 'date' }, t)).toBe('Expected close: pick a day on the calendar');
    expect(fieldMessage({ code: 'too_big', origin: 'string', maximum: 200 }, { label: 'Need' }, t)).toBe('Need can have at most 200 characters');
  });

  it('an empty required date reads as required, not as an invalid day; a phrase label opens the sentence with a capital', () => {
    const en = i18n.getFixedT('en');
    const zh = i18n.getFixedT('zh-CN');
    expect(fieldMessage({ code: 'invalid_format', format: 'date', input: '' }, { label: 'the expected close date', kind: 'date' }, en)).toBe('Enter the expected close date');
    expect(fieldMessage({ code: 'invalid_type', input: null }, { label: 'the expected close date', kind: 'date' }, en)).toBe('Enter the expected close date');
    expect(fieldMessage({ code: 'invalid_format', format: 'date', input: '' }, { label: '预计成交日期', kind: 'date' }, zh)).toBe('请填写预计成交日期');
    expect(fieldMessage({ code: 'too_big', origin: 'string', maximum: 200 }, { label: 'the subject' }, en)).toBe('The subject can have at most 200 characters');
  });

  it('in Chinese too', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(fieldMessage({ code: 'invalid_format', format: 'uuid', input: '' }, { label: '行业', kind: 'choose' }, t)).toBe('请选择行业');
    expect(fieldMessage({ code: 'invalid_type', input: undefined }, { label: '预计金额', kind: 'amount' }, t)).toBe('请填写预计金额');
  });

  it('a list row matches its wildcard spec', () => {
    expect(specFor({ 'contacts.*.name': { label: 'Name' } }, 'contacts.3.name')).toEqual({ label: 'Name' });
    expect(specFor({ 'contacts.*.name': { label: 'Name' } }, 'contacts.name')).toBeUndefined();
  });
});
