import { Anchor, Badge, Card, Group, Select, Stack } from '@mantine/core';
import { ApiError, apiFetch, formatMoney, meQueryOptions, PageHeader, StatusBadge, useStatusLabel } from '@partnerline/ui';
import { useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Button, FileInput, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { queueQueryOptions } from '../../../api/registrations';

const STATUSES = ['in_review', 'in_conflict', 'approved', 'won', 'lost', 'expired', 'rejected', 'withdrawn', 'draft'] as const;
const SearchSchema = z.object({ status: z.enum(STATUSES).optional(), page: z.number().int().min(1).optional() });
const PAGE_SIZE = 25;

export const Route = createFileRoute('/_authed/registrations/')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(queueQueryOptions({ status: deps.status, page: deps.page ?? 1, pageSize: PAGE_SIZE })),
  component: Queue,
});

function Queue() {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/registrations/' });
  const go = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data, isFetching } = useQuery(queueQueryOptions({ status: search.status, page: search.page ?? 1, pageSize: PAGE_SIZE }));
  return (
    <Stack maw={1300}>
      <PageHeader title={t('registrations.title')} subtitle={t('registrations.subtitle')} actions={user?.role === 'vendor_admin' ? <ImportDirectAccounts /> : undefined} />
      <Card p="sm">
        <Group>
          <Select label={t('registrations.status')} placeholder={t('registrations.anyStatus')} clearable w={200} data={STATUSES.map((s) => ({ value: s, label: statusLabel('registration', s) }))} value={search.status ?? null} onChange={(v) => void navigate({ search: { status: (v as (typeof STATUSES)[number]) ?? undefined } })} />
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
        page={search.page ?? 1}
        onPageChange={(p) => void navigate({ search: (s) => ({ ...s, page: p }) })}
        paginationText={({ from, to, totalRecords }) => `${from}–${to} / ${t('registrations.total', { count: totalRecords })}`}
        onRowClick={({ record }) => void go({ to: '/registrations/$registrationId', params: { registrationId: record.id } })}
        columns={[
          { accessor: 'customerName', title: t('registrations.customer'), render: (r) => <Anchor size="sm" fw={600} renderRoot={(props) => <Link {...props} to="/registrations/$registrationId" params={{ registrationId: r.id }} />}>{r.customerName}</Anchor> },
          { accessor: 'partnerName', title: t('registrations.partner') },
          { accessor: 'status', title: t('registrations.status'), noWrap: true, render: (r) => <StatusBadge kind="registration" value={r.status} /> },
          { accessor: 'estimatedAmount', title: t('registrations.amount'), textAlign: 'right', noWrap: true, render: (r) => formatMoney(r.estimatedAmount, i18n.language === 'zh-CN' ? 'zh-CN' : 'en') },
          { accessor: 'slaDue', title: t('registrations.slaDue'), noWrap: true, render: (r) => (r.slaDue ? <Group gap={6}>{r.slaDue}{r.slaBreached && <Badge color="red" size="sm">{t('registrations.overdue')}</Badge>}</Group> : '—') },
          { accessor: 'protectionEnds', title: t('registrations.protection'), noWrap: true, render: (r) => r.protectionEnds ?? '—' },
        ]}
      />
    </Stack>
  );
}

function ImportDirectAccounts() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({ mutationFn: async (f: File) => apiFetch<{ imported: number; rejected: { line: number; reason: string }[] }>('/direct-accounts/import', { method: 'POST', body: { csv: await f.text() } }) });
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('registrations.importDirect')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('registrations.importDirect')} size="lg">
        <Stack>
          <Text size="sm" c="dimmed">{t('registrations.importHelp')}</Text>
          <FileInput label={t('registrations.csvFile')} accept=".csv,text/csv" value={file} onChange={setFile} clearable />
          <Button disabled={!file} loading={run.isPending} onClick={() => file && run.mutate(file)} w="fit-content">
            {t('registrations.import')}
          </Button>
          {run.error && <Text c="red" size="sm">{run.error instanceof ApiError ? run.error.message : String(run.error)}</Text>}
          {run.data && (
            <Stack gap={4}>
              <Text fw={600}>{t('registrations.imported', { count: run.data.imported })}</Text>
              {run.data.rejected.length > 0 && <Text size="sm" fw={600}>{t('registrations.rejectedLines')}</Text>}
              {run.data.rejected.map((r) => (
                <Text key={r.line} size="sm" c="red">{t('registrations.line', { line: r.line, reason: r.reason })}</Text>
              ))}
            </Stack>
          )}
        </Stack>
      </Modal>
    </>
  );
}
