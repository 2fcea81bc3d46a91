import { daysBetween } from '../common/business-time.js';
import { Dec } from '../common/money.js';
import { addMonths } from '../rebates/periods.js';
import { addDays } from '../training/training.rules.js';

/**
 * A renewal's successor agreement (issue #15; ADR 0018): its term and its quota, as the renewal decision drafts it.
 */

/**
 * The successor's term: it starts the day after the predecessor ends and lasts as long — in whole months when the
 * predecessor ran whole months (2026-01-01…2026-12-31 → 2027-01-01…2027-12-31, leap years included), else in days.
 */
export function successorTerm(startDate: string, endDate: string): { startDate: string; endDate: string } {
  const start = addDays(endDate, 1);
  const months =
    (Number(start.slice(0, 4)) - Number(startDate.slice(0, 4))) * 12 + Number(start.slice(5, 7)) - Number(startDate.slice(5, 7));
  if (months > 0 && addMonths(startDate, months) === start) return { startDate: start, endDate: addDays(addMonths(start, months), -1) };
  return { startDate: start, endDate: addDays(start, daysBetween(startDate, endDate)) };
}

/** The successor's quota per period: the manager's, else the suggested one when there is one above zero, else the current terms'. */
export function successorQuota(input: string | undefined, suggested: string | null, current: string | null): string | null {
  if (input !== undefined) return new Dec(input).toFixed(2);
  if (suggested !== null && new Dec(suggested).gt(0)) return suggested;
  return current;
}

/**
 * When a renewal on probation may be checked: within the successor's term, and never before tomorrow (a term that
 * already started is checked from the day after the decision).
 */
export function probationCheckWindow(term: { startDate: string; endDate: string }, today: string): { from: string; until: string } {
  return { from: term.startDate > today ? term.startDate : addDays(today, 1), until: term.endDate };
}
