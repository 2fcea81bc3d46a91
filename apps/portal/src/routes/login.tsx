import { Anchor, Text } from '@mantine/core';
import { createFileRoute, Link, redirect, useNavigate } from '@tanstack/react-router';
import { LoginPage, meQueryOptions, publicConfigQueryOptions, safeRedirect } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect: target } = Route.useSearch();
  // The demo password hint only when the demo data is loaded (a flag the seed sets), never otherwise.
  const { data: config } = useQuery(publicConfigQueryOptions());
  return (
    <LoginPage
      app="portal"
      demoHint={config?.demoData ?? false}
      onSuccess={() => void navigate({ href: safeRedirect(target, '/portal') })}
      footer={
        <Text ta="center" size="sm">
          <Anchor renderRoot={(props) => <Link {...props} to="/apply" />}>{t('apply.cta')}</Anchor>
        </Text>
      }
    />
  );
}
