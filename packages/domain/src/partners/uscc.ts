/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet (digits and capitals without I, O, Z, S, V); the last one is a check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('a USCC body has 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`invalid USCC character "${first17[i]}"`);
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c];
}

export type UsccCheck = { ok: true } | { ok: false; reason: 'format' | 'checksum'; expected?: string };

export function checkUscc(raw: string): UsccCheck {
  const code = raw.trim().toUpperCase();
  if (!USCC_PATTERN.test(code)) return { ok: false, reason: 'format' };
  const expected = usccCheckChar(code.slice(0, 17));
  return code[17] === expected ? { ok: true } : { ok: false, reason: 'checksum', expected };
}

export function isValidUscc(raw: string): boolean {
  return checkUscc(raw).ok;
}
