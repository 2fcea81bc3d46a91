import { Anchor, Badge, Card, Group, Select, Stack, SegmentedControl, Switch, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError, apiFetch, formatDate, formatMoney, industriesQueryOptions, managersQueryOptions, meQueryOptions, PageHeader, partnersQueryOptions, regionsQueryOptions, StatusBadge, useLocale } from '@partnerline/ui';
import { QUEUE_TABS, QueueTabSchema, type QueueSort, type RegistrationQueueItem } from '@partnerline/domain';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Button, FileInput, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type QueueFilters, queueCountsQueryOptions, queuePageQueryOptions, useBulkApprove } from '../../../api/registration-queue';
import { serverPaging } from '../-components/serverPaging';
import { slaClock } from './-components/slaClock';

const SORTS = ['sla', 'submitted', 'amount', 'customer'] as const;
const SearchSchema = z.object({
  status: QueueTabSchema.optional(),
  q: z.string().max(100).optional(),
  partnerId: z.uuid().optional(),
  managerId: z.uuid().optional(),
  industryId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  overdue: z.boolean().optional(),
  sort: z.enum(SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.number().int().min(1).max(400).optional(),
});
type Search = z.infer<typeof SearchSchema>;
const ACCESSOR_SORT: Record<string, QueueSort> = { slaDue: 'sla', submittedAt: 'submitted', estimatedAmount: 'amount', customerName: 'customer' };
/** A registration a reviewer may approve in bulk: waiting for review and in no open conflict case. */
const approvable = (r: RegistrationQueueItem) => (r.status === 'in_review' || r.status === 'submitted') && !r.inOpenCase;

function filtersOf(s: Search): QueueFilters {
  return { status: s.status ?? 'open', q: s.q, partnerId: s.partnerId, managerId: s.managerId, industryId: s.industryId, regionId: s.regionId, overdue: s.overdue, sort: s.sort, order: s.order };
}

export const Route = createFileRoute('/_authed/registrations/')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(queuePageQueryOptions(filtersOf(deps), deps.page ?? 1)),
  component: Queue,
});

function Queue() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/registrations/' });
  const go = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const filters = filtersOf(search);
  const page = search.page ?? 1;
  const { data, isFetching } = useQuery(queuePageQueryOptions(filters, page));
  const counts = useQuery(queueCountsQueryOptions(filters)).data;
  const [selected, setSelected] = useState<RegistrationQueueItem[]>([]);
  const filterKey = JSON.stringify(filters);
  useEffect(() => setSelected([]), [filterKey, page]);
  const set = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });
  const canDecide = user?.role === 'vendor_admin' || user?.role === 'channel_manager';
  const sortAccessor = Object.entries(ACCESSOR_SORT).find(([, v]) => v === (filters.sort ?? (['open', 'in_review', 'in_conflict', 'submitted'].includes(filters.status) ? 'sla' : 'submitted')))?.[0] ?? 'slaDue';
  const countText = (tab: (typeof QUEUE_TABS)[number]) => {
    const c = counts?.[tab];
    return c ? ` (${c.exact ? c.count.toLocaleString(locale) : t('queue.atLeast', { count: c.count.toLocaleString(locale) })})` : '';
  };

  return (
    <Stack maw={1300}>
      <PageHeader title={t('registrations.title')} subtitle={t('queue.subtitle')} actions={user?.role === 'vendor_admin' ? <ImportDirectAccounts /> : undefined} />
      <SegmentedControl
        aria-label={t('registrations.status')}
        style={{ overflowX: 'auto', maxWidth: '100%' }}
        value={filters.status}
        onChange={(v) => set({ status: v as Search['status'] })}
        data={QUEUE_TABS.map((tab) => ({ value: tab, label: `${t(`queue.tabs.${tab}`)}${countText(tab)}` }))}
      />
      <QueueFilterBar search={search} set={set} />
      {canDecide && <BulkBar selected={selected} onDone={() => setSelected([])} />}
      <DataTable
        {...serverPaging(data, page, (p) => void navigate({ search: (s) => ({ ...s, page: p }) }), (count) =>
          data?.totalExact === false ? t('queue.totalAtLeast', { count: count.toLocaleString(locale) }) : t('registrations.total', { count }),
        )}
        recordsPerPage={25}
        fetching={isFetching}
        noRecordsText={t('queue.empty')}
        selectedRecords={canDecide ? selected : undefined}
        onSelectedRecordsChange={canDecide ? setSelected : undefined}
        isRecordSelectable={approvable}
        sortStatus={{ columnAccessor: sortAccessor, direction: filters.order ?? (sortAccessor === 'submittedAt' ? 'desc' : 'asc') }}
        onSortStatusChange={(st) => set({ sort: ACCESSOR_SORT[st.columnAccessor], order: st.direction })}
        onRowClick={({ record }) => void go({ to: '/registrations/$registrationId', params: { registrationId: record.id } })}
        columns={[
          { accessor: 'customerName', title: t('registrations.customer'), sortable: true, render: (r) => <Anchor size="sm" fw={600} renderRoot={(props) => <Link {...props} to="/registrations/$registrationId" params={{ registrationId: r.id }} />}>{r.customerName}</Anchor> },
          { accessor: 'partnerName', title: t('registrations.partner') },
          { accessor: 'status', title: t('registrations.status'), noWrap: true, render: (r) => <Group gap={4} wrap="nowrap"><StatusBadge kind="registration" value={r.status} />{r.inOpenCase && <Badge color="orange" variant="light" size="sm">{t('queue.inCase')}</Badge>}</Group> },
          { accessor: 'estimatedAmount', title: t('registrations.amount'), sortable: true, textAlign: 'right', noWrap: true, render: (r) => formatMoney(r.estimatedAmount, locale) },
          { accessor: 'submittedAt', title: t('queue.submitted'), sortable: true, noWrap: true, render: (r) => formatDate(r.submittedAt, locale) },
          { accessor: 'slaDue', title: t('queue.slaClock'), sortable: true, noWrap: true, render: (r) => <SlaClock item={r} /> },
        ]}
      />
    </Stack>
  );
}

