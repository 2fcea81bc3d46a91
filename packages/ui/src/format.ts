import { Dec, type Locale } from '@partnerline/domain';

/**
 * One date format per language in both apps: English "28 Nov 2026", Chinese "2026年11月28日" (en-GB gives the
 * day-month-year order; plain "en" would give "Nov 28, 2026").
 */
const DATE_LOCALE: Record<Locale, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' };
const DATE_PARTS = { year: 'numeric', month: 'short', day: 'numeric' } as const;
const dateLocale = (locale: Locale): string => DATE_LOCALE[locale] ?? locale;

/** Times are stored in UTC and shown in the user's zone (default Asia/Shanghai): "28 Nov 2026, 14:05" / "2026年11月28日 14:05". */
export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(dateLocale(locale), { timeZone, ...DATE_PARTS, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, locale: Locale, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return '—';
  // A bare calendar date (YYYY-MM-DD) has no zone: show it as it is.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(dateLocale(locale), { timeZone: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : timeZone, ...DATE_PARTS }).format(date);
}

/**
 * Money arrives as an exact decimal string. Intl formats numeric strings exactly (no float on the way),
 * rounding half away from zero to the currency's two decimals.
 */
export function formatMoney(amount: string | null | undefined, locale: Locale, currency = 'CNY'): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  if (!/^-?\d+(\.\d+)?$/.test(amount)) return amount;
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return format.format(amount as Intl.StringNumericLiteral);
}

/** A plain number in the UI language (grouping, decimals). */
export function formatNumber(value: number | null | undefined, locale: Locale, maximumFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** Days from now until a date (negative when past). */
export function daysUntil(iso: string, now = new Date()): number {
  const target = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return Math.ceil((target.getTime() - now.getTime()) / 86_400_000);
}

/**
 * A percentage (a rate or an attainment, held as a decimal string like "85.50" or a number) in the UI language:
 * "85.5%", or a dash when there is none. A percentage is not money: formatting it through a number is fine.
 */
export function formatPercent(value: string | number | null | undefined, locale: Locale, digits = 2): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${formatNumber(Number(value), locale, digits)}%`;
}

/**
 * A ratio (a share held as a decimal string like "0.8500", or a number) as a percentage in the UI language: "85%".
 * Multiplied and rounded exactly (no float on the way), to `digits` decimals; a dash when there is none.
 */
export function formatRatio(value: string | number | null | undefined, locale: Locale, digits = 2): string {
  if (value === null || value === undefined || value === '') return '—';
  const percent = new Dec(String(value)).times(100).toFixed() as Intl.StringNumericLiteral;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(percent)}%`;
}
