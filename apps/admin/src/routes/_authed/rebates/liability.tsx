import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fact, ResponsiveTable } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { rebateLiabilityQueryOptions } from '../../../api/rebates';
import { useMoney } from './-components/bits';
import { RebatesHeader } from './-components/RebatesHeader';

export const Route = createFileRoute('/_authed/rebates/liability')({
  loader: ({ context }) => context.queryClient.prefetchQuery(rebateLiabilityQueryOptions()),
  component: LiabilityPage,
});

type Row = { partnerId: string; partnerName: string; accrued: string; paid: string; liability: string };

/** Rebate liability: accrued − paid per partner and in total. */
function LiabilityPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const { data, error } = useQuery(rebateLiabilityQueryOptions());
  const columns = [
    {
      key: 'partner',
      header: t('rebates.partner'),
      primary: true,
      cell: (r: Row) => (
        <Anchor
          size="sm"
          fw={600}
          renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: r.partnerId }} />}
        >
          {r.partnerName}
        </Anchor>
      ),
    },
    { key: 'accrued', header: t('rebates.liability.accrued'), align: 'right' as const, cell: (r: Row) => money(r.accrued) },
    { key: 'paid', header: t('rebates.liability.paid'), align: 'right' as const, cell: (r: Row) => money(r.paid) },
    {
      key: 'liability',
      header: t('rebates.liability.liability'),
      align: 'right' as const,
      cell: (r: Row) => (
        <Text size="sm" fw={700} component="span">
          {money(r.liability)}
        </Text>
      ),
    },
  ];
  return (
    <Stack maw={1100}>
      <RebatesHeader active="liability" />
      {error && <Text c="red">{error.message}</Text>}
      {data && (
        <>
          <Card>
            <Text fw={600} mb="xs">
              {t('rebates.liability.total')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <Fact label={t('rebates.liability.accrued')}>{money(data.total.accrued)}</Fact>
              <Fact label={t('rebates.liability.paid')}>{money(data.total.paid)}</Fact>
              <Fact label={t('rebates.liability.liability')}>
                <Text size="xl" fw={700} component="span" data-testid="liability-total">
                  {money(data.total.liability)}
                </Text>
              </Fact>
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="xs">
              {t('rebates.liability.help')}
            </Text>
          </Card>
          {data.partners.length === 0 ? (
            <Text c="dimmed">{t('rebates.none')}</Text>
          ) : (
            <ResponsiveTable label={t('rebates.tabs.liability')} columns={columns} rows={data.partners} rowKey={(r) => r.partnerId} />
          )}
        </>
      )}
    </Stack>
  );
}
