import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconHexagons } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginSchema, translateZodIssue, type User } from '@partnerline/domain';
import { currentLanguage } from './i18n';
import { ApiError } from './api';
import { useLogin } from './auth';
import { LanguageSwitch } from './LanguageSwitch';

export interface LoginPageProps {
  app: 'admin' | 'portal';
  onSuccess: (user: User) => void;
  /** Extra content under the form (e.g. "apply to become a partner"). */
  footer?: ReactNode;
}

export function LoginPage({ app, onSuccess, footer }: LoginPageProps) {
  const { t } = useTranslation('ui');
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setFieldErrors({});
    const parsed = LoginSchema.safeParse({ email, password });
    if (!parsed.success) {
      const errs: Record<string, string> = {};
      for (const issue of parsed.error.issues) errs[String(issue.path[0])] = translateZodIssue(issue as never, currentLanguage()).message;
      setFieldErrors(errs);
      return;
    }
    login.mutate(parsed.data, {
      onSuccess: (r) => onSuccess(r.user),
      onError: (err) => {
        if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
      },
    });
  };

  const error = login.error instanceof ApiError && login.error.issues.length === 0 ? login.error.message : login.error && !(login.error instanceof ApiError) ? t('errors.generic') : null;

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center pt={40} pb={80} px="md">
        <Stack w={420} gap="lg">
          <Group gap="sm" justify="center">
            <ThemeIcon size={44} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
              <IconHexagons size={26} />
            </ThemeIcon>
            <Stack gap={0}>
              <Title order={2}>{t('product')}</Title>
              <Text size="sm" c="dimmed">
                {t('tagline')}
              </Text>
            </Stack>
          </Group>
          <Paper withBorder shadow="sm" p="xl" radius="lg" component="form" onSubmit={submit} noValidate>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={3}>{t(app === 'admin' ? 'login.adminTitle' : 'login.portalTitle')}</Title>
                <Text size="sm" c="dimmed">
                  {t(app === 'admin' ? 'login.adminSubtitle' : 'login.portalSubtitle')}
                </Text>
              </Stack>
              {error && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('login.failed')} role="alert">
                  {error}
                </Alert>
              )}
              <TextInput label={t('login.email')} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldErrors.email} required />
              <PasswordInput label={t('login.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldErrors.password} required />
              <Button type="submit" loading={login.isPending} fullWidth size="md">
                {t('login.submit')}
              </Button>
              <Text size="xs" c="dimmed" ta="center">
                {t('login.demoHint')}
              </Text>
            </Stack>
          </Paper>
          {footer}
          <Text size="xs" c="dimmed" ta="center">
            <Anchor href={app === 'admin' ? '/portal/' : '/admin/'} size="xs">
              {t(app === 'admin' ? 'wrongApp.goPortal' : 'wrongApp.goAdmin')}
            </Anchor>
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
