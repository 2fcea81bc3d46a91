import { StatusBadge } from '@partnerline/ui';
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { performanceOverviewQueryOptions, rebateLedgerQueryOptions } from '../../../../api/rebates';
import { AttainmentBar, useMoney, useTierText } from './bits';

/** The partner 360's rebates card: this period's attainment per agreement and the partner's rebate liability. */
export function PartnerRebatesCard({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const tier = useTierText();
  // The card shows the first three agreements and the liability total (the ledger's totals cover every row, not the page).
  const perf = useQuery(performanceOverviewQueryOptions({ partnerId, pageSize: 3 })).data;
  const ledger = useQuery(rebateLedgerQueryOptions({ partnerId, pageSize: 1 })).data;
  const rows = perf?.items ?? [];
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('rebates.partnerCard.title')}</Text>
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/rebates/performance" search={{ partnerId }} />}>
          {t('rebates.partnerCard.open')}
        </Anchor>
      </Group>
      <Stack gap="sm">
        {perf && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('rebates.partnerCard.none')}
          </Text>
        )}
        {rows.slice(0, 3).map((r) => (
          <Stack key={r.agreementId} gap={4}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="xs" c="dimmed">
                {t('rebates.partnerCard.attainment')} · {r.agreementNumber}
              </Text>
              {r.watch && <StatusBadge kind="performanceWatch" value={r.watch} size="xs" />}
            </Group>
            <AttainmentBar value={r.attainmentPercent} expected={Number(r.pacePercent)} />
            <Text size="xs">
              {tier(r.tierIndex, r.ratePercent)}
              {r.moreNeeded !== null ? ` · ${t('rebates.nextGap')} ${money(r.moreNeeded)}` : ''}
            </Text>
          </Stack>
        ))}
        <Group justify="space-between">
          <Text size="sm">{t('rebates.partnerCard.liability')}</Text>
          <Text size="sm" fw={700} data-testid="partner-rebate-liability">
            {ledger ? money(ledger.totals.liability) : '—'}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
