import { Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type Role, RoleSchema, type User } from '@partnerline/domain';
import { ApiError, meQueryOptions } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersQueryOptions, useSetUserDisabled } from '../../api/admin';
import { PageHeader } from '@partnerline/ui';

export const Route = createFileRoute('/_authed/users')({
  beforeLoad: ({ context }) => {
    if ((context as { user?: User }).user?.role !== 'vendor_admin') throw redirect({ to: '/' });
  },
  component: UsersPage,
});

const PAGE_SIZE = 25;

function UsersPage() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const [role, setRole] = useState<Role | null>(null);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [page, setPage] = useState(1);
  const { data, isFetching } = useQuery(usersQueryOptions({ role: role ?? undefined, q: debounced || undefined, page, pageSize: PAGE_SIZE }));
  const [target, setTarget] = useState<User | null>(null);
  const setDisabled = useSetUserDisabled();

  return (
    <Stack maw={1200}>
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      <Card p="sm">
        <Group>
          <TextInput label={t('common.search', { ns: 'ui' })} placeholder={t('users.search')} w={300} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <Select label={t('users.role')} placeholder={t('users.anyRole')} clearable w={200} data={RoleSchema.options.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: 'ui' }) }))} value={role} onChange={(v) => setRole(v as Role | null)} />
        </Group>
      </Card>
      <DataTable
        withTableBorder
        borderRadius="md"
        highlightOnHover
        minHeight={200}
        fetching={isFetching}
        records={data?.items ?? []}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        columns={[
          { accessor: 'displayName', title: t('users.name') },
          { accessor: 'email', title: t('users.email') },
          { accessor: 'role', title: t('users.role'), render: (u) => `${t(`roles.${u.role}`, { ns: 'ui' })}${u.jobRole ? ` · ${t(`jobRoles.${u.jobRole}`, { ns: 'ui' })}` : ''}` },
          { accessor: 'partnerName', title: t('users.organisation'), render: (u) => u.partnerName ?? 'Partnerline' },
          { accessor: 'disabled', title: t('users.status'), render: (u) => (u.disabled ? <Badge color="gray">{t('users.disabled')}</Badge> : <Badge color="green">{t('users.active')}</Badge>) },
          {
            accessor: 'actions',
            title: '',
            textAlign: 'right',
            render: (u) =>
              u.id === me?.id ? null : u.disabled ? (
                <Button size="compact-sm" variant="light" onClick={() => setDisabled.mutate({ id: u.id, disabled: false }, { onSuccess: () => notifications.show({ color: 'green', message: t('users.done') }) })}>
                  {t('users.enable')}
                </Button>
              ) : (
                <Button size="compact-sm" variant="light" color="red" onClick={() => setTarget(u)}>
                  {t('users.disable')}
                </Button>
              ),
          },
        ]}
      />
      {target && <DisableModal user={target} onClose={() => setTarget(null)} />}
    </Stack>
  );
}

function DisableModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const mutation = useSetUserDisabled();
  return (
    <Modal opened onClose={onClose} title={t('users.disableTitle', { name: user.displayName })}>
      <Stack>
        <Textarea label={t('users.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        {mutation.error instanceof ApiError && <Text c="red">{mutation.error.message}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate({ id: user.id, disabled: true, reason: reason || undefined }, { onSuccess: onClose })}>
            {t('users.disable')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
