import { Code, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { changedFields, type User } from '@partnerline/domain';
import { formatDateTime, meQueryOptions } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditQueryOptions } from '../../api/admin';
import { PageHeader } from '@partnerline/ui';

export const Route = createFileRoute('/_authed/audit')({
  beforeLoad: ({ context }) => {
    const role = (context as { user?: User }).user?.role;
    if (role !== 'vendor_admin' && role !== 'leadership') throw redirect({ to: '/' });
  },
  component: AuditPage,
});

const ENTITIES = ['partner', 'segment', 'policies', 'user', 'session', 'system'];
const PAGE_SIZE = 30;

function AuditPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const [entity, setEntity] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<string[]>([]);
  const { data, isFetching } = useQuery(auditQueryOptions({ entity: entity ?? undefined, page, pageSize: PAGE_SIZE }));

  return (
    <Stack maw={1300}>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Group>
        <Select label={t('audit.entityFilter')} clearable data={ENTITIES} value={entity} onChange={(v) => { setEntity(v); setPage(1); }} w={200} />
      </Group>
      <DataTable
        withTableBorder
        borderRadius="md"
        minHeight={200}
        fetching={isFetching}
        records={data?.items ?? []}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        rowExpansion={{ allowMultiple: true, expanded: { recordIds: expanded, onRecordIdsChange: setExpanded }, content: ({ record }) => (
          <SimpleGrid cols={2} p="sm">
            <Stack gap={4}>
              <Text size="xs" fw={600}>{t('audit.before')}</Text>
              <Code block>{JSON.stringify(record.before, null, 2) ?? 'null'}</Code>
            </Stack>
            <Stack gap={4}>
              <Text size="xs" fw={600}>{t('audit.after')}</Text>
              <Code block>{JSON.stringify(record.after, null, 2) ?? 'null'}</Code>
            </Stack>
          </SimpleGrid>
        ) }}
        columns={[
          { accessor: 'occurredAt', title: t('audit.when'), noWrap: true, render: (a) => formatDateTime(a.occurredAt, locale, me?.timeZone) },
          { accessor: 'actorEmail', title: t('audit.actor'), render: (a) => a.actorEmail ?? t('audit.system') },
          { accessor: 'action', title: t('audit.action'), render: (a) => <Code>{a.action}</Code> },
          { accessor: 'entity', title: t('audit.entity'), render: (a) => `${a.entity} · ${a.entityId.slice(0, 8)}` },
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
