import type { Transitions } from '../common/state-machine.js';

export type AgreementType = 'exclusive' | 'registration' | 'distribution';
export type AgreementStatus = 'draft' | 'pending_approval' | 'active' | 'expired' | 'terminated' | 'renewed' | 'rejected';

/**
 * Agreement lifecycle (DOMAIN §4): draft → pending_approval → active → (expired | terminated | renewed).
 * A rejected submission goes back to draft to be reworked; `rejected` is kept for one that is abandoned.
 */
export const AGREEMENT_TRANSITIONS: Transitions<AgreementStatus> = {
  draft: ['pending_approval', 'terminated'],
  pending_approval: ['active', 'draft'],
  active: ['expired', 'terminated', 'renewed'],
  expired: ['renewed'],
  terminated: [],
  renewed: [],
  rejected: [],
};

/** A scope entry: industry (null = all industries) × region (null = all regions, covering descendants). */
export interface ScopeCell {
  industryId: string | null;
  regionId: string | null;
}

export interface Term {
  startDate: string; // YYYY-MM-DD
  endDate: string; // YYYY-MM-DD, inclusive
}

/** Two inclusive date ranges share at least one day. Adjacent terms (one ends the day before the other starts) do not. */
export function termsOverlap(a: Term, b: Term): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** Two scope entries overlap when industries match (or either is "all") and one region covers the other. */
export function scopesOverlap(a: ScopeCell, b: ScopeCell, regionCoversFn: (scope: string, region: string) => boolean): boolean {
  const industries = a.industryId === null || b.industryId === null || a.industryId === b.industryId;
  if (!industries) return false;
  if (a.regionId === null || b.regionId === null) return true;
  return regionCoversFn(a.regionId, b.regionId) || regionCoversFn(b.regionId, a.regionId);
}

export interface ExclusiveRequirementsInput {
  type: AgreementType;
  quotaPerPeriod: string | null;
  evaluationPeriod: string | null;
  deposit: { amount: string; dueDate: string; handling: string } | null;
  hasTrackRecord: boolean;
  override: { justification: string } | null;
}

export type MissingRequirement = 'quota' | 'evaluation_period' | 'deposit' | 'track_record';

/** What an exclusive agreement still lacks before it may activate (DOMAIN §4). */
export function missingExclusiveRequirements(i: ExclusiveRequirementsInput): MissingRequirement[] {
  if (i.type !== 'exclusive') return [];
  const missing: MissingRequirement[] = [];
  if (!i.quotaPerPeriod || Number(i.quotaPerPeriod) <= 0) missing.push('quota');
  if (!i.evaluationPeriod) missing.push('evaluation_period');
  if (!i.deposit) missing.push('deposit');
  if (!i.hasTrackRecord && !(i.override && i.override.justification.trim().length >= 10)) missing.push('track_record');
  return missing;
}

export type AgreementGap = 'scope' | 'products' | 'evidence_standard' | 'quota' | 'evaluation_period' | 'deposit' | 'pricing';

/** What a draft still lacks for its type (DOMAIN §4), before it can be submitted. Track record is checked on approval. */
export function agreementGaps(t: {
  type: AgreementType;
  scope: unknown[];
  productIds: unknown[];
  evidenceStandard: { proofOfCommunication: boolean; customerFeedback: boolean; customerDetails: boolean } | null;
  quotaPerPeriod: string | null;
  evaluationPeriod: string | null;
  deposit: unknown | null;
}): AgreementGap[] {
  const gaps: AgreementGap[] = [];
  if (t.scope.length === 0) gaps.push('scope');
  if (t.type === 'distribution' && t.productIds.length === 0) gaps.push('products');
  if (t.type === 'registration' && !t.evidenceStandard) gaps.push('evidence_standard');
  if (t.type === 'exclusive') {
    if (!t.quotaPerPeriod || Number(t.quotaPerPeriod) <= 0) gaps.push('quota');
    if (!t.evaluationPeriod) gaps.push('evaluation_period');
    if (!t.deposit) gaps.push('deposit');
  }
  return gaps;
}

/** A human agreement number: PL-EX-2026-1A2B3C4D (type, start year, id prefix). */
export function agreementNumber(type: AgreementType, startDate: string, id: string): string {
  const code = type === 'exclusive' ? 'EX' : type === 'registration' ? 'RG' : 'DS';
  return `PL-${code}-${startDate.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`;
}

export interface CatalogIds {
  industryIds: readonly string[];
  regions: ReadonlyArray<{ id: string; parentId: string | null }>;
}

/**
 * Expands a scope into (industry, region) cells: each named industry (or every industry) × each named region and
 * all its descendants (or every region). Two scopes overlap exactly when their cell sets intersect, which is what
 * the exclusivity ledger stores and PostgreSQL's exclusion constraint compares.
 */
export function expandScope(scope: readonly ScopeCell[], catalog: CatalogIds): { industryId: string; regionId: string }[] {
  const children = new Map<string, string[]>();
  for (const r of catalog.regions) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const subtree = (id: string): string[] => [id, ...(children.get(id) ?? []).flatMap(subtree)];
  const seen = new Set<string>();
  const cells: { industryId: string; regionId: string }[] = [];
  for (const entry of scope) {
    const industries = entry.industryId === null ? catalog.industryIds : [entry.industryId];
    const regions = entry.regionId === null ? catalog.regions.map((r) => r.id) : subtree(entry.regionId);
    for (const industryId of industries) {
      for (const regionId of regions) {
        const key = `${industryId}|${regionId}`;
        if (!seen.has(key)) {
          seen.add(key);
          cells.push({ industryId, regionId });
        }
      }
    }
  }
  return cells;
}
