import { describe, expect, it } from 'vitest';
import { canonicalDomain, canonicalTaxId, checkTaxId, matchLockKeys, matchLocks } from './customer-keys.js';
import { usccCheckChar } from '../partners/uscc.js';

const body = '91440300MA5FAAAA0';
const uscc = body + usccCheckChar(body);

describe('canonical customer keys', () => {
  it('folds spaces, hyphens, full-width forms and case of a tax id', () => {
    const spaced = `${uscc.slice(0, 4)} ${uscc.slice(4, 10)}-${uscc.slice(10)}`.toLowerCase();
    const fullWidth = uscc.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(canonicalTaxId(spaced)).toBe(uscc);
    expect(canonicalTaxId(fullWidth)).toBe(uscc);
    expect(canonicalTaxId('  ')).toBeNull();
  });
  it('validates the check character only when it looks like a USCC', () => {
    expect(checkTaxId(uscc)).toEqual({ ok: true, value: uscc });
    const wrong = body + (usccCheckChar(body) === '0' ? '1' : '0');
    expect(checkTaxId(wrong).ok).toBe(false);
    expect(checkTaxId('DE123456789')).toEqual({ ok: true, value: 'DE123456789' });
  });
  it('reduces a web address to its registrable host', () => {
    expect(canonicalDomain('https://www.Acme.com:8443/path?q=1')).toBe('acme.com');
    expect(canonicalDomain('acme.com.')).toBe('acme.com');
    expect(canonicalDomain('HTTP://WWW.acme.com.cn./about')).toBe('acme.com.cn');
    expect(canonicalDomain('user@portal.acme.io')).toBe('portal.acme.io');
    expect(canonicalDomain('a.example.cn')).not.toBe(canonicalDomain('b.example.cn'));
    expect(canonicalDomain('')).toBeNull();
  });
  it('orders lock keys the same way whatever the keys', () => {
    const a = matchLockKeys({ taxId: 'X', domain: 'a.com', regionRootId: 'zj', industryId: 'edu' });
    expect(a).toEqual([...a].sort());
    expect(a).toContain('names:zj:edu');
    expect(matchLockKeys({ taxId: null, domain: null, regionRootId: 'zj', industryId: 'edu' })).toEqual(['names:zj:edu']);
  });
});

describe('matchLocks', () => {
  it('takes the province name key exclusively and the country name key shared, in one order', () => {
    const locks = matchLocks({ taxId: 'T', domain: null, regionRootId: 'zj', industryId: 'edu', aboveRootIds: ['cn', 'zj'] });
    expect(locks).toEqual([
      { key: 'names:cn:edu', shared: true },
      { key: 'names:zj:edu', shared: false },
      { key: 'tax:T', shared: false },
    ]);
  });
});
