import { Badge, Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { type InviteUser, InviteUserSchema, JobRoleSchema } from '@partnerline/domain';
import { ApiError, apiFieldErrors, ErrorSummary, fieldPathProps, meQueryOptions, zodForm } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { myPartnerQueryOptions, useInvite, useSetMemberDisabled } from '../../api/portal';
import { fieldSpecs } from '../../form-fields';
import { PageHeader, ResponsiveTable } from '@partnerline/ui';

/** The form's fields, worded in the UI language when asked. */
const inviteFields = () => fieldSpecs('invite');

export const Route = createFileRoute('/_authed/team')({
  loader: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData(meQueryOptions());
    if (user?.partnerId) await context.queryClient.ensureQueryData(myPartnerQueryOptions(user.partnerId));
  },
  component: TeamPage,
});

function TeamPage() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: partner } = useSuspenseQuery(myPartnerQueryOptions(user!.partnerId!));
  const isAdmin = user?.role === 'partner_admin';
  const [inviting, setInviting] = useState(false);
  const setDisabled = useSetMemberDisabled(partner.id);

  return (
    <Stack maw={1100}>
      <PageHeader
        title={t('team.title')}
        subtitle={t('team.subtitle')}
        actions={
          isAdmin ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
              {t('team.invite')}
            </Button>
          ) : undefined
        }
      />
      {!isAdmin && <Text c="dimmed" size="sm">{t('team.onlyAdmin')}</Text>}
      <ResponsiveTable
        label={t('team.title')}
        rows={partner.users}
        rowKey={(u) => u.id}
        columns={[
          { key: 'name', header: t('team.name'), primary: true, cell: (u) => <Text size="sm" fw={500}>{u.displayName}</Text> },
          { key: 'email', header: t('team.email'), cell: (u) => u.email },
          {
            key: 'role',
            header: t('team.role'),
            cell: (u) => (
              <>
                {t(`roles.${u.role}`, { ns: 'ui' })}
                {u.jobRole ? ` · ${t(`jobRoles.${u.jobRole}`, { ns: 'ui' })}` : ''}
              </>
            ),
          },
          {
            key: 'status',
            header: t('team.status'),
            aside: true,
            cell: (u) => (u.disabled ? <Badge color="gray">{t('team.disabled')}</Badge> : u.invitationPending ? <Badge color="orange">{t('team.pending')}</Badge> : <Badge color="green">{t('team.active')}</Badge>),
          },
          {
            key: 'action',
            header: '',
            align: 'right',
            aside: true,
            cell: (u) =>
              isAdmin &&
              u.id !== user?.id && (
                <Button
                  size="compact-sm"
                  variant="light"
                  color={u.disabled ? undefined : 'red'}
                  loading={setDisabled.isPending && setDisabled.variables?.userId === u.id}
                  onClick={() => setDisabled.mutate({ userId: u.id, disabled: !u.disabled })}
                >
                  {u.disabled ? t('team.enable') : t('team.disable')}
                </Button>
              ),
          },
        ]}
      />
      {inviting && <InviteModal partnerId={partner.id} onClose={() => setInviting(false)} />}
    </Stack>
  );
}

const inviteForm = zodForm(InviteUserSchema, undefined, {}, inviteFields);

function InviteModal({ partnerId, onClose }: { partnerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInvite(partnerId);
  const form = useForm<InviteUser>({ initialValues: { email: '', displayName: '', jobRole: 'sales' }, validate: inviteForm.validate, enhanceGetInputProps: fieldPathProps });
  const [link, setLink] = useState<string | null>(null);

  const submit = form.onSubmit((values) =>
    invite.mutate(inviteForm.parse(values), {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('team.invited') });
        setLink(r.inviteUrl);
      },
      onError: (e) => e instanceof ApiError && form.setErrors(apiFieldErrors(e, e.message, inviteFields())),
    }),
  );

  return (
    <Modal opened onClose={onClose} title={t('team.invite')}>
      {link ? (
        <Stack>
          <Text size="sm">{t('team.inviteLink')}</Text>
          <Code block>{link}</Code>
          <Button onClick={onClose}>OK</Button>
        </Stack>
      ) : (
        <Stack>
          <ErrorSummary errors={form.errors} fields={inviteFields()} />
          <TextInput label={t('team.name')} {...form.getInputProps('displayName')} withAsterisk />
          <TextInput label={t('team.email')} type="email" {...form.getInputProps('email')} withAsterisk />
          <Select label={t('team.jobRole')} data={JobRoleSchema.options.map((r) => ({ value: r, label: t(`jobRoles.${r}`, { ns: 'ui' }) }))} allowDeselect={false} {...form.getInputProps('jobRole')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button onClick={() => submit()} loading={invite.isPending}>
              {t('team.sendInvite')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
