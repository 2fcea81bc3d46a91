import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCircleCheck, IconMailForward } from '@tabler/icons-react';
import { PasswordResetRequestSchema, PasswordSchema } from '@partnerline/domain';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from './api';
import { publicConfigQueryOptions, useRequestPasswordReset, useSetPasswordFromLink } from './auth';
import { BrandMark } from './BrandMark';
import { zodForm } from './forms';
import { LanguageSwitch } from './LanguageSwitch';

type App = 'admin' | 'portal';

function Shell({
  title,
  subtitle,
  children,
  onSubmit,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  onSubmit?: (e: FormEvent) => void;
}) {
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" px="md" py="xl">
      <Stack w="100%" maw={460} gap="lg">
        <Group justify="space-between" wrap="nowrap">
          <BrandMark />
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="lg" component={onSubmit ? 'form' : 'div'} onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={3}>{title}</Title>
              {subtitle && (
                <Text size="sm" c="dimmed">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}

const requestForm = zodForm(PasswordResetRequestSchema);

/** "Forgot password": one email field; without email configured, says so and who to ask instead. */
export function ForgotPasswordPage({ app }: { app: App }) {
  const { t } = useTranslation('ui');
  const { data: config, isPending } = useQuery(publicConfigQueryOptions());
  const mutation = useRequestPasswordReset();
  const form = useForm({ initialValues: { email: '' }, validate: requestForm.validate });
  const submit = form.onSubmit((values) =>
    mutation.mutate(requestForm.parse(values), {
      onError: (err) => {
        if (err instanceof ApiError) form.setErrors(err.fieldErrors());
      },
    }),
  );
  const signIn = (
    <Anchor href={`/${app}/login`} size="sm">
      {t('account.backToSignIn')}
    </Anchor>
  );

  if (isPending) return <Shell title={t('account.forgotTitle')}>{null}</Shell>;
  if (!config?.emailEnabled) {
    return (
      <Shell title={t('account.forgotTitle')}>
        <Alert color="yellow" icon={<IconAlertCircle size={18} />} title={t('account.noEmailTitle')} role="status">
          {t('account.noEmail')}
        </Alert>
        {signIn}
      </Shell>
    );
  }
  if (mutation.isSuccess) {
    return (
      <Shell title={t('account.forgotTitle')}>
        <Alert color="green" icon={<IconMailForward size={18} />} title={t('account.sentTitle')} role="status">
          {t('account.sent', { email: form.values.email.trim() })}
        </Alert>
        {signIn}
      </Shell>
    );
  }
  const error =
    mutation.error instanceof ApiError && mutation.error.issues.length === 0
      ? mutation.error.message
      : mutation.error && !(mutation.error instanceof ApiError)
        ? t('errors.generic')
        : null;
  return (
    <Shell
      title={t('account.forgotTitle')}
      subtitle={t('account.forgotSubtitle')}
      onSubmit={(e) => submit(e as FormEvent<HTMLFormElement>)}
    >
      {error && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
          {error}
        </Alert>
      )}
      <TextInput label={t('login.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
      <Button type="submit" loading={mutation.isPending} fullWidth>
        {t('account.sendLink')}
      </Button>
      {signIn}
    </Shell>
  );
}

const PasswordPairSchema = z
  .object({ password: PasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'] });

/** Sets a password from an emailed link: `reset` (forgot password) or `invitation` (a new account). */
export function SetPasswordPage({ app, kind, token }: { app: App; kind: 'reset' | 'invitation'; token: string | undefined }) {
  const { t } = useTranslation('ui');
  const mutation = useSetPasswordFromLink(kind);
  const passwordForm = zodForm(PasswordPairSchema, (v: { password: string; confirm: string }) => v, {
    confirm: t('account.passwordsDiffer'),
  });
  const form = useForm({ initialValues: { password: '', confirm: '' }, validate: passwordForm.validate });
  const submit = form.onSubmit(({ password }) =>
    mutation.mutate(
      { token: token ?? '', password },
      {
        onError: (err) => {
          if (err instanceof ApiError && err.issues.length) form.setErrors(err.fieldErrors());
        },
      },
    ),
  );
  const title = t(kind === 'reset' ? 'account.resetTitle' : 'account.inviteTitle');
  if (mutation.data) {
    return (
      <Shell title={title}>
        <Alert color="green" icon={<IconCircleCheck size={18} />} role="status">
          {t(kind === 'reset' ? 'account.resetDone' : 'account.inviteDone', { email: mutation.data.email })}
        </Alert>
        <Button component="a" href={`/${app}/login`}>
          {t('account.signInNow')}
        </Button>
      </Shell>
    );
  }
  const linkError = mutation.error instanceof ApiError && mutation.error.issues.length === 0 ? mutation.error.message : null;
  return (
    <Shell
      title={title}
      subtitle={t(kind === 'reset' ? 'account.resetSubtitle' : 'account.inviteSubtitle')}
      onSubmit={(e) => submit(e as FormEvent<HTMLFormElement>)}
    >
      {!token && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
          {t('account.missingToken')}
        </Alert>
      )}
      {linkError && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
          {linkError}
        </Alert>
      )}
      <PasswordInput
        label={t('account.newPassword')}
        description={t('account.passwordRule')}
        autoComplete="new-password"
        required
        {...form.getInputProps('password')}
      />
      <PasswordInput label={t('account.confirmPassword')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
      <Button type="submit" loading={mutation.isPending} disabled={!token} fullWidth>
        {t('account.savePassword')}
      </Button>
      {kind === 'reset' && (
        <Anchor href={`/${app}/forgot-password`} size="sm">
          {t('account.newLink')}
        </Anchor>
      )}
    </Shell>
  );
}
