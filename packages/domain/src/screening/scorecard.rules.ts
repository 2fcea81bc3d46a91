import type { PartnerType } from '../partners/partner.schema.js';

/** The criteria of each partner profile (DOMAIN §3), in display order. */
export const STRATEGIC_CRITERIA = ['customerRelationships', 'execution', 'strategicFit', 'segmentCoverage'] as const;
export const SMB_CRITERIA = ['cashFlowStability', 'customerProximity', 'dedicatedOwner', 'integrityCompliance'] as const;
export type StrategicCriterion = (typeof STRATEGIC_CRITERIA)[number];
export type SmbCriterion = (typeof SMB_CRITERIA)[number];
export type Criterion = StrategicCriterion | SmbCriterion;

export function criteriaFor(type: PartnerType): readonly Criterion[] {
  return type === 'strategic' ? STRATEGIC_CRITERIA : SMB_CRITERIA;
}

/** Which criterion carries the integrity knock-out for a profile (SMB has its own; strategic uses a separate integrity check). */
export const INTEGRITY_CRITERION: Record<PartnerType, Criterion | null> = { strategic: null, smb: 'integrityCompliance' };

export interface ScorecardPolicy {
  passMark: number;
  integrityKnockoutBelow: number;
  weights: Record<string, number>;
}

export interface ScorecardResult {
  /** 0–100, two decimals. */
  total: number;
  knockedOut: boolean;
  passed: boolean;
  /** Why it did not pass, as stable codes for the apps to translate. */
  reasons: ('below_pass_mark' | 'integrity_knockout')[];
  /** Each criterion's weighted contribution to the total. */
  contributions: Record<string, number>;
}

/**
 * Scores a scorecard: each criterion 0–5, weighted; total = Σ(score/5 × weight) / Σweights × 100.
 * Integrity below the knock-out mark fails the card whatever the total. `integrity` is the separate
 * integrity score a strategic card carries (strategic profiles have no integrity criterion of their own).
 */
export function scoreScorecard(
  type: PartnerType,
  scores: Record<string, number>,
  policy: ScorecardPolicy,
  integrity?: number,
): ScorecardResult {
  const criteria = criteriaFor(type);
  const totalWeight = criteria.reduce((s, c) => s + (policy.weights[c] ?? 0), 0);
  const contributions: Record<string, number> = {};
  let weighted = 0;
  for (const c of criteria) {
    const score = scores[c];
    if (score === undefined || !Number.isInteger(score) || score < 0 || score > 5)
      throw new RangeError(`score for ${c} must be an integer 0–5`);
    const part = totalWeight === 0 ? 0 : ((score / 5) * (policy.weights[c] ?? 0) * 100) / totalWeight;
    contributions[c] = round2(part);
    weighted += part;
  }
  const total = round2(weighted);
  const integrityScore = INTEGRITY_CRITERION[type] ? scores[INTEGRITY_CRITERION[type]!] : integrity;
  const knockedOut = integrityScore !== undefined && integrityScore < policy.integrityKnockoutBelow;
  const reasons: ScorecardResult['reasons'] = [];
  if (total < policy.passMark) reasons.push('below_pass_mark');
  if (knockedOut) reasons.push('integrity_knockout');
  return { total, knockedOut, passed: reasons.length === 0, reasons, contributions };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
