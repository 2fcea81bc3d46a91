import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  Pagination,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMailPlus, IconSearch } from '@tabler/icons-react';
import {
  InviteStaffSchema,
  isVendorRole,
  type ManagedUser,
  type Role,
  RoleSchema,
  SetUserDisabledSchema,
  type User,
  VENDOR_ROLES,
  type VendorRole,
} from '@partnerline/domain';
import { ApiError, apiFieldErrors, ErrorSummary, fieldPathProps, meQueryOptions, NoAccessPage, PageHeader, zodForm } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useChangeRole, useInviteStaff, usersQueryOptions, useSetUserDisabled } from '../../api/admin';
import { fieldSpecs } from '../../form-fields';
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
  loaderDeps: ({ search }) => search,
  // A role that may not use the page gets an explanation (NoAccessPage), not a silent redirect.
  loader: ({ context, deps }) =>
    canUse(context.user.role, '/users')
      ? context.queryClient.ensureQueryData(usersQueryOptions({ ...deps, page: deps.page ?? 1, pageSize: PAGE_SIZE }))
      : null,
  component: UsersRoute,
});

function UsersRoute() {
  const { data: me } = useSuspenseQuery(meQueryOptions());
  if (me && !canUse(me.role, '/users')) return <NoAccessPage user={me} homeHref="/admin/" />;
  return <UsersPage />;
}

function UsersPage() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/users' });
  const page = search.page ?? 1;
  const [q, setQ] = useState(search.q ?? '');
  const setSearch = (patch: Partial<Search>) =>
    void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page ?? undefined }), replace: true });
  const searchLater = useDebouncedCallback((value: string) => setSearch({ q: value.trim() || undefined }), 300);
  const { data, isFetching } = useQuery(usersQueryOptions({ role: search.role, q: search.q, page, pageSize: PAGE_SIZE }));
  const [target, setTarget] = useState<User | null>(null);
  const [roleTarget, setRoleTarget] = useState<ManagedUser | null>(null);
  const [inviting, setInviting] = useState(false);
  const enable = useSetUserDisabled();
  // On a phone the rows become cards: every field and action stays reachable without scrolling sideways.
  const phone = useMediaQuery('(max-width: 40em)');
  const roleText = (u: ManagedUser) =>
    `${t(`roles.${u.role}`, { ns: 'ui' })}${u.jobRole ? ` · ${t(`jobRoles.${u.jobRole}`, { ns: 'ui' })}` : ''}`;
  const organisation = (u: ManagedUser) =>
    u.partnerName ? (
      u.partnerId ? (
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: u.partnerId! }} />}>
          {u.partnerName}
        </Anchor>
      ) : (
        u.partnerName
      )
    ) : u.role === 'channel_manager' ? (
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/partners" search={{ managerId: u.id }} />}>
        {t('access.theirPartners')}
      </Anchor>
    ) : (
      <Text size="sm" c="dimmed">
        {t('users.vendorOrg')}
      </Text>
    );
  const status = (u: ManagedUser) =>
    u.disabled ? (
      <Badge color="gray">{t('users.disabled')}</Badge>
    ) : u.invitationPending ? (
      <Badge color="yellow" variant="light">
        {t('access.invitationPending')}
      </Badge>
    ) : (
      <Badge color="green" variant="light">
        {t('users.active')}
      </Badge>
    );
  const actions = (u: ManagedUser) =>
    u.id === me?.id ? null : (
      <Group gap={4} justify="flex-end" wrap="nowrap">
        {isVendorRole(u.role) && (
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={t('access.changeRoleOf', { name: u.displayName })}
            onClick={() => setRoleTarget(u)}
          >
            {t('access.changeRole')}
          </Button>
        )}
        {u.disabled ? (
          <Button
            size="compact-sm"
            variant="light"
            aria-label={`${t('users.enable')} ${u.displayName}`}
            loading={enable.isPending && enable.variables?.id === u.id}
            onClick={() =>
              enable.mutate(
                { id: u.id, disabled: false },
                { onSuccess: () => notifications.show({ color: 'green', message: t('users.enabled', { name: u.displayName }) }) },
              )
            }
          >
            {t('users.enable')}
          </Button>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            aria-label={`${t('users.disable')} ${u.displayName}`}
            onClick={() => setTarget(u)}
          >
            {t('users.disable')}
          </Button>
        )}
      </Group>
    );
  const name = (u: ManagedUser) => (
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
  );

  return (
    <Stack maw={1200}>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button leftSection={<IconMailPlus size={16} />} onClick={() => setInviting(true)}>
            {t('access.invite')}
          </Button>
        }
      />
      <Card p="sm">
        <Group>
          <TextInput
            label={t('common.search', { ns: 'ui' })}
            placeholder={t('users.search')}
            leftSection={<IconSearch size={14} />}
            w={{ base: '100%', sm: 320 }}
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
            w={{ base: '100%', sm: 220 }}
            data={RoleSchema.options.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: 'ui' }) }))}
            value={search.role ?? null}
            onChange={(v) => setSearch({ role: (v as Role | null) ?? undefined })}
          />
        </Group>
      </Card>
      {phone ? (
        <Stack gap="xs">
          {(data?.items ?? []).map((u) => (
            <Card key={u.id} withBorder p="sm">
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap">
                  {name(u)}
                  {status(u)}
                </Group>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {u.email}
                </Text>
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {roleText(u)}
                  </Text>
                  {organisation(u)}
                </Group>
                {actions(u)}
              </Stack>
            </Card>
          ))}
          {data && data.items.length === 0 && <Text c="dimmed">{t('common.noRecords', { ns: 'ui' })}</Text>}
          {data && data.total > PAGE_SIZE && (
            <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={(p) => setSearch({ page: p })} size="sm" />
          )}
        </Stack>
      ) : (
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
            { accessor: 'displayName', title: t('users.name'), render: name },
            { accessor: 'email', title: t('users.email') },
            { accessor: 'role', title: t('users.role'), render: roleText },
            { accessor: 'partnerName', title: t('users.organisation'), render: organisation },
            { accessor: 'disabled', title: t('users.status'), render: status },
            { accessor: 'actions', title: '', textAlign: 'right', render: actions },
          ]}
        />
      )}
      {target && <DisableModal user={target} onClose={() => setTarget(null)} />}
      {roleTarget && <RoleModal user={roleTarget} onClose={() => setRoleTarget(null)} />}
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </Stack>
  );
}

