import { ActionIcon, Card, Code, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { changedFields } from '@partnerline/domain';
import { formatDateTime, meQueryOptions, PageHeader, useLocale } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { auditQueryOptions } from '../../api/admin';
import { canUse } from '../../nav';

/** The kinds of record the API audits today. */
const ENTITIES = ['partner', 'agreement', 'segment', 'policies', 'user', 'session', 'system'] as const;
const PAGE_SIZE = 30;

const SearchSchema = z.object({
  entity: z.enum(ENTITIES).optional(),
  entityId: z.uuid().optional(),
  page: z.number().int().min(1).optional(),
});

export const Route = createFileRoute('/_authed/audit')({
  validateSearch: SearchSchema,
  beforeLoad: ({ context }) => {
    if (!canUse(context.user.role, '/audit')) throw redirect({ to: '/' });
  },
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(auditQueryOptions({ ...deps, page: deps.page ?? 1, pageSize: PAGE_SIZE })),
  component: AuditPage,
});

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

function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/audit' });
  const page = search.page ?? 1;
  const [expanded, setExpanded] = useState<string[]>([]);
  const { data, isFetching } = useQuery(auditQueryOptions({ entity: search.entity, entityId: search.entityId, page, pageSize: PAGE_SIZE }));
  const entityName = (e: string) => ((ENTITIES as readonly string[]).includes(e) ? t(`audit.entities.${e}`) : e);
  const toggle = (id: string) => setExpanded((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <Stack maw={1300}>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card p="sm">
        <Select
          label={t('audit.entityFilter')}
          placeholder={t('audit.anyEntity')}
          clearable
          w={240}
          data={ENTITIES.map((e) => ({ value: e, label: entityName(e) }))}
          value={search.entity ?? null}
          onChange={(v) => {
            setExpanded([]);
            void navigate({ search: { entity: (v as (typeof ENTITIES)[number] | null) ?? undefined } });
          }}
        />
      </Card>
      <DataTable
        withTableBorder
        borderRadius="md"
        minHeight={200}
        fetching={isFetching}
        records={data?.items ?? []}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={(p) => {
          setExpanded([]);
          void navigate({ search: (s) => ({ ...s, page: p }) });
        }}
        noRecordsText={t('common.noRecords', { ns: 'ui' })}
        rowExpansion={{
          allowMultiple: true,
          expanded: { recordIds: expanded, onRecordIdsChange: setExpanded },
          content: ({ record }) => (
            <SimpleGrid cols={{ base: 1, md: 2 }} p="sm">
              <Snapshot label={t('audit.before')} value={record.before} empty={t('audit.nothing')} />
              <Snapshot label={t('audit.after')} value={record.after} empty={t('audit.nothing')} />
            </SimpleGrid>
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
                aria-label={t('audit.details', { action: a.action })}
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
          { accessor: 'occurredAt', title: t('audit.when'), noWrap: true, render: (a) => formatDateTime(a.occurredAt, locale, me?.timeZone) },
          { accessor: 'actorEmail', title: t('audit.actor'), render: (a) => a.actorEmail ?? <Text size="sm" c="dimmed">{t('audit.system')}</Text> },
          { accessor: 'action', title: t('audit.action'), render: (a) => <Code>{a.action}</Code> },
          {
            accessor: 'entity',
            title: t('audit.entity'),
            render: (a) => (
              <Group gap={6} wrap="nowrap">
                <Text size="sm">{entityName(a.entity)}</Text>
                <Text size="xs" c="dimmed" ff="monospace" title={a.entityId}>
                  {a.entityId.slice(0, 8)}
                </Text>
              </Group>
            ),
          },
          {
            accessor: 'changes',
            title: t('audit.changes'),
            render: (a) =>
              changedFields(a.before as Record<string, unknown> | null, a.after as Record<string, unknown> | null)
                .slice(0, 6)
                .join(', '),
          },
        ]}
      />
    </Stack>
  );
}
