import { Anchor, Card, Group, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { formatDate, Pager, ResponsiveTable, StatusBadge, useLocale } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { performanceOverviewQueryOptions, REBATES_PAGE_SIZE } from '../../../api/rebates';
import type { PerformanceOverviewRow as PerformanceOverviewItem } from '@partnerline/domain';
import { AttainmentBar, Nowrap, useMoney, usePercent, useTierText } from './-components/bits';
import { PartnerFilter } from './-components/PartnerFilter';
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
      cell: (r: PerformanceOverviewItem) => (r.watch ? <StatusBadge kind="performanceWatch" value={r.watch} size="sm" /> : null),
    },
    { key: 'quota', header: t('rebates.quota'), align: 'right' as const, cell: (r: PerformanceOverviewItem) => <Nowrap>{money(r.quota)}</Nowrap> },
    {
      key: 'achievement',
      header: t('rebates.achievement'),
      align: 'right' as const,
      cell: (r: PerformanceOverviewItem) => <Nowrap>{money(r.achievement)}</Nowrap>,
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
          <Nowrap>{tier(r.tierIndex, r.ratePercent)}</Nowrap>
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
          <Nowrap>{t('rebates.topTier')}</Nowrap>
        ) : (
          <Stack gap={0} align="flex-end">
            <Nowrap>{money(r.moreNeeded)}</Nowrap>
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
          <PartnerFilter value={search.partnerId} onChange={(partnerId) => set({ partnerId })} />
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
      {data && (
        <Pager
          total={data.total}
          pageSize={REBATES_PAGE_SIZE}
          page={search.page ?? 1}
          onChange={(page) => set({ page })}
          // The count shows only beside the pages here (the statements list shows it always).
          summary={data.total > REBATES_PAGE_SIZE ? t('rebates.total', { count: data.total }) : undefined}
        />
      )}
    </Stack>
  );
}
