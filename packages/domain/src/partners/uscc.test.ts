import { describe, expect, it } from 'vitest';
import { checkUscc, isValidUscc, usccCheckChar } from './uscc.js';

// Published codes of well-known companies (public registry data).
const REAL = ['91110000802100433B', '91440300708461136T', '91330100716105852F'];

describe('unified social credit code', () => {
  it.each(REAL)('accepts the published code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('rejects a wrong check digit and says which one was expected', () => {
    const bad = REAL[0].slice(0, 17) + (REAL[0][17] === 'A' ? 'B' : 'A');
    expect(checkUscc(bad)).toEqual({ ok: false, reason: 'checksum', expected: REAL[0][17] });
  });

  it('rejects the wrong length or forbidden letters as a format error', () => {
    expect(checkUscc('9111000080210043')).toEqual({ ok: false, reason: 'format' });
    expect(checkUscc('91110000802100433I')).toEqual({ ok: false, reason: 'format' });
  });

  it('accepts lower case and spaces around', () => {
    expect(isValidUscc(` ${REAL[1].toLowerCase()} `)).toBe(true);
  });

  it('computes a check character that validates', () => {
    const body = '91310115MA1K3YJ2X';
    expect(isValidUscc(body + usccCheckChar(body))).toBe(true);
  });
});
