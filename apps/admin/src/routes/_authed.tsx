import { createFileRoute, Outlet, redirect, useLocation, useNavigate } from '@tanstack/react-router';
import { isPartnerRole } from '@partnerline/domain';
import { AppLayout, meQueryOptions, useLogout, WrongAppPage } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminNav } from '../nav';

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
  const pathname = useLocation({ select: (l) => l.pathname });
  const doLogout = () => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: {} }) });
  if (!user) return null;
  if (isPartnerRole(user.role)) return <WrongAppPage target="portal" user={user} onLogout={doLogout} />;

  return (
    <AppLayout
      user={user}
      appName={t('appName')}
      basePath="/admin"
      nav={adminNav(t, pathname)}
      onNavigate={(to) => {
        // Notification links may point into either app.
        if (to.startsWith('/portal')) window.location.href = to;
        else void navigate({ to: (to.startsWith('/admin/') ? to.slice('/admin'.length) : to) as '/' });
      }}
      onLogout={doLogout}
    >
      <Outlet />
    </AppLayout>
  );
}
