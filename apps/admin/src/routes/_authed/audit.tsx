import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import {
  AUDIT_ACTION_NAMES,
  AUDIT_ENTITY_KINDS,
  type AuditEntry,
  auditActionLabel,
  auditChanges,
  auditEntityLabel,
  auditFieldLabel,
  type Locale,
} from '@partnerline/domain';
import { formatDateTime, meQueryOptions, NoAccessPage, PageHeader, useLocale } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { auditQueryOptions } from '../../api/admin';
import { canUse } from '../../nav';

const PAGE_SIZE = 30;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const SearchSchema = z.object({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.number().int().min(1).optional(),
});
type Search = z.infer<typeof SearchSchema>;

const filtersOf = (s: Search) => ({
  entity: s.entity,
  entityId: s.entityId,
  action: s.action,
  actor: s.actor,
  from: s.from,
  to: s.to,
  page: s.page ?? 1,
  pageSize: PAGE_SIZE,
});

export const Route = createFileRoute('/_authed/audit')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  // A role that may not use the page gets an explanation (NoAccessPage), not a silent redirect.
  loader: ({ context, deps }) =>
    canUse(context.user.role, '/audit') ? context.queryClient.ensureQueryData(auditQueryOptions(filtersOf(deps))) : null,
  component: AuditRoute,
});

function AuditRoute() {
  const { data: me } = useSuspenseQuery(meQueryOptions());
  if (me && !canUse(me.role, '/audit')) return <NoAccessPage user={me} homeHref="/admin/" />;
  return <AuditPage />;
}

/** Where a record of each kind is shown in the vendor workspace. */
function recordPath(entity: string, id: string): string | null {
  switch (entity) {
    case 'partner':
      return `/partners/${id}`;
    case 'agreement':
      return `/agreements/${id}`;
    case 'deal_registration':
      return `/registrations/${id}`;
    case 'conflict':
      return `/conflicts/${id}`;
    case 'course':
      return `/training/courses/${id}`;
    case 'support_request':
      return `/support/${id}`;
    case 'qualification_review':
      return `/qualification-reviews/${id}`;
    case 'certification_path':
      return '/training/paths';
    case 'certification':
      return '/training/certifications';
    case 'segment':
      return '/segments';
    case 'policies':
      return '/policies';
    case 'job_run':
      return '/operations';
    default:
      return null;
  }
}

/** One value of a snapshot in words: roles and yes/no translated, dates and text as they are, objects shortened. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Reference fields whose id opens a record of this kind. */
const REFERENCES: Record<string, string> = {
  partnerId: 'partner',
  registrationId: 'deal_registration',
  winnerRegistrationId: 'deal_registration',
  agreementId: 'agreement',
  winnerAgreementId: 'agreement',
  courseId: 'course',
  conflictId: 'conflict',
};

/** One value of a snapshot in words: roles and yes/no translated, instants in the reader's time, ids short (and linked). */
function Value({ field, v, locale, timeZone }: { field: string; v: unknown; locale: Locale; timeZone?: string }) {
  const { t } = useTranslation();
  if (v === null || v === undefined || v === '') return <>—</>;
  if (typeof v === 'boolean') return <>{t(v ? 'common.yes' : 'common.no', { ns: 'ui' })}</>;
  if (typeof v === 'number') return <>{String(v)}</>;
  if (typeof v === 'string') {
    if (field === 'role') return <>{t(`roles.${v}`, { ns: 'ui', defaultValue: v })}</>;
    if (UUID.test(v)) {
      const path = REFERENCES[field] ? recordPath(REFERENCES[field], v) : null;
      const short = <span title={v}>{`${v.slice(0, 8)}…`}</span>;
      return path ? (
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to={path as '/'} />}>
          {short}
        </Anchor>
      ) : (
        <Text span size="sm" ff="monospace" c="dimmed">
          {short}
        </Text>
      );
    }
    if (ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return <>{formatDateTime(v, locale, timeZone)}</>;
    return <>{v.length > 80 ? `${v.slice(0, 77)}…` : v}</>;
  }
  const json = JSON.stringify(v);
  return <>{json.length > 80 ? `${json.slice(0, 77)}…` : json}</>;
}