function SlaClock({ item }: { item: RegistrationQueueItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const clock = slaClock(item.status, item.slaDue, new Date().toISOString().slice(0, 10));
  if (clock.kind === 'none') return <Text size="sm" c="dimmed">—</Text>;
  const color = clock.kind === 'overdue' ? 'red' : clock.kind === 'today' || clock.days <= 1 ? 'orange' : 'gray';
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{formatDate(item.slaDue, locale)}</Text>
      <Badge color={color} variant={clock.kind === 'overdue' ? 'filled' : 'light'} size="sm">
        {clock.kind === 'overdue' ? t('queue.overdueBy', { count: clock.days }) : clock.kind === 'today' ? t('queue.dueToday') : t('queue.dueIn', { count: clock.days })}
      </Badge>
    </Group>
  );
}

function QueueFilterBar({ search, set }: { search: Search; set: (patch: Partial<Search>) => void }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  // Only a change of the typed text navigates (the URL's q changing by a tab or back button must not be undone).
  useEffect(() => {
    if ((debounced.trim() || undefined) !== search.q) set({ q: debounced.trim() || undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  const [partnerText, setPartnerText] = useState('');
  const [partnerQ] = useDebouncedValue(partnerText, 300);
  const partners = useQuery(partnersQueryOptions({ page: 1, pageSize: 20, sort: 'name', order: 'asc', q: partnerQ || undefined })).data?.items ?? [];
  const managers = useQuery(managersQueryOptions()).data ?? [];
  const industries = useQuery(industriesQueryOptions()).data ?? [];
  const regions = useQuery(regionsQueryOptions()).data ?? [];
  return (
    <Card p="sm">
      <Group align="end" gap="sm">
        <TextInput label={t('queue.search')} placeholder={t('queue.searchPlaceholder')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={{ base: '100%', sm: 260 }} />
        <Select
          label={t('registrations.partner')}
          placeholder={t('queue.anyPartner')}
          searchable
          clearable
          onSearchChange={setPartnerText}
          data={partners.map((p) => ({ value: p.id, label: p.name }))}
          value={search.partnerId ?? null}
          onChange={(v) => set({ partnerId: v ?? undefined })}
          w={{ base: '100%', sm: 220 }}
        />
        <Select label={t('queue.manager')} placeholder={t('queue.anyManager')} clearable data={managers.map((m) => ({ value: m.id, label: m.displayName }))} value={search.managerId ?? null} onChange={(v) => set({ managerId: v ?? undefined })} w={{ base: '100%', sm: 180 }} />
        <Select label={t('queue.industry')} placeholder={t('queue.anyIndustry')} clearable searchable data={industries.map((x) => ({ value: x.id, label: zh ? x.nameZh : x.nameEn }))} value={search.industryId ?? null} onChange={(v) => set({ industryId: v ?? undefined })} w={{ base: '100%', sm: 180 }} />
        <Select label={t('queue.region')} placeholder={t('queue.anyRegion')} clearable searchable data={regions.map((x) => ({ value: x.id, label: zh ? x.nameZh : x.nameEn }))} value={search.regionId ?? null} onChange={(v) => set({ regionId: v ?? undefined })} w={{ base: '100%', sm: 180 }} />
        <Switch label={t('queue.overdueOnly')} checked={search.overdue ?? false} onChange={(e) => set({ overdue: e.currentTarget.checked || undefined })} mb={8} />
      </Group>
    </Card>
  );
}

function BulkBar({ selected, onDone }: { selected: RegistrationQueueItem[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const bulk = useBulkApprove();
  const run = async () => {
    try {
      const { results } = await bulk.mutateAsync({ ids: selected.map((r) => r.id), comment: comment.trim() || undefined });
      const approved = results.filter((r) => r.ok).length;
      const refused = results.length - approved;
      notifications.show({ color: refused ? 'orange' : 'green', message: refused ? t('queue.bulkPartly', { approved, refused }) : t('queue.bulkDone', { count: approved }) });
      setOpen(false);
      setComment('');
      onDone();
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof ApiError ? e.message : String(e) });
    }
  };
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">{selected.length ? t('queue.selected', { count: selected.length }) : t('queue.selectHint')}</Text>
      <Button disabled={!selected.length} onClick={() => setOpen(true)}>{t('queue.approveSelected', { count: selected.length })}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('queue.confirmTitle', { count: selected.length })}>
        <Stack>
          <Text size="sm">{t('queue.confirmText')}</Text>
          <Textarea label={t('queue.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>{t('queue.cancel')}</Button>
            <Button loading={bulk.isPending} onClick={() => void run()}>{t('queue.approveSelected', { count: selected.length })}</Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
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
