import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './api';

export function PageLoader() {
  return (
    <Center py={80}>
      <Loader />
    </Center>
  );
}

/** A route's error: the API's translated message when there is one. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('ui');
  const message = errorMessage(error);
  return (
    <Stack maw={560} mx="auto" py="xl">
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.generic')}>
        <Text size="sm">{message}</Text>
      </Alert>
      {onRetry && (
        <Button variant="light" onClick={onRetry} w="fit-content">
          {t('errors.retry')}
        </Button>
      )}
    </Stack>
  );
}
