import type { ZodIssueLike } from '@partnerline/domain';
import type { TFunction } from 'i18next';

/** What kind of input a field is: decides how a refusal is worded ("Enter …", "Choose …", "Pick … on the calendar"). */
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
  const say = (key: string, params: Record<string, unknown> = {}) => t(`ui:formErrors.${key}`, { field, ...params });
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
