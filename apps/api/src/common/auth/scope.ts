import { isPartnerRole, type Scope, VENDOR_SCOPE } from '@partnerline/domain';
import type { AuthenticatedUser } from '../http/request-context';

/**
 * The records a caller may see: one organisation for partner roles, vendor-wide for vendor staff.
 * List queries take the Scope; another organisation's record then simply does not exist (404).
 */
export function scopeOf(user: AuthenticatedUser): Scope {
  if (isPartnerRole(user.role)) return { kind: 'partner', partnerId: user.partnerId as string };
  return VENDOR_SCOPE;
}
