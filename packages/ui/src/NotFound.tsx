import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The app's 404 page; `home` is the app's start page (e.g. /admin/); `message` says what was not found (a record). */
export function NotFound({ home, message }: { home: string; message?: string }) {
  const { t } = useTranslation('ui');
  return (
    <Center py={100}>
      <Stack align="center">
        <Title order={2}>404</Title>
        <Text c="dimmed">{message ?? t('errors.notFound')}</Text>
        <Button component="a" href={home}>
          {t('errors.back')}
        </Button>
      </Stack>
    </Center>
  );
}
