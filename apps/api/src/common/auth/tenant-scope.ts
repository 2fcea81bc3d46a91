import { isPartnerRole } from '@partnerline/domain';
import type { AuthenticatedUser } from '../http/request-context';

/**
 * The organisation a caller is confined to: its own for partner roles, none (null) for vendor staff.
 * Every partner-side query filters by this; another organisation's record then simply does not exist (404).
 */
export function tenantOf(user: AuthenticatedUser): string | null {
  return isPartnerRole(user.role) ? user.partnerId : null;
}
