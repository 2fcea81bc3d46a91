import type { PartnerStatus } from './partner.schema.js';

/** A closed organisation (rejected at screening, or terminated) takes on no new users and no new agreements. */
export function isClosedPartner(status: PartnerStatus): boolean {
  return status === 'rejected' || status === 'terminated';
}

/** Scorecards belong to screening: an applicant is scored while applied, in screening or on trial. */
export function mayBeScored(status: PartnerStatus): boolean {
  return status === 'applied' || status === 'screening' || status === 'trial';
}

/** An agreement activates only for an approved partner that is in screening, on trial or already active. */
export function mayActivateAgreement(partner: { status: PartnerStatus; approved: boolean }): boolean {
  return partner.approved && (partner.status === 'screening' || partner.status === 'trial' || partner.status === 'active');
}

/** A partner becomes active with its first active agreement: the status it moves to, or null when it stays. */
export function statusOnAgreementActivated(status: PartnerStatus): PartnerStatus | null {
  return status === 'screening' || status === 'trial' ? 'active' : null;
}

/** How long an emailed invitation to set a password stays valid. */
export const INVITATION_VALID_DAYS = 7;

export function invitationExpiresAt(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000);
}