function Changes({ entry, locale, limit }: { entry: AuditEntry; locale: Locale; limit?: number }) {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const tz = me?.timeZone;
  const changes = auditChanges(entry.before, entry.after);
  if (!changes.length)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const shown = limit ? changes.slice(0, limit) : changes;
  return (
    <Stack gap={2}>
      {shown.map((c) => (
        <Text key={c.field} size="sm" style={{ wordBreak: 'break-word' }}>
          <Text span fw={500} size="sm">
            {auditFieldLabel(c.field, locale)}:
          </Text>{' '}
          {entry.before !== null && (
            <>
              <Text span c="dimmed" size="sm" td="line-through">
                <Value field={c.field} v={c.before} locale={locale} timeZone={tz} />
              </Text>
              {' → '}
            </>
          )}
          <Value field={c.field} v={c.after} locale={locale} timeZone={tz} />
        </Text>
      ))}
      {limit && changes.length > limit && (
        <Text size="xs" c="dimmed">
          {t('auditLog.more', { count: changes.length - limit })}
        </Text>
      )}
    </Stack>
  );
}

function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/audit' });
  const [expanded, setExpanded] = useState<string[]>([]);
  const [actor, setActor] = useState(search.actor ?? '');
  const [recordId, setRecordId] = useState(search.entityId ?? '');
  const setSearch = (patch: Partial<Search>) => {
    setExpanded([]);
    void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page ?? undefined }), replace: true });
  };
  const actorLater = useDebouncedCallback((v: string) => setSearch({ actor: v.trim() || undefined }), 300);
  const recordLater = useDebouncedCallback((v: string) => setSearch({ entityId: v.trim() || undefined }), 300);
  const { data, isFetching } = useQuery(auditQueryOptions(filtersOf(search)));
  const toggle = (id: string) => setExpanded((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  // On a phone each entry is a card: who, what, which record and the changes, without scrolling sideways.
  const phone = useMediaQuery('(max-width: 40em)');
  const who = (a: AuditEntry) =>
    a.actorEmail && (a.actorId || a.actorEmail !== 'system') ? (
      <Stack gap={0}>
        <Text size="sm">{a.actorName ?? a.actorEmail}</Text>
        {a.actorName && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {a.actorEmail}
          </Text>
        )}
      </Stack>
    ) : (
      <Text size="sm" c="dimmed">
        {t('audit.system')}
      </Text>
    );
  const filtered = !!(search.entity || search.entityId || search.action || search.actor || search.from || search.to);

  return (
    <Stack maw={1300}>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card p="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('auditLog.who')}
            placeholder={t('auditLog.whoPlaceholder')}
            leftSection={<IconSearch size={14} />}
            w={{ base: '100%', sm: 220 }}
            value={actor}
            onChange={(e) => {
              setActor(e.currentTarget.value);
              actorLater(e.currentTarget.value);
            }}
          />
          <Select
            label={t('auditLog.what')}
            placeholder={t('auditLog.anyAction')}
            searchable
            clearable
            w={{ base: '100%', sm: 250 }}
            data={AUDIT_ACTION_NAMES.map((a) => ({ value: a, label: auditActionLabel(a, locale) })).sort((a, b) =>
              a.label.localeCompare(b.label, locale),
            )}
            value={search.action ?? null}
            onChange={(v) => setSearch({ action: v ?? undefined })}
          />
          <Select
            label={t('auditLog.recordKind')}
            placeholder={t('auditLog.anyRecord')}
            clearable
            w={{ base: '100%', sm: 190 }}
            data={AUDIT_ENTITY_KINDS.map((e) => ({ value: e, label: auditEntityLabel(e, locale) }))}
            value={search.entity ?? null}
            onChange={(v) => setSearch({ entity: v ?? undefined })}
          />
          <TextInput
            label={t('auditLog.recordId')}
            placeholder={t('auditLog.recordIdPlaceholder')}
            w={{ base: '100%', sm: 200 }}
            value={recordId}
            onChange={(e) => {
              setRecordId(e.currentTarget.value);
              recordLater(e.currentTarget.value);
            }}
          />
          <TextInput
            type="date"
            label={t('auditLog.from')}
            w={{ base: '47%', sm: 150 }}
            value={search.from ?? ''}
            max={search.to}
            onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('auditLog.to')}
            w={{ base: '47%', sm: 150 }}
            value={search.to ?? ''}
            min={search.from}
            onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
          />
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setActor('');
                setRecordId('');
                setExpanded([]);
                void navigate({ search: {}, replace: true });
              }}
            >
              {t('auditLog.clear')}
            </Button>
          )}
        </Group>
      </Card>
      {data?.totalIsEstimate && (
        <Text size="sm" c="dimmed">
          {t('auditLog.manyResults', { count: data.total })}
        </Text>
      )}
      {phone ? (
        <Stack gap="xs">
          {(data?.items ?? []).map((a) => (
            <Card key={a.id} withBorder p="sm">
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {auditActionLabel(a.action, locale)}
                  </Text>
                  <Text size="xs" c="dimmed" ta="right">
                    {formatDateTime(a.occurredAt, locale, me?.timeZone)}
                  </Text>
                </Group>
                {who(a)}
                <RecordCell entry={a} locale={locale} onHistory={() => setSearch({ entity: a.entity, entityId: a.entityId })} />
                <Changes entry={a} locale={locale} />
              </Stack>
            </Card>
          ))}
          {data && data.items.length === 0 && <Text c="dimmed">{t('common.noRecords', { ns: 'ui' })}</Text>}
          {data && data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(data.total / PAGE_SIZE)}
              value={search.page ?? 1}
              onChange={(p) => setSearch({ page: p })}
              size="sm"
            />
          )}
        </Stack>
      ) : (
        <DataTable
          withTableBorder
          borderRadius="md"
          minHeight={200}
          fetching={isFetching}
          records={data?.items ?? []}
          totalRecords={data?.total ?? 0}
          recordsPerPage={PAGE_SIZE}
          page={search.page ?? 1}
          onPageChange={(p) => setSearch({ page: p })}
          noRecordsText={t('common.noRecords', { ns: 'ui' })}
          rowExpansion={{
            allowMultiple: true,
            expanded: { recordIds: expanded, onRecordIdsChange: setExpanded },
            content: ({ record }) => (
              <Stack p="sm" gap="sm">
                <Changes entry={record} locale={locale} />
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <Snapshot label={t('audit.before')} value={record.before} empty={t('audit.nothing')} />
                  <Snapshot label={t('audit.after')} value={record.after} empty={t('audit.nothing')} />
                </SimpleGrid>
              </Stack>
            ),
          }}
          columns={[
            {
              accessor: 'expand',
              title: '',
              width: 44,
              render: (a) => (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-expanded={expanded.includes(a.id)}
                  aria-label={t('audit.details', { action: auditActionLabel(a.action, locale) })}
                  onClick={(e) => {
                    // The row click toggles too; do it once.
                    e.stopPropagation();
                    toggle(a.id);
                  }}
                >
                  {expanded.includes(a.id) ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                </ActionIcon>
              ),
            },
            {
              accessor: 'occurredAt',
              title: t('audit.when'),
              noWrap: true,
              render: (a) => formatDateTime(a.occurredAt, locale, me?.timeZone),
            },
            {
              accessor: 'actorEmail',
              title: t('auditLog.who'),
              render: who,
            },
            {
              accessor: 'action',
              title: t('audit.action'),
              render: (a) => (
                <Text size="sm" fw={500} title={a.action}>
                  {auditActionLabel(a.action, locale)}
                </Text>
              ),
            },
            {
              accessor: 'entity',
              title: t('auditLog.record'),
              render: (a) => (
                <RecordCell entry={a} locale={locale} onHistory={() => setSearch({ entity: a.entity, entityId: a.entityId })} />
              ),
            },
            {
              accessor: 'changes',
              title: t('audit.changes'),
              width: '34%',
              render: (a) => <Changes entry={a} locale={locale} limit={3} />,
            },
          ]}
        />
      )}
    </Stack>
  );
}

function RecordCell({ entry, locale, onHistory }: { entry: AuditEntry; locale: Locale; onHistory: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const path =
    entry.entity === 'user' && me && canUse(me.role, '/users')
      ? `/users?q=${encodeURIComponent(entry.entityId)}`
      : recordPath(entry.entity, entry.entityId);
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Badge variant="light" color="gray" size="sm" style={{ textTransform: 'none' }}>
          {auditEntityLabel(entry.entity, locale)}
        </Badge>
        {path ? (
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to={path as '/'} />}>
            {t('auditLog.open')}
          </Anchor>
        ) : null}
      </Group>
      <Anchor
        component="button"
        type="button"
        size="xs"
        c="dimmed"
        ff="monospace"
        title={t('auditLog.historyOf', { id: entry.entityId })}
        onClick={onHistory}
        ta="left"
      >
        {entry.entityId.length > 12 ? `${entry.entityId.slice(0, 8)}…` : entry.entityId}
      </Anchor>
    </Stack>
  );
}

function Snapshot({ label, value, empty }: { label: string; value: unknown; empty: string }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Code block style={{ maxHeight: 360, overflow: 'auto' }}>
        {value === null || value === undefined ? empty : JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}
