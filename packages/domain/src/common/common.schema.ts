import { z } from 'zod';

export const UuidSchema = z.uuid();
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const IsoDateSchema = z.iso.date();

export const LocaleSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;
export const LOCALES = LocaleSchema.options;

/** Exact decimal carried as a string end to end (SQL numeric ⇄ decimal.js); never a JS float. */
export const MoneySchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,4})?$/, { message: 'validation.money' });
export type Money = z.infer<typeof MoneySchema>;

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A text with both languages; the apps show the one that matches the user's locale. */
export const LocalisedTextSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;

export function pickText(text: LocalisedText, locale: Locale): string {
  return text[locale] ?? text.en;
}
