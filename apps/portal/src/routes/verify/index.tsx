import { Button, Card, Group, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldCheck } from '@tabler/icons-react';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
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
  const form = useForm({ initialValues: { code: '' }, validate: { code: (v) => (v.trim().length < 4 ? t('verify.codeRequired') : null) } });
  const submit = form.onSubmit(({ code }) => void navigate({ to: '/verify/$code', params: { code: code.trim() } }));
  return (
    <Card withBorder radius="lg" p="xl" component="form" onSubmit={(e) => submit(e as unknown as React.FormEvent<HTMLFormElement>)}>
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
          <TextInput label={t('verify.code')} placeholder="XXXX-XXXX-XXXX" {...form.getInputProps('code')} style={{ flex: 1 }} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
          <Button type="submit" mt={25}>
            {t('verify.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
