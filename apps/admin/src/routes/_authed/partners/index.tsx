import { Anchor, Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { PartnerStatusSchema, PartnerTypeSchema } from '@partnerline/domain';
import { daysUntil, formatDate, meQueryOptions, useStatusLabel } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { industriesQueryOptions, regionOptions, regionsQueryOptions } from '../../../api/catalog';
import { csvExportUrl, managersQueryOptions, partnersQueryOptions } from '../../../api/partners';
import { PageHeader, placeName } from '@partnerline/ui';
import { StageBadge } from '@partnerline/ui';

const SearchSchema = z.object({
  view: z.enum(['queue', 'directory']).optional(),
  q: z.string().optional(),
  type: PartnerTypeSchema.optional(),
  status: PartnerStatusSchema.optional(),
  managerId: z.uuid().optional(),
  industryId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  sort: z.enum(['name', 'applicationAge', 'status', 'type', 'createdAt']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.number().int().min(1).optional(),
});
type Search = z.infer<typeof SearchSchema>;
const PAGE_SIZE = 20;

function filtersOf(s: Search) {
  const queue = s.view === 'queue';
  return {
    q: s.q,
    type: s.type,
    status: s.status,
    // The queue is the open applications, oldest first.
    openApplications: queue ? ('true' as const) : undefined,
    managerId: s.managerId,
    industryId: s.industryId,
    regionId: s.regionId,
    sort: s.sort ?? (queue ? 'applicationAge' : 'name'),
    order: s.order ?? 'asc',
    page: s.page ?? 1,
    pageSize: PAGE_SIZE,
  } as const;
}

export const Route = createFileRoute('/_authed/partners/')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(partnersQueryOptions(filtersOf(deps))),
      context.queryClient.ensureQueryData(managersQueryOptions()),
      context.queryClient.ensureQueryData(industriesQueryOptions()),
      context.queryClient.ensureQueryData(regionsQueryOptions()),
    ]),
  component: PartnersPage,
});

function PartnersPage() {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/partners/' });
  const go = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: managers } = useSuspenseQuery(managersQueryOptions());
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: regions } = useSuspenseQuery(regionsQueryOptions());
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  const setSearch = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page }) });
  useEffect(() => {
    if ((debounced || undefined) !== search.q) setSearch({ q: debounced || undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  const view = search.view ?? 'directory';
  const filters = filtersOf(search);
  const { data, isFetching } = useQuery(partnersQueryOptions(filters));
  const records = data?.items ?? [];

  return (
    <Stack maw={1400}>
      <PageHeader
        title={t('partners.title')}
        subtitle={t('partners.subtitle')}
        actions={
          <Button component="a" href={csvExportUrl(filters)} variant="default" leftSection={<IconDownload size={16} />}>
            {t('partners.exportCsv')}
          </Button>
        }
      />
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(v) => setSearch({ view: v as Search['view'], status: undefined, sort: undefined })}
        data={[
          { value: 'directory', label: t('partners.directory') },
          { value: 'queue', label: t('partners.queue') },
        ]}
      />
      <Card p="sm">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput label={t('common.search', { ns: 'ui' })} placeholder={t('partners.search')} leftSection={<IconSearch size={14} />} w={300} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Select label={t('partners.type')} placeholder={t('partners.anyType')} clearable w={150} data={PartnerTypeSchema.options.map((v) => ({ value: v, label: t(`partnerType.${v}`) }))} value={search.type ?? null} onChange={(v) => setSearch({ type: (v as Search['type']) ?? undefined })} />
          <Select label={t('partners.status')} placeholder={t('partners.anyStatus')} clearable w={150} data={PartnerStatusSchema.options.map((v) => ({ value: v, label: statusLabel('partnerStatus', v) }))} value={search.status ?? null} onChange={(v) => setSearch({ status: (v as Search['status']) ?? undefined })} />
          <Select label={t('partners.manager')} placeholder={t('partners.anyManager')} clearable w={170} data={managers.map((m) => ({ value: m.id, label: m.displayName }))} value={search.managerId ?? null} onChange={(v) => setSearch({ managerId: v ?? undefined })} />
          <Select label={t('partners.industry')} clearable searchable w={170} data={industries.map((i) => ({ value: i.id, label: locale === 'zh-CN' ? i.nameZh : i.nameEn }))} value={search.industryId ?? null} onChange={(v) => setSearch({ industryId: v ?? undefined })} />
          <Select label={t('partners.region')} clearable searchable w={190} data={regionOptions(regions, locale)} value={search.regionId ?? null} onChange={(v) => setSearch({ regionId: v ?? undefined })} />
        </Group>
      </Card>
      <DataTable
        withTableBorder
        noRecordsText={t('common.noRecords', { ns: 'ui' })}
        borderRadius="md"
        highlightOnHover
        minHeight={240}
        fetching={isFetching}
        records={records}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={search.page ?? 1}
        onPageChange={(p) => setSearch({ page: p })}
        sortStatus={{ columnAccessor: filters.sort, direction: filters.order }}
        onSortStatusChange={(s) => setSearch({ sort: s.columnAccessor as Search['sort'], order: s.direction })}
        paginationText={({ from, to, totalRecords }) =>
          `${from}–${to} / ${data?.totalExact === false ? t('partnerDirectory.totalAtLeast', { count: totalRecords.toLocaleString(locale) }) : t('partners.total', { count: totalRecords })}`
        }
        onRowClick={({ record }) => void go({ to: '/partners/$partnerId', params: { partnerId: record.id } })}
        columns={[
          {
            accessor: 'name',
            title: t('partners.name'),
            sortable: true,
            render: (p) => (
              <Stack gap={0}>
                <Anchor fw={600} size="sm" onClick={(e: React.MouseEvent) => e.stopPropagation()} renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: p.id }} />}>
                  {p.name}
                </Anchor>
                {p.nameEn && (
                  <Text size="xs" c="dimmed">
                    {p.nameEn}
                  </Text>
                )}
              </Stack>
            ),
          },
          { accessor: 'type', title: t('partners.type'), sortable: true, noWrap: true, render: (p) => <Badge variant="outline" color={p.type === 'strategic' ? 'grape' : 'teal'}>{t(`partnerType.${p.type}`)}</Badge> },
          { accessor: 'status', title: t('partners.stage'), sortable: true, noWrap: true, render: (p) => <StageBadge stage={p.stage} audience="vendor" /> },
          { accessor: 'city', title: t('partners.city'), noWrap: true, render: (p) => placeName(p.city, p.cityEn, locale) },
          { accessor: 'managerName', title: t('partners.manager'), noWrap: true, render: (p) => p.managerName ?? <Text size="sm" c="orange">{t('partners.unassigned')}</Text> },
          { accessor: 'segmentCount', title: t('partners.segments'), textAlign: 'right' },
          { accessor: 'latestScore', title: t('partners.score'), textAlign: 'right', render: (p) => p.latestScore ?? '—' },
          { accessor: 'applicationAge', title: t('partners.applied'), sortable: true, noWrap: true, render: (p) => `${formatDate(p.appliedAt, locale, user?.timeZone)} · ${t('partners.days', { count: -daysUntil(p.appliedAt) })}` },
        ]}
      />
    </Stack>
  );
}
