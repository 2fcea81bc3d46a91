import { IconActivityHeartbeat, IconArrowsSplit, IconBuildingStore, IconClipboardCheck, IconFileCertificate, IconHistory, IconHome, IconLayoutGrid, IconLifebuoy, IconReceipt2, IconRefreshDot, IconSchool, IconSettings, IconTargetArrow, IconUsers } from '@tabler/icons-react';
import { type Role, VENDOR_ROLES } from '@partnerline/domain';
import type { NavItem } from '@partnerline/ui';
import type { TFunction } from 'i18next';

/** Every screen of the vendor workspace and the roles that may use it (the API enforces the same). */
export const SCREENS: { to: string; key: string; roles: readonly Role[]; icon: typeof IconHome }[] = [
  { to: '/', key: 'home', roles: VENDOR_ROLES, icon: IconHome },
  { to: '/partners', key: 'partners', roles: VENDOR_ROLES, icon: IconBuildingStore },
  { to: '/registrations', key: 'registrations', roles: VENDOR_ROLES, icon: IconTargetArrow },
  { to: '/conflicts', key: 'conflicts', roles: VENDOR_ROLES, icon: IconArrowsSplit },
  { to: '/agreements', key: 'agreements', roles: VENDOR_ROLES, icon: IconFileCertificate },
  { to: '/rebates', key: 'rebates', roles: VENDOR_ROLES, icon: IconReceipt2 },
  { to: '/renewals', key: 'renewals', roles: VENDOR_ROLES, icon: IconRefreshDot },
  // Courses, certification paths and certificates: one screen group with its own tabs.
  { to: '/training', key: 'training', roles: VENDOR_ROLES, icon: IconSchool },
  { to: '/qualification-reviews', key: 'qualificationReviews', roles: VENDOR_ROLES, icon: IconClipboardCheck },
  { to: '/support', key: 'support', roles: VENDOR_ROLES, icon: IconLifebuoy },
  { to: '/segments', key: 'segments', roles: VENDOR_ROLES, icon: IconLayoutGrid },
  { to: '/policies', key: 'policies', roles: VENDOR_ROLES, icon: IconSettings },
  { to: '/users', key: 'users', roles: ['vendor_admin'], icon: IconUsers },
  { to: '/audit', key: 'audit', roles: ['vendor_admin', 'leadership'], icon: IconHistory },
  { to: '/operations', key: 'operations', roles: ['vendor_admin'], icon: IconActivityHeartbeat },
];

/**
 * The vendor roles that manage (leadership reads only): author courses and paths, revoke certificates, run reviews and
 * answer support requests; run rebates, approve and pay statements, resolve disputes, post deposits, payments and quotas.
 */
export const MANAGER_ROLES: readonly Role[] = ['vendor_admin', 'channel_manager'];
export const canManageTraining = (role: Role | undefined): boolean => !!role && MANAGER_ROLES.includes(role);
/** The same roles as training (one list): kept as its own name so the rebates screens read what they check. */
export const canManageRebates = canManageTraining;
/** Renewal reviews: channel managers and admins record findings, decisions, probation checks and incidents. */
export const canManageRenewals = canManageTraining;

export function canUse(role: Role, to: string): boolean {
  return SCREENS.some((s) => s.to === to && s.roles.includes(role));
}

/** The side navigation for the current location (with or without the /admin base). */
export function adminNav(t: TFunction, location: string): NavItem[] {
  const pathname = location.replace(/^\/admin(?=\/|$)/, '') || '/';
  return SCREENS.map((s) => {
    const Icon = s.icon;
    return {
      to: s.to,
      label: t(`nav.${s.key}`),
      icon: <Icon size={18} />,
      roles: s.roles,
      active: s.to === '/' ? pathname === '/' : pathname === s.to || pathname.startsWith(`${s.to}/`),
    };
  });
}
