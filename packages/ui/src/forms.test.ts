import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api';
import { apiFieldErrors, zodForm } from './forms';
import { initI18n } from './i18n';

const schema = z
  .object({
    code: z.string().trim().regex(/^[A-Z0-9-]{2,32}$/, { message: 'validation.course_code' }),
    name: z.string().trim().min(1, { message: 'validation.required' }),
    partnerId: z.uuid(),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
  })
  .refine((v) => v.endDate >= v.startDate, { message: 'validation.end_before_start', path: ['endDate'] });

const fields = {
  code: { label: 'the course code' },
  name: { label: 'the name' },
  partnerId: { label: 'the partner', kind: 'choose' as const },
  startDate: { label: 'the start date', kind: 'date' as const },
  endDate: { label: 'the end date', kind: 'date' as const },
};

describe('zodForm with field specs', () => {
  it('words an empty field by its label and kind, whatever rule refused it', () => {
    initI18n({ en: {}, 'zh-CN': {} }, 'en');
    const form = zodForm(schema, undefined, {}, fields);
    expect(form.validate({ code: '', name: '', partnerId: '', startDate: '', endDate: '' })).toEqual({
      code: 'Enter the course code',
      name: 'Enter the name',
      partnerId: 'Choose the partner',
      startDate: 'Enter the start date',
      endDate: 'Enter the end date',
    });
  });

  it("keeps a rule's own words when the field is filled in", () => {
    initI18n({ en: {}, 'zh-CN': {} }, 'en');
    const form = zodForm(schema, undefined, {}, fields);
    const errors = form.validate({ code: 'data 101', name: 'x', partnerId: '00000000-0000-4000-8000-000000000001', startDate: '2027-05-01', endDate: '2027-04-01' });
    expect(errors).toEqual({ code: 'A course code is 2–32 capital letters, digits or hyphens, such as DATA-101.', endDate: 'The end date must be on or after the start date.' });
  });

  it('in Chinese', () => {
    initI18n({ en: {}, 'zh-CN': {} }, 'zh-CN');
    const form = zodForm(schema, undefined, {}, { ...fields, partnerId: { label: '合作伙伴', kind: 'choose' }, startDate: { label: '开始日期', kind: 'date' } });
    const errors = form.validate({ code: 'DATA-101', name: 'x', partnerId: 'not-an-id', startDate: '', endDate: '2027-04-01' });
    expect(errors.partnerId).toBe('请从列表中选择合作伙伴');
    expect(errors.startDate).toBe('请填写开始日期');
  });

  it("words the API's field issues the same way, keeping a rule's own words", () => {
    initI18n({ en: {}, 'zh-CN': {} }, 'en');
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid input', [
      { path: 'name', code: 'validation.required', message: 'This field is required.' },
      { path: 'partnerId', code: 'invalid_format', message: 'Choose an option from the list.' },
      { path: 'endDate', code: 'validation.end_before_start', message: 'The end date must be on or after the start date.' },
    ]);
    expect(apiFieldErrors(error, 'failed', fields)).toEqual({ name: 'Enter the name', partnerId: 'Choose the partner', endDate: 'The end date must be on or after the start date.' });
  });
});
