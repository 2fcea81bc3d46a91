/** Deal-registration rules (DOMAIN §5): protection dates, review SLA, and who should win a conflict. */

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

/** Protection runs `days` calendar days from approval (the approval day counts as day 1). */
export function protectionEndsOn(approvedOn: string, days: number): string {
  return toIso(new Date(toDate(approvedOn).getTime() + (days - 1) * DAY));
}

export type ExtensionCheck = { ok: true; newEnd: string } | { ok: false; reason: 'no_extensions_left' | 'already_expired' };

/** One (policy: maxExtensions) extension of `extensionDays`, only while protection is still running. */
export function extendProtection(currentEnd: string, today: string, extensionsUsed: number, policy: { extensionDays: number; maxExtensions: number }): ExtensionCheck {
  if (extensionsUsed >= policy.maxExtensions) return { ok: false, reason: 'no_extensions_left' };
  if (today > currentEnd) return { ok: false, reason: 'already_expired' };
  return { ok: true, newEnd: toIso(new Date(toDate(currentEnd).getTime() + policy.extensionDays * DAY)) };
}

/** The date `n` business days (Mon–Fri) after `from`: the review SLA due date. */
export function addBusinessDays(from: string, n: number): string {
  let d = toDate(from);
  let left = n;
  while (left > 0) {
    d = new Date(d.getTime() + DAY);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return toIso(d);
}

/** Reminder days due today: e.g. policy [14, 3] → remind when 14 and 3 days are left. */
export function remindersDue(protectionEnd: string, today: string, reminderDays: readonly number[]): number[] {
  const left = Math.round((toDate(protectionEnd).getTime() - toDate(today).getTime()) / DAY);
  return reminderDays.filter((d) => d === left);
}

export interface ConflictParty {
  id: string;
  /** A partner's registration, the vendor's direct account, or an exclusive-territory holder (its agreement). */
  kind: 'partner' | 'direct' | 'holder';
  /** The party holds an active exclusive scope covering the customer's segment. */
  exclusiveOwner: boolean;
  /** Earlier won business with this customer. */
  incumbent: boolean;
  submittedAt: string;
  /** Registered inside another partner's exclusive scope without a covering agreement of its own. */
  intruder?: boolean;
}

export type RecommendationReason = 'exclusive_owner' | 'incumbent' | 'first_to_register' | 'partner_over_direct' | 'intruder_excluded';

export interface Recommendation {
  outcome: 'award';
  winnerId: string;
  reasons: RecommendationReason[];
}

/**
 * The system's proposal, with its reasons. Default precedence: exclusive owner (a registration of the holder, or the
 * holder itself) › incumbent › first to register; a registration inside another partner's exclusive scope without a
 * covering agreement is never proposed; a partner is preferred over the vendor's direct sales (protect the partner's
 * interest first). The manager may still split (co-sell) — the proposal explains, it does not decide.
 */
export function recommendResolution(parties: readonly ConflictParty[]): Recommendation {
  if (parties.length === 0) throw new Error('a conflict has at least one party');
  const intruders = parties.filter((p) => p.intruder);
  const eligible = parties.filter((p) => !p.intruder);
  const reasons: RecommendationReason[] = intruders.length && eligible.length ? ['intruder_excluded'] : [];
  const candidates = eligible.length ? eligible : parties;
  const award = (p: ConflictParty, why: RecommendationReason[]): Recommendation => ({ outcome: 'award', winnerId: p.id, reasons: [...reasons, ...why] });
  const partners = candidates.filter((p) => p.kind !== 'direct');
  const pool = partners.length ? partners : candidates;
  if (partners.length && partners.length < candidates.length) reasons.push('partner_over_direct');
  // The holder's own registration is preferred to the bare holder (it names the deal); otherwise the holder itself.
  const owners = pool.filter((p) => p.exclusiveOwner || p.kind === 'holder');
  const ownerRegs = owners.filter((p) => p.kind === 'partner');
  if (ownerRegs.length === 1) return award(ownerRegs[0], ['exclusive_owner']);
  if (!ownerRegs.length && owners.length === 1) return award(owners[0], ['exclusive_owner']);
  const afterOwner = ownerRegs.length ? ownerRegs : owners.length ? owners : pool;
  const incumbents = afterOwner.filter((p) => p.incumbent);
  if (incumbents.length === 1) return award(incumbents[0], ['incumbent']);
  const byTime = [...(incumbents.length ? incumbents : afterOwner)].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  return award(byTime[0], ['first_to_register']);
}

/** Split shares must be whole percentages summing to exactly 100, one per party, each above 0. */
export function validSplit(shares: readonly number[]): boolean {
  return shares.length >= 2 && shares.every((s) => Number.isInteger(s) && s > 0 && s < 100) && shares.reduce((a, b) => a + b, 0) === 100;
}
