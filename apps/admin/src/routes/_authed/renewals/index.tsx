import { Anchor, Badge, Card, Checkbox, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { RenewalReviewSummary } from '@partnerline/domain';
import { EmptyCard, errorMessage, formatDate, meQueryOptions, Pager, renewalReviewsQueryOptions, ResponsiveTable, useLocale } from '@partnerline/ui';
import { IconCheck, IconRefreshDot } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RENEWALS_PAGE_SIZE } from '../../../api/renewals';
import { canManageRenewals } from '../../../nav';
import { OpenReviewButton } from './-components/OpenReviewButton';
import { RenewalsHeader } from './-components/RenewalsHeader';
import { OutcomeBadge } from './-components/words';

const DUE = ['30', '60', '90'] as const;
const OUTCOMES = ['renew', 'renew_on_probation', 'terminate'] as const;

const SearchSchema = z.object({
  due: z.enum(DUE).optional(),
  status: z.enum(['open', 'decided']).optional(),
  recommendation: z.enum(OUTCOMES).optional(),
  overdue: z.boolean().optional(),
  page: z.number().int().min(1).max(1000).optional(),
});
type Search = z.infer<typeof SearchSchema>;

/** The board's search as the API's query (RenewalReviewsQuery). */
const queryOf = (s: Search) => ({
  dueWithinDays: s.due ? Number(s.due) : undefined,
  status: s.status,
  recommendation: s.recommendation,
  overdue: s.overdue ? ('true' as const) : undefined,
  page: s.page ?? 1,
  pageSize: RENEWALS_PAGE_SIZE,
});

export const Route = createFileRoute('/_authed/renewals/')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.prefetchQuery(renewalReviewsQueryOptions(queryOf(deps))),
  component: RenewalsBoard,
});

function RenewalsBoard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const set = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page }) });
  const { data, isFetching, error } = useQuery(renewalReviewsQueryOptions(queryOf(search)));
  const { data: me } = useSuspenseQuery(meQueryOptions());
  // On a phone the four due windows fit the width only in the small size.
  const phone = useMediaQuery('(max-width: 36em)');
  const columns = [
    {
      key: 'partner',
      header: t('renewals.board.partner'),
      primary: true,
      cell: (r: RenewalReviewSummary) => (
        <Stack gap={0} miw={150}>
          <Anchor size="sm" fw={600} renderRoot={(props) => <Link {...props} to="/renewals/$reviewId" params={{ reviewId: r.id }} />}>
            {r.partnerName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`agreementType.${r.agreementType}`)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'recommendation',
      header: t('renewals.board.recommendation'),
      aside: true,
      cell: (r: RenewalReviewSummary) => <OutcomeBadge outcome={r.recommendation} />,
    },
    {
      key: 'end',
      header: t('renewals.board.endDate'),
      cell: (r: RenewalReviewSummary) => (
        <Text size="sm" component="span" style={{ whiteSpace: 'nowrap' }}>
          {formatDate(r.endDate, locale)}
        </Text>
      ),
    },
    {
      key: 'decideBy',
      header: t('renewals.board.decideBy'),
      cell: (r: RenewalReviewSummary) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" component="span" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
            {formatDate(r.decideBy, locale)}
          </Text>
          {r.overdue && (
            <Badge color="red" size="sm">
              {t('renewals.board.overdue')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'decision',
      header: t('renewals.board.decision'),
      cell: (r: RenewalReviewSummary) =>
        r.decision ? (
          <OutcomeBadge outcome={r.decision} variant="filled" />
        ) : (
          <Text size="sm" c="dimmed" component="span">
            {t('renewals.board.pending')}
          </Text>
        ),
    },
    {
      key: 'selfAssessed',
      header: t('renewals.board.selfAssessed'),
      // The partner's answer: it will not renew (a task for its manager), it self-assessed, or not yet.
      cell: (r: RenewalReviewSummary) =>
        r.willNotRenew ? (
          <Badge color="red" variant="outline" size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('renewals.board.willNotRenew')}
          </Badge>
        ) : r.selfAssessed ? (
          <Group gap={4} wrap="nowrap">
            <IconCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
            <Text size="sm" component="span">
              {t('renewals.board.submitted')}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed" component="span">
            {t('renewals.board.notSubmitted')}
          </Text>
        ),
    },
  ];
  const filtered = !!(search.due || search.status || search.recommendation || search.overdue);
  return (
    <Stack maw={1300}>
      <RenewalsHeader active="board" actions={canManageRenewals(me?.role) ? <OpenReviewButton /> : undefined} />
      <Card p="sm">
        <Group align="end" gap="sm">
          <Stack gap={4} w={{ base: '100%', sm: 'auto' }}>
            <Text size="sm" fw={500} id="renewals-due">
              {t('renewals.board.due')}
            </Text>
            <SegmentedControl
              aria-labelledby="renewals-due"
              fullWidth
              size={phone ? 'xs' : 'sm'}
              value={search.due ?? 'all'}
              onChange={(v) => set({ due: v === 'all' ? undefined : (v as Search['due']) })}
              data={[{ value: 'all', label: t('renewals.board.dueAll') }, ...DUE.map((d) => ({ value: d, label: t('renewals.board.dueDays', { days: d }) }))]}
            />
          </Stack>
          <Select
            label={t('renewals.board.status')}
            placeholder={t('renewals.board.anyStatus')}
            clearable
            data={(['open', 'decided'] as const).map((v) => ({ value: v, label: t(`renewals.status.${v}`) }))}
            value={search.status ?? null}
            onChange={(v) => set({ status: (v ?? undefined) as Search['status'] })}
            w={{ base: '100%', sm: 160 }}
          />
          <Select
            label={t('renewals.board.recommendation')}
            placeholder={t('renewals.board.anyRecommendation')}
            clearable
            data={OUTCOMES.map((v) => ({ value: v, label: t(`renewals.outcome.${v}`) }))}
            value={search.recommendation ?? null}
            onChange={(v) => set({ recommendation: (v ?? undefined) as Search['recommendation'] })}
            w={{ base: '100%', sm: 220 }}
          />
          <Checkbox
            label={t('renewals.board.overdueOnly')}
            checked={!!search.overdue}
            onChange={(e) => set({ overdue: e.currentTarget.checked || undefined })}
            mb={8}
          />
        </Group>
      </Card>
      {error && <Text c="red">{errorMessage(error)}</Text>}
      {data && data.items.length === 0 ? (
        <EmptyCard icon={IconRefreshDot}>{filtered ? t('renewals.board.noMatch') : t('renewals.board.none')}</EmptyCard>
      ) : (
        <div style={{ opacity: isFetching ? 0.6 : 1 }}>
          <ResponsiveTable label={t('renewals.board.list')} columns={columns} rows={data?.items ?? []} rowKey={(r) => r.id} minWidth={900} />
        </div>
      )}
      {data && (
        <Pager
          total={data.total}
          pageSize={RENEWALS_PAGE_SIZE}
          page={search.page ?? 1}
          onChange={(page) => set({ page })}
          summary={t('renewals.board.total', { count: data.total })}
        />
      )}
    </Stack>
  );
}
