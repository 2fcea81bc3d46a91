import { Anchor, Badge, Card, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { formatDate, Pager, ResponsiveTable, StatusBadge, useLocale } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { REBATES_PAGE_SIZE, rebateStatementsQueryOptions } from '../../../../api/rebates';
import type { RebateStatementSummary } from '@partnerline/domain';
import { Nowrap, useMoney, usePercent, useTierText } from '../-components/bits';
import { PartnerFilter } from '../-components/PartnerFilter';
import { RebatesHeader } from '../-components/RebatesHeader';

const SearchSchema = z.object({
  status: z.enum(['draft', 'approved', 'paid']).optional(),
  periodStart: z.iso.date().optional(),
  partnerId: z.uuid().optional(),
  runId: z.uuid().optional(),
  page: z.number().int().min(1).max(1000).optional(),
});
type Search = z.infer<typeof SearchSchema>;

export const Route = createFileRoute('/_authed/rebates/statements/')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.prefetchQuery(rebateStatementsQueryOptions(deps)),
  component: StatementsPage,
});

function StatementsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const set = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page }) });
  const { data, isFetching, error } = useQuery(rebateStatementsQueryOptions(search));
  const money = useMoney();
  const pct = usePercent();
  const tier = useTierText();
  const columns = [
    {
      key: 'number',
      header: t('rebates.statements.number'),
      primary: true,
      cell: (s: RebateStatementSummary) => (
        <Stack gap={0}>
          <Anchor
            size="sm"
            fw={600}
            style={{ whiteSpace: 'nowrap' }}
            renderRoot={(props) => <Link {...props} to="/rebates/statements/$statementId" params={{ statementId: s.id }} />}
          >
            {s.number}
          </Anchor>
          <Text size="xs" c="dimmed">
            {s.partnerName} · {t(`agreementType.${s.agreementType}`)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('rebates.status'),
      aside: true,
      cell: (s: RebateStatementSummary) => (
        <Group gap={4} wrap="nowrap">
          <StatusBadge kind="rebateStatement" value={s.status} />
          {s.openDisputes > 0 && (
            <Badge color="orange" variant="filled" size="sm">
              {t('rebates.statements.openDisputes', { count: s.openDisputes })}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'period',
      header: t('rebates.period'),
      cell: (s: RebateStatementSummary) => (
        <Stack gap={0}>
          <Text size="sm" component="span">
            {t('rebates.periodRange', { start: formatDate(s.periodStart, locale), end: formatDate(s.periodEnd, locale) })}
          </Text>
          <Text size="xs" c="dimmed" component="span">
            {s.final ? t('rebates.statements.final') : t('rebates.statements.provisional')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'attainment',
      header: t('rebates.attainment'),
      align: 'right' as const,
      cell: (s: RebateStatementSummary) => <Nowrap>{pct(s.attainmentPercent)}</Nowrap>,
    },
    { key: 'tier', header: t('rebates.tier'), cell: (s: RebateStatementSummary) => <Nowrap>{tier(s.tierIndex, s.ratePercent)}</Nowrap> },
    {
      key: 'earned',
      header: t('rebates.earned'),
      align: 'right' as const,
      cell: (s: RebateStatementSummary) => <Nowrap>{money(s.earned)}</Nowrap>,
    },
    {
      key: 'payable',
      header: t('rebates.payable'),
      align: 'right' as const,
      cell: (s: RebateStatementSummary) => <Nowrap fw={600}>{money(s.payable)}</Nowrap>,
    },
  ];
  const filtered = !!(search.status || search.periodStart || search.partnerId || search.runId);
  return (
    <Stack maw={1300}>
      <RebatesHeader active="statements" />
      <Card p="sm">
        <Group align="end" gap="sm">
          <Select
            label={t('rebates.statements.filtersStatus')}
            placeholder={t('rebates.anyStatus')}
            clearable
            data={(['draft', 'approved', 'paid'] as const).map((v) => ({ value: v, label: t(`rebates.statementStatus.${v}`) }))}
            value={search.status ?? null}
            onChange={(v) => set({ status: (v ?? undefined) as Search['status'] })}
            w={{ base: '100%', sm: 180 }}
          />
          <TextInput
            type="date"
            label={t('rebates.statements.periodStart')}
            value={search.periodStart ?? ''}
            onChange={(e) => set({ periodStart: e.currentTarget.value || undefined })}
            w={{ base: '100%', sm: 180 }}
          />
          <PartnerFilter value={search.partnerId} onChange={(partnerId) => set({ partnerId })} />
          {search.runId && (
            <Badge
              size="lg"
              variant="light"
              rightSection={
                <CloseButton size="xs" aria-label={t('rebates.statements.clearRun')} onClick={() => set({ runId: undefined })} />
              }
            >
              {t('rebates.statements.fromRun')}
            </Badge>
          )}
        </Group>
      </Card>
      {error && <Text c="red">{error.message}</Text>}
      {data && data.items.length === 0 ? (
        <Text c="dimmed">{filtered ? t('rebates.noMatch') : t('rebates.none')}</Text>
      ) : (
        <div style={{ opacity: isFetching ? 0.6 : 1 }}>
          <ResponsiveTable
            label={t('rebates.statements.list')}
            columns={columns}
            rows={data?.items ?? []}
            rowKey={(s) => s.id}
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
          summary={t('rebates.total', { count: data.total })}
        />
      )}
    </Stack>
  );
}
