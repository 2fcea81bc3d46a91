import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { LoginPage, meQueryOptions, safeRedirect } from '@partnerline/ui';
import { z } from 'zod';

export const Route = createFileRoute('/login')({
  validateSearch: z.object({ redirect: z.string().optional() }),
  beforeLoad: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData(meQueryOptions());
    if (user) throw redirect({ to: '/' });
  },
  component: Login,
});

function Login() {
  const navigate = useNavigate();
  const { redirect: target } = Route.useSearch();
  return (
    <LoginPage
      app="admin"
      onSuccess={() => void navigate({ href: safeRedirect(target, '/admin') })}
    />
  );
}
