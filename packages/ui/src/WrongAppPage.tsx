import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown when a partner signs in to the admin app, or vendor staff to the portal. */
export function WrongAppPage({ target, onLogout }: { target: 'admin' | 'portal'; onLogout: () => void }) {
  const { t } = useTranslation('ui');
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)">
      <Paper withBorder p="xl" radius="lg" w={440}>
        <Stack>
          <Title order={3}>{t('wrongApp.title')}</Title>
          <Text c="dimmed">{t(target === 'portal' ? 'wrongApp.toPortal' : 'wrongApp.toAdmin')}</Text>
          <Button component="a" href={target === 'portal' ? '/portal/' : '/admin/'}>
            {t(target === 'portal' ? 'wrongApp.goPortal' : 'wrongApp.goAdmin')}
          </Button>
          <Button variant="subtle" onClick={onLogout}>
            {t('layout.logout')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
