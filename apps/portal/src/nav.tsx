import { IconCertificate, IconChartLine, IconFileCertificate, IconFileDescription, IconFileSpreadsheet, IconHome, IconLifebuoy, IconReceipt, IconReceipt2, IconSchool, IconTargetArrow, IconUsersGroup } from '@tabler/icons-react';
import { PARTNER_ROLES, type Role } from '@partnerline/domain';
import type { NavItem } from '@partnerline/ui';
import type { TFunction } from 'i18next';

/** Every screen of the partner portal and the roles that may use it (the API enforces the same). */
export const SCREENS: { to: string; key: string; roles: readonly Role[]; icon: typeof IconHome }[] = [
  { to: '/', key: 'home', roles: PARTNER_ROLES, icon: IconHome },
  { to: '/registrations', key: 'registrations', roles: PARTNER_ROLES, icon: IconTargetArrow },
  { to: '/agreements', key: 'agreements', roles: PARTNER_ROLES, icon: IconFileCertificate },
  { to: '/performance', key: 'performance', roles: PARTNER_ROLES, icon: IconChartLine },
  { to: '/statements', key: 'statements', roles: PARTNER_ROLES, icon: IconReceipt },
  { to: '/sell-out', key: 'sellOut', roles: PARTNER_ROLES, icon: IconFileSpreadsheet },
  { to: '/payments', key: 'payments', roles: PARTNER_ROLES, icon: IconReceipt2 },
  { to: '/learning', key: 'learning', roles: PARTNER_ROLES, icon: IconSchool },
  { to: '/learning/team', key: 'teamTraining', roles: ['partner_admin'], icon: IconCertificate },
  { to: '/support', key: 'support', roles: PARTNER_ROLES, icon: IconLifebuoy },
  { to: '/application', key: 'application', roles: ['partner_admin'], icon: IconFileDescription },
  { to: '/team', key: 'team', roles: PARTNER_ROLES, icon: IconUsersGroup },
];

/** The side navigation for the current location (with or without the /portal base). */
export function portalNav(t: TFunction, location: string): NavItem[] {
  const pathname = location.replace(/^\/portal(?=\/|$)/, '') || '/';
  const matches = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
  // The most specific screen wins: /learning/team lights up "Team training", not "Learning" as well.
  const best = SCREENS.filter((s) => matches(s.to)).sort((a, b) => b.to.length - a.to.length)[0];
  return SCREENS.map((s) => {
    const Icon = s.icon;
    return {
      to: s.to,
      label: t(`nav.${s.key}`),
      icon: <Icon size={18} />,
      roles: s.roles,
      active: s === best,
    };
  });
}
