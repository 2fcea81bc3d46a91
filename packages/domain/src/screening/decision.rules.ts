import type { PartnerStatus } from '../partners/partner.schema.js';
import type { Decision } from './application.schema.js';

export type DecisionKind = Decision['decision'];

export interface DecisionContext {
  status: PartnerStatus;
  approved: boolean;
  /** Did the most recent scorecard pass (total ≥ pass mark, no knock-out)? null when none exists. */
  latestScorecardPassed: boolean | null;
}

export type DecisionBlock =
  | { reason: 'not_in_screening'; status: PartnerStatus }
  | { reason: 'no_scorecard' }
  | { reason: 'scorecard_failed' }
  | { reason: 'already_approved' };

/**
 * Which screening decisions are open. Rejecting and asking for information are always possible while
 * an application is open; approving (for a trial or outright) needs a passing scorecard, once.
 */
export function decisionBlock(kind: DecisionKind, ctx: DecisionContext): DecisionBlock | null {
  if (ctx.status !== 'applied' && ctx.status !== 'screening') return { reason: 'not_in_screening', status: ctx.status };
  if (kind === 'reject' || kind === 'request_info') return null;
  if (ctx.approved) return { reason: 'already_approved' };
  if (ctx.latestScorecardPassed === null) return { reason: 'no_scorecard' };
  if (!ctx.latestScorecardPassed) return { reason: 'scorecard_failed' };
  return null;
}

export function allowedDecisions(ctx: DecisionContext): DecisionKind[] {
  return (['reject', 'request_info', 'approve_trial', 'approve'] as const).filter((k) => decisionBlock(k, ctx) === null);
}

/** The lifecycle status a decision leads to. */
export function statusAfterDecision(kind: DecisionKind, current: PartnerStatus): PartnerStatus {
  switch (kind) {
    case 'reject':
      return 'rejected';
    case 'approve_trial':
      return 'trial';
    default:
      return current === 'applied' ? 'screening' : current;
  }
}
