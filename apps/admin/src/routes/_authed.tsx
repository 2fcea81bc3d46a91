import { createFileRoute, Outlet, redirect, useNavigate, useRouterState } from '@tanstack/react-router';
import { IconBuildingStore, IconFileCertificate, IconHistory, IconHome, IconLayoutGrid, IconSettings, IconUsers } from '@tabler/icons-react';
import { isPartnerRole, VENDOR_ROLES } from '@partnerline/domain';
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
  if (isPartnerRole(user.role)) return <WrongAppPage target="portal" onLogout={doLogout} />;

  const is = (p: string) => (p === '/' ? path === '/admin/' || path === '/admin' : path.startsWith(`/admin${p}`));
  const nav: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={18} />, roles: VENDOR_ROLES, active: is('/') },
    { to: '/partners', label: t('nav.partners'), icon: <IconBuildingStore size={18} />, roles: VENDOR_ROLES, active: is('/partners') },
    { to: '/agreements', label: t('nav.agreements'), icon: <IconFileCertificate size={18} />, roles: VENDOR_ROLES, active: is('/agreements') },
    { to: '/segments', label: t('nav.segments'), icon: <IconLayoutGrid size={18} />, roles: VENDOR_ROLES, active: is('/segments') },
    { to: '/policies', label: t('nav.policies'), icon: <IconSettings size={18} />, roles: VENDOR_ROLES, active: is('/policies') },
    { to: '/users', label: t('nav.users'), icon: <IconUsers size={18} />, roles: ['vendor_admin'], active: is('/users') },
    { to: '/audit', label: t('nav.audit'), icon: <IconHistory size={18} />, roles: ['vendor_admin', 'leadership'], active: is('/audit') },
  ];
  return (
    <AppLayout
      user={user}
      appName={t('appName')}
      nav={nav}
      onNavigate={(to) => {
        const inApp = to.startsWith('/admin/') ? to.slice('/admin'.length) : to;
        if (to.startsWith('/portal')) window.location.href = to;
        else void navigate({ to: inApp as '/' });
      }}
      onLogout={doLogout}
    >
      <Outlet />
    </AppLayout>
  );
}
