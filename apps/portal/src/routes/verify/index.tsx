import { Button, Card, Group, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicShell } from '../../components/PublicShell';

export const Route = createFileRoute('/verify/')({ component: VerifyForm });

/** Public: anyone (a customer, a tender office) can check a certificate by its verification code. */
function VerifyForm() {
  const { t } = useTranslation();
  return (
    <PublicShell>
      <CodeForm />
      <Text size="sm" c="dimmed" ta="center">
        {t('verify.explain')}
      </Text>
    </PublicShell>
  );
}

function CodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const value = code.trim();
    if (value.length < 4) return setError(t('verify.codeRequired'));
    setError(null);
    void navigate({ to: '/verify/$code', params: { code: value } });
  };
  return (
    <Card withBorder radius="lg" p="xl" component="form" onSubmit={submit}>
      <Stack>
        <Group gap="sm">
          <ThemeIcon size={44} radius="md" variant="light" color="indigo">
            <IconShieldCheck size={26} />
          </ThemeIcon>
          <div>
            <Title order={2}>{t('verify.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('verify.subtitle')}
            </Text>
          </div>
        </Group>
        <Group align="flex-start" wrap="nowrap">
          <TextInput label={t('verify.code')} placeholder="XXXX-XXXX-XXXX" value={code} onChange={(e) => setCode(e.currentTarget.value)} error={error} style={{ flex: 1 }} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
          <Button type="submit" mt={25}>
            {t('verify.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
