import type { IncentiveCoefficient } from '../agreements/agreement.schema.js';
import { Dec } from '../common/money.js';

/** What a coefficient rule looks at on one basis line. */
export interface CoefficientSubject {
  /** The product lines of the registration's products (a sell-out line: its product's line). */
  productLineIds: readonly string[];
  /** The customer's industry (null when unknown, e.g. a sell-out line). */
  industryId: string | null;
}

/** Whether one rule applies: its product line among the line's, its industry the line's; a rule naming both needs both. */
export function coefficientMatches(rule: Pick<IncentiveCoefficient, 'productLineId' | 'industryId'>, s: CoefficientSubject): boolean {
  if (rule.productLineId === null && rule.industryId === null) return false;
  if (rule.productLineId !== null && !s.productLineIds.includes(rule.productLineId)) return false;
  if (rule.industryId !== null && rule.industryId !== s.industryId) return false;
  return true;
}

/**
 * The incentive coefficient (激励系数) of one basis line (issue #14): the highest coefficient among the agreement's
 * rules that match it; '1' when none match (or there are no rules). Exact decimal string.
 */
export function coefficientFor(rules: readonly Pick<IncentiveCoefficient, 'productLineId' | 'industryId' | 'coefficient'>[], s: CoefficientSubject): string {
  let best: InstanceType<typeof Dec> | null = null;
  for (const r of rules) {
    if (!coefficientMatches(r, s)) continue;
    const c = new Dec(r.coefficient);
    if (best === null || c.gt(best)) best = c;
  }
  return best === null ? '1' : best.toFixed();
}
