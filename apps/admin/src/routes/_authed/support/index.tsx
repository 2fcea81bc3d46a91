import { Anchor, Card, Group, Select, Stack, Text } from '@mantine/core';
import { SupportKindSchema, SupportStatusSchema } from '@partnerline/domain';
import { formatDateTime, formatMoney, meQueryOptions, PageHeader } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { supportRequestsPageQueryOptions } from '../../../api/training';
import { FundsStatusBadge, SupportKindBadge, SupportStatusBadge } from '../training/-components/TrainingBadges';
import { serverPaging } from '../-components/serverPaging';

const SearchSchema = z.object({
  status: SupportStatusSchema.optional(),
  kind: SupportKindSchema.optional(),
  page: z.number().int().min(1).optional(),
});
type Search = z.infer<typeof SearchSchema>;

export const Route = createFileRoute('/_authed/support/')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => ({ status: search.status, kind: search.kind, page: search.page ?? 1 }),
  loader: ({ context, deps: { page, ...f } }) => context.queryClient.ensureQueryData(supportRequestsPageQueryOptions(f, page)),
  component: SupportQueue,
});

function SupportQueue() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { page = 1, ...filters } = Route.useSearch();
  const navigate = Route.useNavigate();
  const go = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: requests, isFetching } = useQuery(supportRequestsPageQueryOptions(filters, page));
  const setSearch = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page }) });

  return (
    <Stack maw={1400}>
      <PageHeader title={t('support.title')} subtitle={t('support.subtitle')} />
      <Card p="sm">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('support.status')}
            placeholder={t('support.anyStatus')}
            clearable
            w={180}
            data={SupportStatusSchema.options.map((v) => ({ value: v, label: t(`supportStatus.${v}`) }))}
            value={filters.status ?? null}
            onChange={(v) => setSearch({ status: (v as Search['status']) ?? undefined })}
          />
          <Select
            label={t('support.kind')}
            placeholder={t('support.anyKind')}
            clearable
            w={220}
            data={SupportKindSchema.options.map((v) => ({ value: v, label: t(`supportKind.${v}`) }))}
            value={filters.kind ?? null}
            onChange={(v) => setSearch({ kind: (v as Search['kind']) ?? undefined })}
          />
        </Group>
      </Card>
      <DataTable
        {...serverPaging(
          requests,
          page,
          (p) => setSearch({ page: p }),
          (count) => t('support.total', { count }),
        )}
        fetching={isFetching}
        noRecordsText={t('support.empty')}
        onRowClick={({ record }) => void go({ to: '/support/$requestId', params: { requestId: record.id } })}
        columns={[
          {
            accessor: 'number',
            title: t('support.number'),
            noWrap: true,
            render: (r) => (
              <Anchor
                size="sm"
                fw={600}
                ff="monospace"
                renderRoot={(props) => <Link {...props} to="/support/$requestId" params={{ requestId: r.id }} />}
              >
                {r.number}
              </Anchor>
            ),
          },
          { accessor: 'partnerName', title: t('support.partner') },
          { accessor: 'kind', title: t('support.kind'), noWrap: true, render: (r) => <SupportKindBadge kind={r.kind} /> },
          {
            accessor: 'subject',
            title: t('support.subject'),
            render: (r) => (
              <Text size="sm" lineClamp={2}>
                {r.subject}
              </Text>
            ),
          },
          { accessor: 'status', title: t('support.status'), noWrap: true, render: (r) => <SupportStatusBadge status={r.status} /> },
          {
            accessor: 'requestedFunds',
            title: t('support.requested'),
            textAlign: 'right',
            noWrap: true,
            render: (r) => formatMoney(r.requestedFunds, locale),
          },
          {
            accessor: 'approvedFunds',
            title: t('support.approved'),
            textAlign: 'right',
            noWrap: true,
            render: (r) =>
              r.fundsStatus === 'approved' ? (
                formatMoney(r.approvedFunds, locale)
              ) : r.fundsStatus ? (
                <FundsStatusBadge status={r.fundsStatus} />
              ) : (
                '—'
              ),
          },
          {
            accessor: 'assigneeName',
            title: t('support.assignee'),
            noWrap: true,
            render: (r) =>
              r.assigneeName ?? (
                <Text size="sm" c="dimmed">
                  {t('support.unassigned')}
                </Text>
              ),
          },
          {
            accessor: 'updatedAt',
            title: t('support.updated'),
            noWrap: true,
            render: (r) => formatDateTime(r.updatedAt, locale, user?.timeZone),
          },
        ]}
      />
    </Stack>
  );
}