type InviteValues = { email: string; displayName: string; role: VendorRole | null };
const inviteForm = zodForm(InviteStaffSchema, (v: InviteValues) => ({ ...v, role: v.role ?? undefined }), {}, () => fieldSpecs('invite'));

function InviteModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<InviteValues>({
    initialValues: { email: '', displayName: '', role: 'channel_manager' },
    validate: inviteForm.validate,
    enhanceGetInputProps: fieldPathProps,
  });
  const mutation = useInviteStaff();
  const submit = form.onSubmit((values) =>
    mutation.mutate(inviteForm.parse(values), {
      onSuccess: (r) => {
        if (r.emailSent) {
          notifications.show({ color: 'green', message: t('access.invited', { email: values.email.trim() }) });
          onClose();
        }
      },
      onError: (err) => {
        if (err instanceof ApiError && err.issues.length) form.setErrors(apiFieldErrors(err, err.message, fieldSpecs('invite')));
      },
    }),
  );
  const formError =
    mutation.error instanceof ApiError
      ? mutation.error.issues.length
        ? null
        : mutation.error.message
      : mutation.error
        ? t('errors.generic', { ns: 'ui' })
        : null;
  const result = mutation.data;
  return (
    <Modal opened onClose={onClose} title={t('access.inviteTitle')}>
      {result?.inviteUrl ? (
        <Stack>
          <Alert color="yellow" title={t('access.noEmailTitle')}>
            {t('access.noEmail', { email: form.values.email.trim() })}
          </Alert>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {result.inviteUrl}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={result.inviteUrl}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('access.copied') : t('access.copyLink')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('access.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('access.inviteHint')}
            </Text>
            {formError && (
              <Text c="red" size="sm" role="alert">
                {formError}
              </Text>
            )}
            <ErrorSummary errors={form.errors} fields={fieldSpecs('invite')} />
            <TextInput label={t('users.email')} type="email" required data-autofocus {...form.getInputProps('email')} />
            <TextInput label={t('users.name')} required {...form.getInputProps('displayName')} />
            <Select
              label={t('users.role')}
              required
              allowDeselect={false}
              data={VENDOR_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`, { ns: 'ui' }) }))}
              {...form.getInputProps('role')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel', { ns: 'ui' })}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('access.sendInvitation')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function RoleModal({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<VendorRole>(user.role as VendorRole);
  const mutation = useChangeRole();
  const roleName = (r: Role) => t(`roles.${r}`, { ns: 'ui' });
  return (
    <Modal opened onClose={onClose} title={t('access.changeRoleOf', { name: user.displayName })}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('access.roleHint')}
        </Text>
        <Select
          label={t('access.newRole')}
          allowDeselect={false}
          data={VENDOR_ROLES.map((r) => ({ value: r, label: roleName(r) }))}
          value={role}
          onChange={(v) => v && setRole(v as VendorRole)}
          data-autofocus
        />
        {role !== user.role && (
          <Text size="sm">{t('access.roleFromTo', { name: user.displayName, from: roleName(user.role), to: roleName(role) })}</Text>
        )}
        {mutation.error && (
          <Text c="red" size="sm" role="alert">
            {mutation.error instanceof ApiError ? mutation.error.message : t('errors.generic', { ns: 'ui' })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button
            disabled={role === user.role}
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate(
                { id: user.id, role },
                {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      message: t('access.roleChanged', { name: user.displayName, role: roleName(role) }),
                    });
                    onClose();
                  },
                },
              )
            }
          >
            {t('access.saveRole')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const disableForm = zodForm(SetUserDisabledSchema, (v: { reason: string }) => ({ disabled: true, reason: v.reason.trim() || undefined }), {}, () => fieldSpecs('disable'));

function DisableModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' }, validate: disableForm.validate });
  const mutation = useSetUserDisabled();
  const fieldErrors = mutation.error instanceof ApiError && mutation.error.issues.length ? apiFieldErrors(mutation.error, mutation.error.message, fieldSpecs('disable')) : {};
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
        <Textarea
          label={t('users.reason')}
          description={t('users.reasonHint')}
          {...form.getInputProps('reason')}
          autosize
          minRows={2}
          error={form.errors.reason ?? fieldErrors.reason}
          data-autofocus
        />
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
