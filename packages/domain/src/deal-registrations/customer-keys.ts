/**
 * Canonical customer keys (DOMAIN §5): the forms stored with a registration or a direct account and compared exactly.
 * Two spellings of one tax id or one web address must give the same key, or a duplicate slips through.
 */
import { checkUscc } from '../partners/uscc.js';
import { parseCustomerName } from './customer-match.js';

/** A tax id without spaces, hyphens, dots and full-width forms, upper-cased ("9144 0300-ＭＡ5ＦＡ…" → "91440300MA5FA…"). */
export function canonicalTaxId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑‒–—―_.·/]/gu, '');
  return s || null;
}

export type TaxIdCheck = { ok: true; value: string | null } | { ok: false; reason: 'checksum'; value: string };

/** A canonical tax id that looks like a USCC (18 characters of its alphabet) must carry the right check character. */
export function checkTaxId(raw: string | null | undefined): TaxIdCheck {
  const value = canonicalTaxId(raw);
  if (!value || value.length !== 18) return { ok: true, value };
  const c = checkUscc(value);
  return c.ok || c.reason === 'format' ? { ok: true, value } : { ok: false, reason: 'checksum', value };
}

// Second-level labels under which registrations happen one level deeper (acme.com.cn, acme.co.uk).
const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'co', 'ltd', 'plc', 'sch', 'mil', 'or', 'ne', 'go', 'nic']);

/**
 * The registrable host of a web address: no scheme, user, `www.`, port, path, query or trailing dot, lower case;
 * subdomains fold to the registrable domain (mail.acme.com.cn → acme.com.cn). Null when nothing host-like remains.
 */
export function canonicalDomain(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.normalize('NFKC').trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^[^@/]*@/, '');
  s = s.replace(/[/?#\\].*$/, '').replace(/:\d*$/, '').replace(/\.+$/, '');
  const labels = s.split('.').filter(Boolean);
  if (!labels.length) return null;
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1];
  const sld = labels[labels.length - 2];
  const keep = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The name core stored for index-served candidate retrieval (the matcher's canonical form). */
export function customerNameCore(name: string): string {
  return parseCustomerName(name).core;
}

export interface MatchLockScope {
  taxId: string | null;
  domain: string | null;
  /** The province (region subtree root) of the customer's region, or the region itself above province level. */
  regionRootId: string;
  industryId: string;
}

/**
 * The advisory locks that serialise submissions whose customers could match: one per exact key (tax id, domain) and
 * one for the fuzzy name comparison (province subtree × industry). Sorted: every submission takes them in the same
 * order, so two submissions never wait on each other crosswise (no deadlock).
 */
export function matchLockKeys(c: MatchLockScope): string[] {
  const keys = [c.taxId && `tax:${c.taxId}`, c.domain && `domain:${c.domain}`, `names:${c.regionRootId}:${c.industryId}`];
  return keys.filter((k): k is string => !!k).sort();
}
