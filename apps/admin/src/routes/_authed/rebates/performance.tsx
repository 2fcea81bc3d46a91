import { Anchor, Card, Group, Pagination, SegmentedControl, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { formatDate, partnersQueryOptions, ResponsiveTable, useLocale } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { performanceOverviewQueryOptions, REBATES_PAGE_SIZE } from '../../../api/rebates';
import type { PerformanceOverviewRow as PerformanceOverviewItem } from '@partnerline/domain';
import { AttainmentBar, RebateBadge, useMoney, usePercent, useTierText } from './-components/bits';
import { RebatesHeader } from './-components/RebatesHeader';

const SORTS = ['partner', 'attainment', 'moreNeeded'] as const;
type Sort = (typeof SORTS)[number];
const SearchSchema = z.object({
  sort: z.enum(SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  watch: z.enum(['close_to_next_tier', 'at_risk']).optional(),
  partnerId: z.uuid().optional(),
  page: z.number().int().min(1).max(1000).optional(),
});
type Search = z.infer<typeof SearchSchema>;

export const Route = createFileRoute('/_authed/rebates/performance')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.prefetchQuery(performanceOverviewQueryOptions(deps)),
  component: PerformancePage,
});

/** Performance across partners: sortable, with the watch list (close to the next tier / at risk of missing the threshold). */
function PerformancePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const set = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page }) });
  const { data, isFetching, error } = useQuery(performanceOverviewQueryOptions(search));
  const money = useMoney();
  const pct = usePercent();
  const tier = useTierText();
  const [partnerText, setPartnerText] = useState('');
  const [partnerQ] = useDebouncedValue(partnerText, 300);
  const partners =
    useQuery(partnersQueryOptions({ page: 1, pageSize: 20, sort: 'name', order: 'asc', q: partnerQ || undefined })).data?.items ?? [];

  const header = (key: Sort, label: string) => {
    const active = (search.sort ?? 'attainment') === key;
    const first = key === 'attainment' ? 'desc' : 'asc';
    const order = active ? (search.order ?? (search.sort ? first : 'desc')) : first;
    const Icon = !active ? IconSelector : order === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <UnstyledButton
        onClick={() => set({ sort: key, order: active ? (order === 'asc' ? 'desc' : 'asc') : first })}
        aria-label={t('rebates.sortBy', { column: label })}
        aria-pressed={active}
      >
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={700} component="span">
            {label}
          </Text>
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    );
  };

  const nowrap = (node: ReactNode) => (
    <Text size="sm" component="span" style={{ whiteSpace: 'nowrap' }}>
      {node}
    </Text>
  );
  const columns = [
    {
      key: 'partner',
      header: header('partner', t('rebates.partner')),
      primary: true,
      cell: (r: PerformanceOverviewItem) => (
        <Stack gap={0} miw={210}>
          <Anchor
            size="sm"
            fw={600}
            renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: r.partnerId }} />}
          >
            {r.partnerName}
          </Anchor>
          <Anchor
            size="xs"
            c="dimmed"
            renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: r.agreementId }} />}
          >
            {r.agreementNumber} · {t(`agreementType.${r.agreementType}`, { defaultValue: r.agreementType })}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('rebates.periodRange', { start: formatDate(r.periodStart, locale), end: formatDate(r.periodEnd, locale) })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'watch',
      header: t('rebates.watch'),
      aside: true,
      cell: (r: PerformanceOverviewItem) => (r.watch ? <RebateBadge kind="watchKinds" value={r.watch} size="sm" /> : null),
    },
    { key: 'quota', header: t('rebates.quota'), align: 'right' as const, cell: (r: PerformanceOverviewItem) => nowrap(money(r.quota)) },
    {
      key: 'achievement',
      header: t('rebates.achievement'),
      align: 'right' as const,
      cell: (r: PerformanceOverviewItem) => nowrap(money(r.achievement)),
    },
    {
      key: 'attainment',
      header: header('attainment', t('rebates.attainment')),
      cell: (r: PerformanceOverviewItem) => (
        <Stack gap={2}>
          <AttainmentBar value={r.attainmentPercent} expected={Number(r.pacePercent)} />
          <Text size="xs" c="dimmed" component="span" style={{ whiteSpace: 'nowrap' }}>
            {t('rebates.paceExpected', { expected: pct(r.pacePercent) })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'tier',
      header: t('rebates.tier'),
      cell: (r: PerformanceOverviewItem) => (
        <Stack gap={0}>
          {nowrap(tier(r.tierIndex, r.ratePercent))}
          <Text size="xs" c="dimmed" component="span" style={{ whiteSpace: 'nowrap' }}>
            {t('rebates.earnedValue', { amount: money(r.earned) })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'moreNeeded',
      header: header('moreNeeded', t('rebates.nextGap')),
      align: 'right' as const,
      cell: (r: PerformanceOverviewItem) =>
        r.moreNeeded === null ? (
          nowrap(t('rebates.topTier'))
        ) : (
          <Stack gap={0} align="flex-end">
            {nowrap(money(r.moreNeeded))}
            {r.nextRatePercent !== null && (
              <Text size="xs" c="dimmed" component="span" style={{ whiteSpace: 'nowrap' }}>
                {t('rebates.toRate', { rate: pct(r.nextRatePercent) })}
              </Text>
            )}
          </Stack>
        ),
    },
  ];

  return (
    <Stack maw={1300}>
      <RebatesHeader active="performance" />
      <Card p="sm">
        <Group align="end" gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('rebates.watch')}
            </Text>
            <SegmentedControl
              aria-label={t('rebates.watch')}
              value={search.watch ?? 'all'}
              onChange={(v) => set({ watch: v === 'all' ? undefined : (v as Search['watch']) })}
              data={[
                { value: 'all', label: t('rebates.watchAll') },
                {
                  value: 'close_to_next_tier',
                  label: `${t('rebates.watchKinds.close_to_next_tier')}${data ? ` (${data.counts.close_to_next_tier})` : ''}`,
                },
                { value: 'at_risk', label: `${t('rebates.watchKinds.at_risk')}${data ? ` (${data.counts.at_risk})` : ''}` },
              ]}
            />
          </Stack>
          <Select
            label={t('rebates.partner')}
            placeholder={t('rebates.anyPartner')}
            searchable
            clearable
            onSearchChange={setPartnerText}
            data={partners.map((p) => ({ value: p.id, label: p.name }))}
            value={search.partnerId ?? null}
            onChange={(v) => set({ partnerId: v ?? undefined })}
            w={{ base: '100%', sm: 240 }}
          />
        </Group>
      </Card>
      {error && <Text c="red">{error.message}</Text>}
      {data && data.items.length === 0 ? (
        <Text c="dimmed">{search.watch || search.partnerId ? t('rebates.noMatch') : t('rebates.none')}</Text>
      ) : (
        <div style={{ opacity: isFetching ? 0.6 : 1 }}>
          <ResponsiveTable
            label={t('rebates.tabs.performance')}
            columns={columns}
            rows={data?.items ?? []}
            rowKey={(r) => `${r.agreementId}:${r.periodStart}`}
            minWidth={1000}
          />
        </div>
      )}
      {data && data.total > REBATES_PAGE_SIZE && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('rebates.total', { count: data.total })}
          </Text>
          <Pagination
            total={Math.ceil(data.total / REBATES_PAGE_SIZE)}
            value={search.page ?? 1}
            onChange={(p) => set({ page: p })}
            size="sm"
          />
        </Group>
      )}
    </Stack>
  );
}
