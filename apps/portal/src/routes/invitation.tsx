import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { PasswordSchema, translateZodIssue } from '@partnerline/domain';
import { ApiError, currentLanguage, LanguageSwitch } from '@partnerline/ui';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useAcceptInvitation } from '../api/portal';

export const Route = createFileRoute('/invitation')({
  validateSearch: z.object({ token: z.string().optional() }),
  component: InvitationPage,
});

function InvitationPage() {
  const { t } = useTranslation();
  const { token } = Route.useSearch();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const accept = useAcceptInvitation();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = PasswordSchema.safeParse(password);
    if (!parsed.success) return setError(translateZodIssue(parsed.error.issues[0] as never, currentLanguage()).message);
    setError(null);
    accept.mutate({ token: token ?? '', password }, { onError: (err) => setError(err instanceof ApiError ? (err.fieldErrors().password ?? err.message) : String(err)) });
  };

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)">
      <Paper withBorder p="xl" radius="lg" w={440} component="form" onSubmit={submit}>
        <Stack>
          <LanguageSwitch />
          <Title order={3}>{t('invitation.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('invitation.subtitle')}
          </Text>
          {!token && <Alert color="red">{t('invitation.missing')}</Alert>}
          {accept.data ? (
            <>
              <Alert color="green">{t('invitation.done', { email: accept.data.email })}</Alert>
              <Button renderRoot={(props) => <Link {...props} to="/login" search={{}} />}>{t('invitation.signIn')}</Button>
            </>
          ) : (
            <>
              <PasswordInput label={t('invitation.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={error} required />
              <Button type="submit" loading={accept.isPending} disabled={!token}>
                {t('invitation.submit')}
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
