import { Card, Group, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconReceipt2 } from '@tabler/icons-react';
import { DEFAULT_RENEWAL_POLICY, onTimeState } from '@partnerline/domain';
import {
  EmptyCard,
  Fact,
  formatDate,
  formatMoney,
  formatNumber,
  PageHeader,
  Pager,
  ResponsiveTable,
  StatusBadge,
  useLocale,
} from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { paymentsQueryOptions } from '../../../api/rebates';

const PAGE_SIZE = 100;
const Search = z.object({ page: z.coerce.number().int().min(1).optional().catch(undefined) });
/** The ring's colour: the renewal review's reading of the same ratio (ok / at risk / failing). */
const ON_TIME_COLOR = { ok: 'teal', at_risk: 'orange', failing: 'red' } as const;

export const Route = createFileRoute('/_authed/payments/')({
  validateSearch: Search,
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(paymentsQueryOptions(deps.page, PAGE_SIZE)),
  component: PaymentsPage,
});

/** The organisation's invoices from the vendor: due and paid dates, and the on-time record the renewal review reads. */
function PaymentsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate({ from: '/payments/' });
  const page = Route.useSearch().page ?? 1;
  const { data } = useSuspenseQuery(paymentsQueryOptions(page, PAGE_SIZE));
  const integrity = data.integrity;
  const ratio = integrity?.onTimeRatio ?? null;
  const onTime = onTimeState(ratio, DEFAULT_RENEWAL_POLICY);
  return (
    <Stack maw={1100}>
      <PageHeader title={t('rebates.payments.title')} subtitle={t('rebates.payments.subtitle')} />
      {integrity && (
        <Card>
          <Group align="center" gap="xl" wrap="wrap">
            <RingProgress
              size={110}
              thickness={10}
              roundCaps
              sections={[
                {
                  value: ratio === null ? 0 : ratio * 100,
                  color: onTime === null ? 'gray' : ON_TIME_COLOR[onTime],
                },
              ]}
              label={
                <Text ta="center" fw={700} size="lg">
                  {ratio === null ? '—' : `${formatNumber(ratio * 100, locale, 1)}%`}
                </Text>
              }
              aria-label={t('rebates.payments.onTimeRatio')}
            />
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="lg" verticalSpacing="sm" style={{ flex: 1, minWidth: 240 }}>
              <Fact label={t('rebates.payments.onTimeRatio')}>
                {ratio === null
                  ? t('rebates.payments.nothingDue')
                  : t('rebates.payments.onTimeOf', { onTime: integrity.onTime, due: integrity.due })}
              </Fact>
              <Fact label={t('rebates.payments.outstanding')}>{formatMoney(integrity.outstanding, locale)}</Fact>
              <Fact label={t('rebates.payments.overdueAmount')}>{formatMoney(integrity.overdue, locale)}</Fact>
              <Fact label={t('rebates.payments.openOverdue')}>{integrity.openOverdue}</Fact>
              <Fact label={t('rebates.payments.worstDays')}>{t('rebates.payments.days', { count: integrity.worstDaysOverdue })}</Fact>
              <Fact label={t('rebates.payments.averageDays')}>{t('rebates.payments.days', { count: integrity.averageDaysOverdue })}</Fact>
            </SimpleGrid>
          </Group>
          <Text size="xs" c="dimmed" mt="sm">
            {t('rebates.payments.asOf', { date: formatDate(integrity.asOf, locale) })}
          </Text>
        </Card>
      )}
      {data.items.length === 0 ? (
        <EmptyCard icon={IconReceipt2}>{t('rebates.payments.none')}</EmptyCard>
      ) : (
        <ResponsiveTable
          label={t('rebates.payments.title')}
          minWidth={720}
          rows={data.items}
          rowKey={(i) => i.id}
          columns={[
            {
              key: 'no',
              header: t('rebates.payments.invoiceNo'),
              primary: true,
              cell: (i) => (
                <Text size="sm" fw={600}>
                  {i.invoiceNo}
                </Text>
              ),
            },
            {
              key: 'status',
              header: t('rebates.payments.status'),
              aside: true,
              cell: (i) => (
                <StatusBadge kind="invoice" value={i.status}>
                  {t(`rebates.payments.statuses.${i.status}`)}
                </StatusBadge>
              ),
            },
            { key: 'amount', header: t('rebates.payments.amount'), align: 'right', cell: (i) => formatMoney(i.amount, locale) },
            { key: 'due', header: t('rebates.payments.dueOn'), cell: (i) => formatDate(i.dueOn, locale) },
            { key: 'paid', header: t('rebates.payments.paidOn'), cell: (i) => formatDate(i.paidOn, locale) },
            {
              key: 'late',
              header: t('rebates.payments.daysOverdue'),
              align: 'right',
              cell: (i) =>
                i.daysOverdue > 0 ? (
                  <Text size="sm" c="red.7">
                    {t('rebates.payments.days', { count: i.daysOverdue })}
                  </Text>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      <Pager
        total={data.total}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={(p) => void navigate({ search: { page: p } })}
        justify="center"
        size="md"
      />
    </Stack>
  );
}
