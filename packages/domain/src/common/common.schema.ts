import { z } from 'zod';
import { Dec } from './money.js';

export const UuidSchema = z.uuid();
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
// Business dates live between these years; 1900-01-01 or 9999-12-31 is a typing slip, not a deal (DOMAIN: dates).
export const MIN_BUSINESS_YEAR = 1970;
export const MAX_BUSINESS_YEAR = 2200;
export const IsoDateSchema = z.iso.date().refine(
  (d) => {
    const year = Number(d.slice(0, 4));
    return year >= MIN_BUSINESS_YEAR && year <= MAX_BUSINESS_YEAR;
  },
  { message: 'validation.date_range' },
);

export const LocaleSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;
export const LOCALES = LocaleSchema.options;

/**
 * An amount of money someone enters: exact decimal carried as a string end to end (SQL numeric ⇄ decimal.js),
 * never a JS float; never negative, at most two decimals (cents) — −5000 or 1000.0049 is a slip, refused.
 */
export const MoneySchema = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,2})?$/, { message: 'validation.money' });
export type Money = z.infer<typeof MoneySchema>;
/** An amount of money above zero (exact decimal compare; zod runs the check even when the format failed). */
export const PositiveMoneySchema = MoneySchema.refine(
  (a) => {
    try {
      return new Dec(a).gt(0);
    } catch {
      return false;
    }
  },
  { message: 'validation.money' },
);

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
