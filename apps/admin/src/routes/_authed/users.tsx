import { Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { type Role, RoleSchema, SetUserDisabledSchema, type User } from '@partnerline/domain';
import { ApiError, meQueryOptions, PageHeader, zodForm } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { usersQueryOptions, useSetUserDisabled } from '../../api/admin';
import { canUse } from '../../nav';

const SearchSchema = z.object({
  role: RoleSchema.optional(),
  q: z.string().max(100).optional(),
  page: z.number().int().min(1).optional(),
});
type Search = z.infer<typeof SearchSchema>;
const PAGE_SIZE = 25;

export const Route = createFileRoute('/_authed/users')({
  validateSearch: SearchSchema,
  beforeLoad: ({ context }) => {
    if (!canUse(context.user.role, '/users')) throw redirect({ to: '/' });
  },
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(usersQueryOptions({ ...deps, page: deps.page ?? 1, pageSize: PAGE_SIZE })),
  component: UsersPage,
});

function UsersPage() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/users' });
  const page = search.page ?? 1;
  const [q, setQ] = useState(search.q ?? '');
  const setSearch = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page ?? undefined }), replace: true });
  const searchLater = useDebouncedCallback((value: string) => setSearch({ q: value.trim() || undefined }), 300);
  const { data, isFetching } = useQuery(usersQueryOptions({ role: search.role, q: search.q, page, pageSize: PAGE_SIZE }));
  const [target, setTarget] = useState<User | null>(null);
  const enable = useSetUserDisabled();

  return (
    <Stack maw={1200}>
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      <Card p="sm">
        <Group>
          <TextInput
            label={t('common.search', { ns: 'ui' })}
            placeholder={t('users.search')}
            leftSection={<IconSearch size={14} />}
            w={320}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              searchLater(e.currentTarget.value);
            }}
          />
          <Select
            label={t('users.role')}
            placeholder={t('users.anyRole')}
            clearable
            w={220}
            data={RoleSchema.options.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: 'ui' }) }))}
            value={search.role ?? null}
            onChange={(v) => setSearch({ role: (v as Role | null) ?? undefined })}
          />
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
        onPageChange={(p) => setSearch({ page: p })}
        noRecordsText={t('common.noRecords', { ns: 'ui' })}
        columns={[
          {
            accessor: 'displayName',
            title: t('users.name'),
            render: (u) => (
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>
                  {u.displayName}
                </Text>
                {u.id === me?.id && (
                  <Badge size="xs" variant="outline">
                    {t('users.you')}
                  </Badge>
                )}
              </Group>
            ),
          },
          { accessor: 'email', title: t('users.email') },
          { accessor: 'role', title: t('users.role'), render: (u) => `${t(`roles.${u.role}`, { ns: 'ui' })}${u.jobRole ? ` · ${t(`jobRoles.${u.jobRole}`, { ns: 'ui' })}` : ''}` },
          { accessor: 'partnerName', title: t('users.organisation'), render: (u) => u.partnerName ?? <Text size="sm" c="dimmed">{t('users.vendorOrg')}</Text> },
          {
            accessor: 'disabled',
            title: t('users.status'),
            render: (u) => (u.disabled ? <Badge color="gray">{t('users.disabled')}</Badge> : <Badge color="green" variant="light">{t('users.active')}</Badge>),
          },
          {
            accessor: 'actions',
            title: '',
            textAlign: 'right',
            render: (u) =>
              u.id === me?.id ? null : u.disabled ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={`${t('users.enable')} ${u.displayName}`}
                  loading={enable.isPending && enable.variables?.id === u.id}
                  onClick={() => enable.mutate({ id: u.id, disabled: false }, { onSuccess: () => notifications.show({ color: 'green', message: t('users.enabled', { name: u.displayName }) }) })}
                >
                  {t('users.enable')}
                </Button>
              ) : (
                <Button size="compact-sm" variant="subtle" color="red" aria-label={`${t('users.disable')} ${u.displayName}`} onClick={() => setTarget(u)}>
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

const disableForm = zodForm(SetUserDisabledSchema, (v: { reason: string }) => ({ disabled: true, reason: v.reason.trim() || undefined }));

function DisableModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' }, validate: disableForm.validate });
  const mutation = useSetUserDisabled();
  const fieldErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};
  const disable = form.onSubmit((values) =>
    mutation.mutate(
      { id: user.id, ...disableForm.parse(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('users.disabledDone', { name: user.displayName }) });
          onClose();
        },
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t('users.disableTitle', { name: user.displayName })}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('users.disableHint')}
        </Text>
        <Textarea label={t('users.reason')} description={t('users.reasonHint')} {...form.getInputProps('reason')} autosize minRows={2} error={form.errors.reason ?? fieldErrors.reason} data-autofocus />
        {mutation.error && !fieldErrors.reason && (
          <Text c="red" size="sm" role="alert">
            {mutation.error instanceof ApiError ? mutation.error.message : t('errors.generic', { ns: 'ui' })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button color="red" loading={mutation.isPending} onClick={() => disable()}>
            {t('users.disable')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
