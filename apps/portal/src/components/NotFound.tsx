import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation('ui');
  return (
    <Center py={100}>
      <Stack align="center">
        <Title order={2}>404</Title>
        <Text c="dimmed">{t('errors.notFound')}</Text>
        <Button component={Link} to="/">
          {t('errors.back')}
        </Button>
      </Stack>
    </Center>
  );
}
