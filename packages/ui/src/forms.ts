import { hasMessage, type Locale, translateZodIssue, type ZodIssueLike } from '@partnerline/domain';
import type { z } from 'zod';
import { ApiError } from './api';
import { type FieldSpecs, fieldMessage, specFor } from './form-errors';
import { currentLanguage, translate } from './i18n';

/**
 * Field errors keyed by dotted path (`rebates.tiers.0.ratePercent`), worded in the UI language.
 * The same keys come back from the API's 400 `issues`, so one map serves both client and server checks.
 */
export function zodFieldErrors(issues: readonly ZodIssueLike[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const { path, message } = translateZodIssue(issue, locale);
    out[path] ??= message;
  }
  return out;
}

/**
 * Field errors from a failed request; an error without field issues lands under `form`. With `fields`, an issue on
 * a known field is worded by its label and kind ("Choose an industry"), as the browser's own check words it.
 */
export function apiFieldErrors(error: unknown, fallback: string, fields: FieldSpecs = {}): Record<string, string> {
  if (!(error instanceof ApiError)) return { form: fallback };
  if (!error.issues.length) return { form: error.message };
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const spec = specFor(fields, issue.path);
    // A rule's own refusal (its code is a catalogue key: "the end date is before the start") keeps its words.
    const code = issue.code === 'validation.required' ? 'required' : issue.code;
    out[issue.path] ??= spec && (!code.includes('.') || GENERIC_MESSAGES.has(code)) ? fieldMessage({ code }, spec, translate as never) : issue.message;
  }
  return out;
}

/** Domain messages that only say "required" / "invalid": the field's own words say it better. */
const GENERIC_MESSAGES = new Set(['validation.required', 'validation.email']);

/**
 * A rule's own message (an i18n key: "the end date is before the start", "a course code is 2–32 capital letters…")
 * says more than the field's kind would, unless it is generic or the field is simply empty ("Enter the course code").
 */
function saysMore(issue: ZodIssueLike): boolean {
  if (!hasMessage(issue.message) || GENERIC_MESSAGES.has(issue.message)) return false;
  const empty = issue.input === '' || issue.input === null || issue.input === undefined;
  return issue.code === 'custom' || !empty;
}

/**
 * A domain zod schema as a `@mantine/form` validator. Mantine's own `schemaResolver` shows zod's English
 * messages; this one words them in the UI language through the domain's catalogue (the API does the same),
 * so a field reads the same whether the browser or the server refused it.
 *
 * `toInput` maps the form's values (strings for numbers, `null` for an empty select) onto the schema's input;
 * form fields are named by the schema's paths so every issue lands on its field. `messages` words a field's
 * refusal the page's own way (`{ body: t('support.replyRequired') }`), whatever zod found wrong with it.
 *
 *   const schema = zodForm(SupportRequestInputSchema, (v: Values) => ({ ...v, requestedFunds: v.funds || null }));
 *   const form = useForm({ initialValues, validate: schema.validate });
 *   form.onSubmit((values) => create.mutate(schema.parse(values), { onError: (e) => form.setErrors(apiFieldErrors(e, …)) }));
 */
export function zodForm<S extends z.ZodType, V = z.input<S>>(schema: S, toInput: (values: V) => unknown = (v) => v, messages: Record<string, string> = {}, fields: FieldSpecs | (() => FieldSpecs) = {}) {
  return {
    validate: (values: V): Record<string, string> => {
      const result = schema.safeParse(toInput(values), { reportInput: true });
      if (result.success) return {};
      const issues = result.error.issues as unknown as ZodIssueLike[];
      const errors = zodFieldErrors(issues, currentLanguage());
      // Fields with a spec are worded by their label and kind: "Choose an industry", never "Invalid uuid".
      const specs = typeof fields === 'function' ? fields() : fields;
      for (const issue of issues) {
        const path = issue.path.map(String).join('.');
        const spec = specFor(specs, path);
        if (spec && errors[path] !== undefined && !messages[path] && !saysMore(issue)) errors[path] = fieldMessage(issue, spec, translate as never);
      }
      for (const path of Object.keys(errors)) if (messages[path]) errors[path] = messages[path];
      return errors;
    },
    /** The request body; call it from `form.onSubmit`, after `validate` has passed. */
    parse: (values: V): z.output<S> => schema.parse(toInput(values)),
  };
}

/**
 * `useForm({ enhanceGetInputProps: fieldPathProps })`: every input gets `data-path="<field>"`, which the
 * ErrorSummary's links use to move the focus to the field.
 */
export function fieldPathProps({ field }: { field: PropertyKey }): Record<string, string> {
  return { 'data-path': String(field) };
}
