import type { AgreementStatus, AgreementType } from './agreement.rules.js';

/** The partner and the type of an agreement are fixed: editing a draft or amending may change neither. */
export function changesParties(
  current: { partnerId: string; type: AgreementType },
  next: { partnerId: string; type: AgreementType },
): boolean {
  return current.partnerId !== next.partnerId || current.type !== next.type;
}

/** An active agreement cannot be terminated with effect before it started (dates are YYYY-MM-DD). */
export function terminationTooEarly(a: { status: AgreementStatus; startDate: string }, effectiveDate: string): boolean {
  return a.status === 'active' && effectiveDate < a.startDate;
}

export type AgreementAction = 'edit' | 'submit' | 'approve' | 'reject' | 'terminate' | 'amend';

/** What vendor staff who manage agreements may do next; partners and other roles only read. */
export function agreementActions(a: { status: AgreementStatus; pendingAmendment: boolean }, managesAgreements: boolean): AgreementAction[] {
  if (!managesAgreements) return [];
  const actions: AgreementAction[] = [];
  if (a.status === 'draft') actions.push('edit', 'submit', 'terminate');
  if (a.status === 'pending_approval' || a.pendingAmendment) actions.push('approve', 'reject');
  if (a.status === 'active') actions.push('terminate', ...(a.pendingAmendment ? [] : (['amend'] as const)));
  return actions;
}
