import { Anchor, Badge, Button, Card, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { AgreementStatusSchema, AgreementTypeSchema } from '@partnerline/domain';
import { formatDate, formatMoney, meQueryOptions, useStatusLabel } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { agreementsQueryOptions } from '../../../api/agreements';
import { industriesQueryOptions, regionOptions, regionsQueryOptions } from '../../../api/catalog';
import { partnersQueryOptions } from '../../../api/partners';
import { PageHeader } from '@partnerline/ui';
import { AgreementStatusBadge } from './-components/AgreementStatusBadge';

const SearchSchema = z.object({
  type: AgreementTypeSchema.optional(),
  status: AgreementStatusSchema.optional(),
  partnerId: z.uuid().optional(),
  industryId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  endingWithinDays: z.number().int().min(0).optional(),
  page: z.number().int().min(1).optional(),
});
type Search = z.infer<typeof SearchSchema>;
const PAGE_SIZE = 20;

export const Route = createFileRoute('/_authed/agreements/')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(agreementsQueryOptions({ ...deps, page: deps.page ?? 1, pageSize: PAGE_SIZE })),
      context.queryClient.ensureQueryData(industriesQueryOptions()),
      context.queryClient.ensureQueryData(regionsQueryOptions()),
      context.queryClient.ensureQueryData(partnersQueryOptions({ page: 1, pageSize: 200, sort: 'name', order: 'asc' })),
    ]),
  component: AgreementsPage,
});

function AgreementsPage() {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const zh = i18n.language === 'zh-CN';
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/agreements/' });
  const go = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: industries } = useSuspenseQuery(industriesQueryOptions());
  const { data: regions } = useSuspenseQuery(regionsQueryOptions());
  const { data: partners } = useSuspenseQuery(partnersQueryOptions({ page: 1, pageSize: 200, sort: 'name', order: 'asc' }));
  const { data, isFetching } = useQuery(agreementsQueryOptions({ ...search, page: search.page ?? 1, pageSize: PAGE_SIZE }));
  const setSearch = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page }) });
  const canDraft = user?.role === 'vendor_admin' || user?.role === 'channel_manager';

  return (
    <Stack maw={1400}>
      <PageHeader
        title={t('agreements.title')}
        subtitle={t('agreements.subtitle')}
        actions={
          canDraft ? (
            <Button leftSection={<IconPlus size={16} />} renderRoot={(props) => <Link {...props} to="/agreements/new" />}>
              {t('agreements.new')}
            </Button>
          ) : undefined
        }
      />
      <Card p="sm">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select label={t('agreements.type')} placeholder={t('agreements.anyType')} clearable w={150} data={AgreementTypeSchema.options.map((v) => ({ value: v, label: t(`agreementType.${v}`) }))} value={search.type ?? null} onChange={(v) => setSearch({ type: (v as Search['type']) ?? undefined })} />
          <Select label={t('agreements.status')} placeholder={t('agreements.anyStatus')} clearable w={160} data={AgreementStatusSchema.options.map((v) => ({ value: v, label: statusLabel('agreement', v) }))} value={search.status ?? null} onChange={(v) => setSearch({ status: (v as Search['status']) ?? undefined })} />
          <Select label={t('agreements.partner')} placeholder={t('agreements.anyPartner')} clearable searchable w={240} data={partners.items.map((p) => ({ value: p.id, label: p.name }))} value={search.partnerId ?? null} onChange={(v) => setSearch({ partnerId: v ?? undefined })} />
          <Select label={t('agreementForm.industry')} placeholder={t('agreements.allIndustries')} clearable searchable w={170} data={industries.map((i) => ({ value: i.id, label: zh ? i.nameZh : i.nameEn }))} value={search.industryId ?? null} onChange={(v) => setSearch({ industryId: v ?? undefined })} />
          <Select label={t('agreementForm.region')} placeholder={t('agreements.allRegions')} clearable searchable w={190} data={regionOptions(regions, i18n.language)} value={search.regionId ?? null} onChange={(v) => setSearch({ regionId: v ?? undefined })} />
          <NumberInput label={t('agreements.endingWithin')} min={0} w={150} value={search.endingWithinDays ?? ''} onChange={(v) => setSearch({ endingWithinDays: v === '' ? undefined : Number(v) })} />
        </Group>
      </Card>
      <DataTable
        withTableBorder
        noRecordsText={t('common.noRecords', { ns: 'ui' })}
        borderRadius="md"
        highlightOnHover
        minHeight={200}
        fetching={isFetching}
        records={data?.items ?? []}
        totalRecords={data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={search.page ?? 1}
        onPageChange={(p) => setSearch({ page: p })}
        paginationText={({ from, to, totalRecords }) => `${from}–${to} / ${t('agreements.total', { count: totalRecords })}`}
        onRowClick={({ record }) => void go({ to: '/agreements/$agreementId', params: { agreementId: record.id } })}
        columns={[
          { accessor: 'number', title: t('agreements.number'), noWrap: true, render: (a) => <Anchor size="sm" fw={600} renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: a.id }} />}>{a.number}</Anchor> },
          { accessor: 'partnerName', title: t('agreements.partner') },
          { accessor: 'type', title: t('agreements.type'), noWrap: true, render: (a) => <Badge variant="outline" color={a.type === 'exclusive' ? 'grape' : a.type === 'registration' ? 'blue' : 'teal'}>{t(`agreementType.${a.type}`)}</Badge> },
          { accessor: 'status', title: t('agreements.status'), noWrap: true, render: (a) => <AgreementStatusBadge status={a.status} /> },
          { accessor: 'term', title: t('agreements.term'), noWrap: true, render: (a) => `${formatDate(a.startDate, zh ? 'zh-CN' : 'en')} – ${formatDate(a.endDate, zh ? 'zh-CN' : 'en')}` },
          {
            accessor: 'scope',
            title: t('agreements.scope'),
            render: (a) => (
              <Text size="sm" lineClamp={2}>
                {a.scope.map((s) => `${s.industryId ? (zh ? s.industryNameZh : s.industryNameEn) : t('agreements.allIndustries')} × ${s.regionId ? (zh ? s.regionNameZh : s.regionNameEn) : t('agreements.allRegions')}`).join('；')}
              </Text>
            ),
          },
          { accessor: 'quotaPerPeriod', title: t('agreements.quota'), textAlign: 'right', noWrap: true, render: (a) => formatMoney(a.quotaPerPeriod, zh ? 'zh-CN' : 'en') },
        ]}
      />
    </Stack>
  );
}
