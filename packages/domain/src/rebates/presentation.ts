import { Dec } from '../common/money.js';
import type { RebateProgramme } from './rebates.schemas.js';

/**
 * Pure rules behind what the rebate screens show: totals and counts of a statement's lines, who may dispute a line,
 * pace against time, and which sentence describes the next tier or a what-if. The apps word the outcomes; the API
 * enforces the same dispute rule.
 */

type LineKind = 'deal' | 'sell_out' | 'clawback' | 'adjustment';

/** The statement lines' rebates summed exactly, two decimals (the "n lines, total" figure). */
export function statementLinesTotal(lines: readonly { rebate: string }[]): string {
  return lines.reduce((acc, l) => acc.plus(l.rebate), new Dec(0)).toFixed(2);
}

/** How many lines make up the basis (won deals and sell-out lines; clawbacks and adjustments are not basis). */
export function basisLineCount(lines: readonly { kind: LineKind | (string & {}) }[]): number {
  return lines.filter((l) => l.kind === 'deal' || l.kind === 'sell_out').length;
}

/** The refusal codes of POST /rebate-statements/:id/lines/:lineId/dispute. */
export type DisputeRefusal = 'REBATE_DISPUTE_NOT_ALLOWED' | 'REBATE_DISPUTE_OPEN';

/**
 * Why a line may not be disputed, or null: a draft statement cannot be disputed (a partner does not even see one), and
 * a line takes one open dispute at a time (after an adjusted or rejected one it may be disputed again). Any line kind.
 */
export function disputeRefusal(statement: { status: string }, line: { openDispute: boolean }): DisputeRefusal | null {
  if (statement.status === 'draft') return 'REBATE_DISPUTE_NOT_ALLOWED';
  if (line.openDispute) return 'REBATE_DISPUTE_OPEN';
  return null;
}

/** The role that may dispute a line (the API's route allows only it). */
export const REBATE_DISPUTE_ROLE = 'partner_admin';

/** Whether `role` may dispute this line now (the portal offers the button exactly when the API would accept). */
export function canDisputeLine(
  statement: { status: string },
  line: { dispute: { status: string } | null },
  role: string | null | undefined,
): boolean {
  return role === REBATE_DISPUTE_ROLE && disputeRefusal(statement, { openDispute: line.dispute?.status === 'open' }) === null;
}

/** quota × elapsed fraction, to the cent (half up): where achievement should be by now at an even pace. */
export function expectedByNow(quota: string, elapsedFraction: number): string {
  return new Dec(quota).times(elapsedFraction).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/** Attainment below the attainment expected by now (both percentages; no attainment counts as 0). */
export function behindPace(attainmentPercent: string | number | null, pacePercent: string | number): boolean {
  return new Dec(attainmentPercent ?? 0).lt(pacePercent);
}

/**
 * Which sentence says what the next tier would bring:
 * - 'no_programme': nothing to say;
 * - 'no_next_tier': no tier reached and none to reach (e.g. no quota);
 * - 'top_tier': the highest tier is reached;
 * - 'from_there': reaching the next tier adds nothing by itself (incremental bands: the band above starts empty);
 * - 'next_band' (volume pricing) / 'next_tier': how much more, and what it would pay.
 */
export type NextTierOutcome = 'no_programme' | 'no_next_tier' | 'top_tier' | 'from_there' | 'next_band' | 'next_tier';

export function nextTierOutcome(
  result: { tierIndex: number | null; next: { increase: string } | null },
  programme: Pick<RebateProgramme, 'kind'> | null | undefined,
): NextTierOutcome {
  if (!programme) return 'no_programme';
  if (!result.next) return result.tierIndex === null ? 'no_next_tier' : 'top_tier';
  if (new Dec(result.next.increase).isZero()) return 'from_there';
  return programme.kind === 'volume_pricing' ? 'next_band' : 'next_tier';
}

/** What a won deal would do to the tier: nothing reached, a higher tier, or the same tier (more rebate). */
export type WhatIfOutcome = 'nothing' | 'tier_up' | 'same_tier';

export function whatIfOutcome(w: { tierBefore: number | null; tierAfter: number | null }): WhatIfOutcome {
  if (w.tierAfter === null) return 'nothing';
  return w.tierAfter !== w.tierBefore ? 'tier_up' : 'same_tier';
}

/** Agreement statuses that have (or had) periods to measure: the live one and the ended ones. */
export const PERFORMANCE_STATUSES = ['active', 'expired', 'terminated', 'renewed'] as const;

/** Whether an agreement in this status has a performance to show. */
export function hasPerformance(status: string): boolean {
  return (PERFORMANCE_STATUSES as readonly string[]).includes(status);
}
