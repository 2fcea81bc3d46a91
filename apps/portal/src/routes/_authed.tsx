import { createFileRoute, Outlet, redirect, useLocation, useNavigate } from '@tanstack/react-router';
import { isVendorRole } from '@partnerline/domain';
import { AppLayout, meQueryOptions, useLogout, WrongAppPage } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { portalNav } from '../nav';

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
  if (isVendorRole(user.role)) return <WrongAppPage target="admin" user={user} onLogout={doLogout} />;

  return (
    <AppLayout
      user={user}
      appName={t('appName')}
      basePath="/portal"
      nav={portalNav(t, pathname)}
      onNavigate={(to) => {
        // Notification links may point into either app.
        if (to.startsWith('/admin')) window.location.href = to;
        else void navigate({ to: (to.startsWith('/portal') ? to.slice('/portal'.length) || '/' : to) as '/' });
      }}
      onLogout={doLogout}
    >
      <Outlet />
    </AppLayout>
  );
}
