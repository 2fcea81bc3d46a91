import { Alert, Box, Button, Card, Grid, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconNotes, IconPencil } from '@tabler/icons-react';
import { type ChannelStrategy, ChannelStrategySchema, type Segment } from '@partnerline/domain';
import { formatDate, meQueryOptions, PageHeader, regionOptions, useLocale } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { industriesQueryOptions, policiesQueryOptions, regionsQueryOptions, segmentsQueryOptions } from '../../api/catalog';
import { EditSegmentModal } from './-components/EditSegmentModal';
import { QuadrantLegend } from './-components/QuadrantLegend';
import { StrategyBadge } from './-components/StrategyBadge';

const SearchSchema = z.object({
  industryId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  strategy: ChannelStrategySchema.optional(),
  page: z.number().int().min(1).optional(),
});
type Search = z.infer<typeof SearchSchema>;

const PAGE_SIZE = 25;
const DEPTH = { country: 0, province: 1, city: 2 } as const;

export const Route = createFileRoute('/_authed/segments')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(industriesQueryOptions()),
      context.queryClient.ensureQueryData(regionsQueryOptions()),
      context.queryClient.ensureQueryData(policiesQueryOptions()),
      context.queryClient.ensureQueryData(segmentsQueryOptions({ ...deps, page: deps.page ?? 1, pageSize: PAGE_SIZE })),
    ]),
  component: SegmentsPage,
});

function SegmentsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const zh = locale === 'zh-CN';
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/segments' });
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: regions } = useSuspenseQuery(regionsQueryOptions());
  const { data: policies } = useSuspenseQuery(policiesQueryOptions());
  const thresholds = policies.policies.segments;
  const page = search.page ?? 1;
  const { data, isFetching } = useQuery(segmentsQueryOptions({ industryId: search.industryId, regionId: search.regionId, strategy: search.strategy, page, pageSize: PAGE_SIZE }));
  const [editing, setEditing] = useState<Segment | null>(null);
  const canEdit = user?.role === 'vendor_admin' || user?.role === 'channel_manager';
  // Changing a filter goes back to the first page.
  const setSearch = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page ?? undefined }) });

  return (
    <Stack maw={1280}>
      <PageHeader title={t('segments.title')} subtitle={t('segments.subtitle')} />
      <Grid align="stretch">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card p="sm" h="100%">
            <Text size="sm" fw={600} mb={6}>
              {t('segments.filters')}
            </Text>
            <Stack gap="sm">
              <Select
                label={t('segments.industry')}
                placeholder={t('segments.anyIndustry')}
                clearable
                searchable
                data={industries.map((i) => ({ value: i.id, label: zh ? i.nameZh : i.nameEn }))}
                value={search.industryId ?? null}
                onChange={(v) => setSearch({ industryId: v ?? undefined })}
              />
              <Group grow align="flex-start">
                <Select
                  label={t('segments.region')}
                  placeholder={t('segments.anyRegion')}
                  clearable
                  searchable
                  data={regionOptions(regions, locale)}
                  value={search.regionId ?? null}
                  onChange={(v) => setSearch({ regionId: v ?? undefined })}
                />
                <Select
                  label={t('segments.strategy')}
                  placeholder={t('segments.anyStrategy')}
                  clearable
                  data={ChannelStrategySchema.options.map((s) => ({ value: s, label: t(`strategy.${s}`) }))}
                  value={search.strategy ?? null}
                  onChange={(v) => setSearch({ strategy: (v as ChannelStrategy | null) ?? undefined })}
                />
              </Group>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <QuadrantLegend thresholds={thresholds} highlight={search.strategy} />
        </Grid.Col>
      </Grid>
      {!canEdit && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} py="xs">
          {t('segments.readOnly')}
        </Alert>
      )}
      <DataTable
        withTableBorder
        borderRadius="md"
        highlightOnHover
        striped
        minHeight={200}
        fetching={isFetching}
        records={data?.items ?? []}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={(p) => setSearch({ page: p })}
        paginationText={({ from, to, totalRecords }) => `${from}–${to} / ${t('segments.count', { count: totalRecords })}`}
        noRecordsText={t('common.noRecords', { ns: 'ui' })}
        columns={[
          { accessor: 'industry', title: t('segments.industry'), noWrap: true, render: (s) => (zh ? s.industryNameZh : s.industryNameEn) },
          {
            accessor: 'region',
            title: t('segments.region'),
            noWrap: true,
            render: (s) => (
              <Group gap={6} wrap="nowrap" pl={DEPTH[s.regionLevel] * 14}>
                <span>{zh ? s.regionNameZh : s.regionNameEn}</span>
                {s.notes && (
                  <Tooltip label={s.notes} multiline maw={320} withArrow>
                    <Box component="span" c="dimmed" style={{ display: 'inline-flex' }} aria-label={`${t('segments.notes')}: ${s.notes}`} tabIndex={0}>
                      <IconNotes size={14} />
                    </Box>
                  </Tooltip>
                )}
              </Group>
            ),
          },
          { accessor: 'regionLevel', title: t('segments.level'), noWrap: true, render: (s) => t(`level.${s.regionLevel}`) },
          { accessor: 'marketPotential', title: t('segments.potentialShort'), noWrap: true, textAlign: 'right' },
          { accessor: 'expansionDifficulty', title: t('segments.difficultyShort'), noWrap: true, textAlign: 'right' },
          { accessor: 'strategy', title: t('segments.strategy'), noWrap: true, render: (s) => <StrategyBadge strategy={s.strategy} /> },
          { accessor: 'updatedAt', title: t('segments.updated'), noWrap: true, render: (s) => formatDate(s.updatedAt, locale, user?.timeZone) },
          ...(canEdit
            ? [
                {
                  accessor: 'actions',
                  title: '',
                  textAlign: 'right' as const,
                  render: (s: Segment) => (
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPencil size={14} />}
                      aria-label={t('segments.editOne', { industry: zh ? s.industryNameZh : s.industryNameEn, region: zh ? s.regionNameZh : s.regionNameEn })}
                      onClick={() => setEditing(s)}
                    >
                      {t('segments.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <EditSegmentModal segment={editing} thresholds={thresholds} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
