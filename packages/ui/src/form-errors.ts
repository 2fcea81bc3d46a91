import type { ZodIssueLike } from '@partnerline/domain';
import type { TFunction } from 'i18next';
import { translate } from './i18n';

/** What kind of input a field is: decides how a refusal is worded ("Enter …", "Choose …"; an empty date is asked for like any missing value, a bad one is picked on the calendar). */
export type FieldKind = 'text' | 'choose' | 'date' | 'number' | 'amount' | 'email' | 'url' | 'file';

/** A form field's label (already translated) and kind. */
export interface FieldSpec {
  label: string;
  kind?: FieldKind;
}

/**
 * Field specs keyed by the schema path; `*` stands for a list index (`contacts.*.name`). The label is what the page
 * shows, so the message names the field the person sees.
 */
export type FieldSpecs = Record<string, FieldSpec>;

/** The spec of a dotted path (`contacts.2.name` matches `contacts.*.name`). */
export function specFor(fields: FieldSpecs, path: string): FieldSpec | undefined {
  if (fields[path]) return fields[path];
  const wild = path.replace(/\.\d+(?=\.|$)/g, '.*');
  return fields[wild];
}

/** The issue as a person reads it, for a field with a spec: names the field and says what to do. */
export function fieldMessage(issue: Pick<ZodIssueLike, 'code' | 'origin' | 'minimum' | 'maximum' | 'input' | 'format'>, spec: FieldSpec, t: TFunction): string {
  const kind = spec.kind ?? 'text';
  const field = spec.label;
  // Labels may be phrases ("the start date"); a sentence that opens with one starts with a capital.
  const say = (key: string, params: Record<string, unknown> = {}) => capitalise(String(t(`ui:formErrors.${key}`, { field, ...params })));
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'required':
      return say(`required.${kind}`);
    case 'invalid_type':
      return empty ? say(`required.${kind}`) : say(`invalid.${kind}`);
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 || empty ? say(`required.${kind}`) : say('tooShort', { minimum: issue.minimum });
      if (issue.origin === 'array') return say('tooFew', { minimum: issue.minimum });
      return say('tooSmall', { minimum: issue.minimum });
    case 'too_big':
      if (issue.origin === 'string') return say('tooLong', { maximum: issue.maximum });
      if (issue.origin === 'array') return say('tooMany', { maximum: issue.maximum });
      return say('tooBig', { maximum: issue.maximum });
    case 'invalid_format':
    case 'invalid_value':
    case 'invalid_union':
      return empty ? say(`required.${kind}`) : say(`invalid.${kind}`);
    default:
      return say(`invalid.${kind}`);
  }
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A form's field specs from a table of path → kind. The labels come from the app catalogue's
 * `formFields.<form>.<key>`, the key being the path without list wildcards, dots as underscores
 * (`contacts.*.name` → `contacts_name`): one place per app, so a test can check every message of every form.
 */
export function specsFrom(form: string, kinds: Record<string, FieldKind>, t: (key: string) => string = translate): FieldSpecs {
  return Object.fromEntries(Object.entries(kinds).map(([path, kind]) => [path, { label: t(fieldLabelKey(form, path)), kind }]));
}

/** The catalogue key of a field's label (see specsFrom). */
export function fieldLabelKey(form: string, path: string): string {
  return `formFields.${form}.${path.replace(/\.\*/g, '').replace(/\./g, '_')}`;
}

/** Every sentence a field can be refused with (each issue kind a form meets), for catalogue tests. */
export function everyFieldMessage(spec: FieldSpec, t: TFunction): string[] {
  const issues: Parameters<typeof fieldMessage>[0][] = [
    { code: 'required' },
    { code: 'invalid_type', input: undefined },
    { code: 'invalid_type', input: 'x' },
    { code: 'invalid_format', format: 'uuid', input: '' },
    { code: 'invalid_format', format: 'uuid', input: 'x' },
    { code: 'invalid_format', format: 'date', input: '2027-13-45' },
    { code: 'too_small', origin: 'string', minimum: 1, input: '' },
    { code: 'too_small', origin: 'string', minimum: 10, input: 'abc' },
    { code: 'too_small', origin: 'number', minimum: 1 },
    { code: 'too_small', origin: 'array', minimum: 1 },
    { code: 'too_big', origin: 'string', maximum: 200 },
    { code: 'too_big', origin: 'number', maximum: 5 },
    { code: 'too_big', origin: 'array', maximum: 50 },
    { code: 'invalid_value', input: 'x' },
    { code: 'custom', input: 'x' },
  ];
  return issues.map((issue) => fieldMessage(issue, spec, t));
}

/**
 * What no form error may show a person: a type name ("uuid", "date" as a type), a machine code, a catalogue key,
 * English in the Chinese catalogue. Empty when the message reads as words.
 */
export function formMessageProblems(message: string, lang: 'en' | 'zh-CN'): string[] {
  const found: string[] = [];
  if (/uuid/i.test(message)) found.push('names the type "uuid"');
  if (/\b(invalid|valid|must be a|expected an?) (date|datetime|iso)\b/i.test(message) || /YYYY-MM-DD|\bISO ?8601\b/.test(message)) found.push('names "date" as a type');
  if (/\b[A-Z]{2,}(_[A-Z]+)+\b/.test(message)) found.push('shows an error code');
  if (/\b[a-z]+(\.[a-zA-Z_]+){1,}\b/.test(message.replace(/\b[\w-]+@[\w-]+\.\w+\b|\b\w+\.com\b|https?:\/\/\S+|\d+\.\d+|\be\.g\.|\bi\.e\./g, ''))) found.push('shows a catalogue key');
  if (/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b/.test(message)) found.push('shows a key or code name');
  if (lang === 'zh-CN' && !/[\u4e00-\u9fff]/.test(message)) found.push('is not Chinese');
  return found;
}
