import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { LoginPage, meQueryOptions, publicConfigQueryOptions, safeRedirect } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
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
  // The demo password hint only when the demo data is loaded (a flag the seed sets), never otherwise.
  const { data: config } = useQuery(publicConfigQueryOptions());
  return (
    <LoginPage
      app="admin"
      demoHint={config?.demoData ?? false}
      onSuccess={() => void navigate({ href: safeRedirect(target, '/admin') })}
    />
  );
}
