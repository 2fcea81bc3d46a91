import { catalogueKeys, everyFieldMessage, type FieldKind, fieldLabelKey, formMessageProblems, initI18n, specsFrom } from '@partnerline/ui';
import { describe, expect, it } from 'vitest';
import { FORM_FIELDS } from './form-fields';
import { catalogue } from './i18n';

/**
 * Every refusal any admin form can show, in both languages: it names the field in words and says what to do —
 * never "uuid", never "date" as a type name, never a catalogue key or an error code.
 */
describe('admin form field messages', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    const i18n = initI18n(catalogue, lang);
    const t = (key: string, params?: Record<string, unknown>) => String(i18n.t(key, params));

    it(`every field of every form has a label in ${lang}`, () => {
      const missing = Object.entries(FORM_FIELDS).flatMap(([form, kinds]) => Object.keys(kinds).map((path) => fieldLabelKey(form, path)).filter((key) => !i18n.exists(key)));
      expect(missing).toEqual([]);
    });

    it(`every message of every form reads as words in ${lang}`, () => {
      const messages = Object.entries(FORM_FIELDS).flatMap(([form, kinds]) =>
        Object.values(specsFrom(form, kinds as Record<string, FieldKind>, t)).flatMap((spec) => everyFieldMessage(spec, i18n.t)),
      );
      // The scorecard names each criterion's score.
      messages.push(...everyFieldMessage({ label: t('formFields.scorecard.score', { criterion: t('partner.criteria.cashFlowStability') }), kind: 'number' }, i18n.t));
      expect(messages.length).toBeGreaterThan(500);
      expect(messages.flatMap((m) => formMessageProblems(m, lang).map((p) => `"${m}" ${p}`))).toEqual([]);
    });
  }

  it('has no label without a field', () => {
    const used = new Set([...Object.entries(FORM_FIELDS).flatMap(([form, kinds]) => Object.keys(kinds).map((path) => fieldLabelKey(form, path))), 'formFields.scorecard.score']);
    expect(catalogueKeys({ formFields: catalogue.en.formFields }).filter((k) => !used.has(k))).toEqual([]);
  });

  it('asks for an empty date as a missing value, and names the field', () => {
    const en = initI18n(catalogue, 'en');
    const [required] = everyFieldMessage(specsFrom('agreement', { startDate: 'date' }, (k) => String(en.t(k))).startDate, en.t);
    expect(required).toBe('Enter the start date');
    const zh = initI18n(catalogue, 'zh-CN');
    expect(everyFieldMessage(specsFrom('decision', { 'trial.endDate': 'date' }, (k) => String(zh.t(k)))['trial.endDate'], zh.t)[0]).toBe('请填写试合作结束日期');
    expect(everyFieldMessage(specsFrom('agreement', { partnerId: 'choose' }, (k) => String(zh.t(k))).partnerId, zh.t)[0]).toBe('请选择合作伙伴');
  });
});
