import type { PartnerStatus } from '../partners/partner.schema.js';

/**
 * Where an applicant stands, as both sides see it. Finer than the lifecycle status: "screening"
 * splits into waiting for information and approved-for-agreement; "trial" into running and succeeded.
 */
export type PartnerStage =
  | 'applied'
  | 'screening'
  | 'info_requested'
  | 'approved'
  | 'trial'
  | 'trial_succeeded'
  | 'rejected'
  | 'active'
  | 'suspended'
  | 'terminated';

export function partnerStage(p: {
  status: PartnerStatus;
  approved: boolean;
  openInfoRequests: number;
  trialOutcome: 'success' | 'failure' | null;
}): PartnerStage {
  switch (p.status) {
    case 'screening':
      if (p.openInfoRequests > 0) return 'info_requested';
      return p.approved ? 'approved' : 'screening';
    case 'applied':
      return p.openInfoRequests > 0 ? 'info_requested' : 'applied';
    case 'trial':
      return p.trialOutcome === 'success' ? 'trial_succeeded' : 'trial';
    default:
      return p.status;
  }
}
