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

/**
 * The host of a web address as an identity key: no scheme, user, `www.`, port, path, query or trailing dot, lower
 * case. Other subdomains are kept: without a public-suffix list, folding them would merge unrelated hosts under one
 * shared suffix (a.example.cn and b.example.cn). Null when nothing host-like remains.
 */
export function canonicalDomain(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.normalize('NFKC').trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^[^@/]*@/, '');
  s = s.replace(/[/?#\\].*$/, '').replace(/:\d*$/, '').replace(/\.+$/, '').replace(/^www\./, '');
  return s || null;
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
  /** Regions above the root (the country): their name locks are taken shared, see matchLocks. */
  aboveRootIds?: readonly string[];
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

/**
 * matchLockKeys taken exclusively, plus a shared lock on the name key of every region above the root: submissions in
 * different provinces never wait for each other, while a country-level submission (which compares names with every
 * province below it) takes its own key exclusively and so waits for — and blocks — those province submissions.
 * One order for all keys (sorted), so no deadlock.
 */
export function matchLocks(c: MatchLockScope): { key: string; shared: boolean }[] {
  const exclusive = matchLockKeys(c).map((key) => ({ key, shared: false }));
  const shared = (c.aboveRootIds ?? []).filter((id) => id !== c.regionRootId).map((id) => ({ key: `names:${id}:${c.industryId}`, shared: true }));
  return [...exclusive, ...shared].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
