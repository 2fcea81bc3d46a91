import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PasswordSchema } from '@partnerline/domain';
import { ApiError, LanguageSwitch, zodForm } from '@partnerline/ui';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useAcceptInvitation } from '../api/portal';
import { fieldSpecs } from '../form-fields';

export const Route = createFileRoute('/invitation')({
  validateSearch: z.object({ token: z.string().optional() }),
  component: InvitationPage,
});

const passwordForm = zodForm(z.object({ password: PasswordSchema }), undefined, {}, () => fieldSpecs('invitation'));

function InvitationPage() {
  const { t } = useTranslation();
  const { token } = Route.useSearch();
  const form = useForm({ initialValues: { password: '' }, validate: passwordForm.validate });
  const accept = useAcceptInvitation();

  const submit = form.onSubmit(({ password }) =>
    accept.mutate({ token: token ?? '', password }, { onError: (err) => form.setFieldError('password', err instanceof ApiError ? (err.fieldErrors().password ?? err.message) : String(err)) }),
  );

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)">
      <Paper withBorder p="xl" radius="lg" w={440} component="form" onSubmit={(e) => submit(e as unknown as React.FormEvent<HTMLFormElement>)}>
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
              <PasswordInput label={t('invitation.password')} {...form.getInputProps('password')} withAsterisk />
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
