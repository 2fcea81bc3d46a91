import { createFileRoute, Outlet, redirect, useNavigate, useRouterState } from '@tanstack/react-router';
import { IconFileCertificate, IconFileDescription, IconHome, IconUsersGroup } from '@tabler/icons-react';
import { isVendorRole, PARTNER_ROLES } from '@partnerline/domain';
import { AppLayout, meQueryOptions, type NavItem, useLogout, WrongAppPage } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

export const Route = createFileRoute('/_authed')({
  beforeLoad: async ({ context, location }) => {
    const user = await context.queryClient.ensureQueryData(meQueryOptions());
    if (!user) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { user };
  },
  component: AuthedLayout,
});

function AuthedLayout() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const navigate = useNavigate();
  const logout = useLogout();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const doLogout = () => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: {} }) });
  if (!user) return null;
  if (isVendorRole(user.role)) return <WrongAppPage target="admin" onLogout={doLogout} />;
  const is = (p: string) => (p === '/' ? path === '/portal/' || path === '/portal' : path.startsWith(`/portal${p}`));
  const nav: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={18} />, roles: PARTNER_ROLES, active: is('/') },
    { to: '/agreements', label: t('nav.agreements'), icon: <IconFileCertificate size={18} />, roles: PARTNER_ROLES, active: is('/agreements') },
    { to: '/application', label: t('nav.application'), icon: <IconFileDescription size={18} />, roles: ['partner_admin'], active: is('/application') },
    { to: '/team', label: t('nav.team'), icon: <IconUsersGroup size={18} />, roles: PARTNER_ROLES, active: is('/team') },
  ];
  return (
    <AppLayout
      user={user}
      appName={t('appName')}
      nav={nav}
      onNavigate={(to) => {
        if (to.startsWith('/admin')) window.location.href = to;
        else void navigate({ to: (to.startsWith('/portal') ? to.slice('/portal'.length) || '/' : to) as '/' });
      }}
      onLogout={doLogout}
    >
      <Outlet />
    </AppLayout>
  );
}
