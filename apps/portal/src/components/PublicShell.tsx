import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { BrandMark, LanguageSwitch } from '@partnerline/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of a public page (no sign-in): the brand, the language switch, the content, a footer. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Box bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="sm">
          <Group justify="space-between">
            <BrandMark size="sm" />
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container size="sm" py={48}>
        <Stack>{children}</Stack>
        <Text size="xs" c="dimmed" ta="center" mt="xl">
          {t('verify.footer')}{' '}
          <Anchor href="/portal/login" size="xs">
            {t('verify.signIn')}
          </Anchor>
        </Text>
      </Container>
    </Box>
  );
}
