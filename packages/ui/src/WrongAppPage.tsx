import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { User } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark';

/** Shown when a partner signs in to the admin app, or vendor staff to the portal. */
export function WrongAppPage({ target, user, onLogout }: { target: 'admin' | 'portal'; user?: User; onLogout: () => void }) {
  const { t } = useTranslation('ui');
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" px="md">
      <Stack w={460} gap="lg">
        <BrandMark />
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          <Stack>
            <Title order={3}>{t('wrongApp.title')}</Title>
            <Text c="dimmed">{t(target === 'portal' ? 'wrongApp.toPortal' : 'wrongApp.toAdmin')}</Text>
            {user && (
              <Text size="sm">
                {t('layout.signedInAs')}: <b>{user.displayName}</b> · {user.email} · {t(`roles.${user.role}`)}
              </Text>
            )}
            <Button component="a" href={target === 'portal' ? '/portal/' : '/admin/'}>
              {t(target === 'portal' ? 'wrongApp.goPortal' : 'wrongApp.goAdmin')}
            </Button>
            <Button variant="subtle" onClick={onLogout}>
              {t('layout.logout')}
            </Button>
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}

/** A page the signed-in role may not use: says so, names the role, and whom to ask (instead of a silent redirect). */
export function NoAccessPage({ user, homeHref }: { user: User; homeHref: string }) {
  const { t } = useTranslation('ui');
  return (
    <Center py={64} px="md">
      <Paper withBorder shadow="sm" p="xl" radius="lg" maw={520} w="100%">
        <Stack>
          <Title order={3}>{t('account.noAccessTitle')}</Title>
          <Text>{t('account.noAccess', { role: t(`roles.${user.role}`) })}</Text>
          <Text size="sm" c="dimmed">
            {t('layout.signedInAs')}: <b>{user.displayName}</b> · {user.email}
          </Text>
          <Button component="a" href={homeHref} variant="light" w="fit-content">
            {t('account.goHome')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
