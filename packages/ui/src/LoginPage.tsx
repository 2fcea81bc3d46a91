import { Alert, Anchor, Box, Button, Group, List, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginSchema, type User } from '@partnerline/domain';
import { ApiError } from './api';
import { useLogin } from './auth';
import { BrandMark } from './BrandMark';
import { zodForm } from './forms';
import { LanguageSwitch } from './LanguageSwitch';

export interface LoginPageProps {
  app: 'admin' | 'portal';
  onSuccess: (user: User) => void;
  /** Extra content under the form (e.g. "apply to become a partner"). */
  footer?: ReactNode;
  /** Show the demo password: only when the demo data is loaded (GET /auth/config `demoData`, a flag the seed sets). */
  demoHint?: boolean;
}

const POINTS = ['point1', 'point2', 'point3'] as const;
const loginForm = zodForm(LoginSchema);

/** Sign-in for both apps: a short pitch of what the app is for beside the form. */
export function LoginPage({ app, onSuccess, footer, demoHint = false }: LoginPageProps) {
  const { t } = useTranslation('ui');
  const login = useLogin();
  const form = useForm({ initialValues: { email: '', password: '' }, validate: loginForm.validate });

  const submit = form.onSubmit((values) =>
    login.mutate(loginForm.parse(values), {
      onSuccess: (r) => onSuccess(r.user),
      onError: (err) => {
        if (err instanceof ApiError) form.setErrors(err.fieldErrors());
      },
    }),
  );

  const error = login.error instanceof ApiError ? (login.error.issues.length === 0 ? login.error.message : null) : login.error ? t('errors.generic') : null;

  return (
    <Box mih="100vh" style={{ display: 'flex' }}>
      <Box
        visibleFrom="md"
        w="42%"
        p={48}
        style={{ background: 'linear-gradient(160deg, var(--mantine-color-indigo-9) 0%, var(--mantine-color-indigo-7) 55%, var(--mantine-color-cyan-8) 100%)' }}
      >
        <Stack justify="space-between" h="100%">
          <BrandMark size="lg" tagline inverted />
          <Stack gap="lg" maw={440}>
            <Title order={2} c="white" fw={600}>
              {t(`login.${app}.headline`)}
            </Title>
            <List spacing="md" c="indigo.0" icon={<ThemeIcon size={22} radius="xl" color="white" variant="white" c="indigo.7"><IconCheck size={14} /></ThemeIcon>}>
              {POINTS.map((p) => (
                <List.Item key={p}>{t(`login.${app}.${p}`)}</List.Item>
              ))}
            </List>
          </Stack>
          <Text size="xs" c="indigo.2">
            {t('login.openSource')}
          </Text>
        </Stack>
      </Box>
      <Box style={{ flex: 1 }} bg="var(--mantine-color-gray-0)">
        <Group justify="space-between" p="md">
          <Box hiddenFrom="md">
            <BrandMark size="sm" />
          </Box>
          <Box ml="auto">
            <LanguageSwitch />
          </Box>
        </Group>
        <Stack w="100%" maw={440} mx="auto" px="md" pt={{ base: 24, md: 96 }} pb={64} gap="lg">
          <Paper withBorder shadow="sm" p="xl" radius="lg" component="form" onSubmit={(e: FormEvent) => submit(e as FormEvent<HTMLFormElement>)} noValidate>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={3}>{t(`login.${app}.title`)}</Title>
                <Text size="sm" c="dimmed">
                  {t(`login.${app}.subtitle`)}
                </Text>
              </Stack>
              {error && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('login.failed')} role="alert">
                  {error}
                </Alert>
              )}
              <TextInput label={t('login.email')} type="email" autoComplete="username" {...form.getInputProps('email')} required />
              <PasswordInput label={t('login.password')} autoComplete="current-password" {...form.getInputProps('password')} required />
              <Anchor href={`/${app}/forgot-password`} size="sm" ta="right" mt={-8}>
                {t('account.forgotLink')}
              </Anchor>
              <Button type="submit" loading={login.isPending} fullWidth size="md">
                {t('login.submit')}
              </Button>
              {demoHint && (
                <Text size="xs" c="dimmed" ta="center">
                  {t('login.demoHint')}
                </Text>
              )}
            </Stack>
          </Paper>
          {footer}
          <Text size="sm" c="dimmed" ta="center">
            {t(app === 'admin' ? 'login.admin.otherApp' : 'login.portal.otherApp')}{' '}
            <Anchor href={app === 'admin' ? '/portal/' : '/admin/'} size="sm">
              {t(app === 'admin' ? 'wrongApp.goPortal' : 'wrongApp.goAdmin')}
            </Anchor>
          </Text>
        </Stack>
      </Box>
    </Box>
  );
}
