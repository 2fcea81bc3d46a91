import { Anchor, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { CONFLICTS_PAGE_SIZE, formatDateTime, meQueryOptions, PageHeader, StatusBadge } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { conflictsQueryOptions } from '../../../api/registrations';

export const Route = createFileRoute('/_authed/conflicts/')({
  validateSearch: z.object({ status: z.enum(['open', 'resolved']).optional(), page: z.coerce.number().int().min(1).optional() }),
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(conflictsQueryOptions(deps.status ?? 'open', deps.page ?? 1)),
  component: Conflicts,
});


function Conflicts() {
  const { t, i18n } = useTranslation();
  const search = Route.useSearch();
  const status = search.status ?? 'open';
  const page = search.page ?? 1;
  const navigate = useNavigate({ from: '/conflicts/' });
  const go = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data, isFetching } = useQuery(conflictsQueryOptions(status, page));
  return (
    <Stack maw={1300}>
      <PageHeader title={t('conflicts.title')} subtitle={t('conflicts.subtitle')} />
      <SegmentedControl w="fit-content" value={status} onChange={(v) => void navigate({ search: { status: v as 'open' | 'resolved', page: 1 } })} data={[{ value: 'open', label: t('conflicts.open') }, { value: 'resolved', label: t('conflicts.resolved') }]} />
      <DataTable
        withTableBorder
        borderRadius="md"
        highlightOnHover
        minHeight={200}
        fetching={isFetching}
        records={data ?? []}
        onRowClick={({ record }) => void go({ to: '/conflicts/$conflictId', params: { conflictId: record.id } })}
        columns={[
          { accessor: 'number', title: t('conflicts.case'), noWrap: true },
          {
            accessor: 'customerName',
            title: t('conflicts.customer'),
            render: (c) => (
              <Stack gap={2}>
                <Anchor size="sm" fw={600} renderRoot={(props) => <Link {...props} to="/conflicts/$conflictId" params={{ conflictId: c.id }} />}>
                  {c.customerName}
                </Anchor>
                {c.otherCustomerNames.map((n) => (
                  <Text key={n} size="xs" c="dimmed">
                    {n}
                  </Text>
                ))}
              </Stack>
            ),
          },
          {
            accessor: 'kind',
            title: t('conflicts.kind'),
            render: (c) => (
              <Group gap={4}>
                {c.kinds.map((k) => (
                  <StatusBadge key={k} kind="conflictKind" value={k} />
                ))}
              </Group>
            ),
          },
          { accessor: 'raisedBy', title: t('conflicts.raisedBy') },
          { accessor: 'parties', title: t('conflicts.parties'), textAlign: 'right' },
          { accessor: 'openedAt', title: t('conflicts.opened'), noWrap: true, render: (c) => formatDateTime(c.openedAt, i18n.language === 'zh-CN' ? 'zh-CN' : 'en', user?.timeZone) },
          { accessor: 'resolution', title: t('conflicts.resolution'), render: (c) => (c.resolution ? t(`conflicts.outcome.${c.resolution}`) : '—') },
        ]}
      />
      {(page > 1 || (data?.length ?? 0) >= CONFLICTS_PAGE_SIZE) && (
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" disabled={page <= 1} onClick={() => void navigate({ search: { status, page: page - 1 } })}>
            {t('conflicts.previousPage')}
          </Button>
          <Text size="sm">{t('conflicts.pageN', { page })}</Text>
          <Button variant="default" size="xs" disabled={(data?.length ?? 0) < CONFLICTS_PAGE_SIZE} onClick={() => void navigate({ search: { status, page: page + 1 } })}>
            {t('conflicts.nextPage')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
