import { Decimal } from 'decimal.js';

/** Exact decimal arithmetic for money: inputs and outputs are decimal strings, never JS floats. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export function money(value: string | number | Dec): Dec {
  return new Dec(value);
}

/** Rounds to cents (half up) and renders with exactly two decimals. */
export function formatMoney(value: string | Dec, scale = 2): string {
  return new Dec(value).toDecimalPlaces(scale, Dec.ROUND_HALF_UP).toFixed(scale);
}

export function sumMoney(values: ReadonlyArray<string | Dec>): string {
  return values.reduce<Dec>((acc, v) => acc.plus(v), new Dec(0)).toFixed();
}

/** Groups an exact decimal string by thousands without going through a float ("1234567.5" → "1,234,567.5"). */
export function groupDigits(v: string): string {
  const neg = v.startsWith('-');
  const [int, frac] = (neg ? v.slice(1) : v).split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${g}${frac !== undefined ? `.${frac}` : ''}`;
}
