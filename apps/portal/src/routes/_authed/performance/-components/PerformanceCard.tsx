import { Anchor, Card, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { behindPace } from '@partnerline/domain';
import { formatMoney, formatPercent, useLocale } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { performanceQueryOptions } from '../../../../api/rebates';
import { NextTierText, useTierName } from '../../../../components/rebates';

/** On an agreement's page: this period's attainment, tier and distance to the next tier, with a link to the full page. */
export function PerformanceCard({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tierName = useTierName();
  const { data, isPending, isError } = useQuery(performanceQueryOptions(agreementId));
  if (isError) return null;
  const attained = data?.attainmentPercent === null || data?.attainmentPercent === undefined ? null : Number(data.attainmentPercent);
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('performance.card.title')}</Text>
        {isPending && <Loader size="xs" />}
      </Group>
      {data && (
        <Stack gap="xs">
          <Text size="sm">
            {formatMoney(data.achievement, locale)} / {formatMoney(data.quota.amount, locale)}
          </Text>
          {attained !== null && (
            <Progress
              value={Math.min(100, attained)}
              color={behindPace(data.attainmentPercent, data.pacePercent) ? 'orange' : 'teal'}
              aria-label={t('performance.attainment')}
            />
          )}
          <Text size="sm" c="dimmed">
            {t('performance.card.line', {
              attainment: formatPercent(data.attainmentPercent, locale),
              tier: data.result ? tierName(data.programme, data.result.tierIndex) : t('performance.noTier'),
            })}
          </Text>
          {data.result && <NextTierText result={data.result} programme={data.programme} />}
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/performance" search={{ agreementId }} />}>
            {t('performance.card.open')}
          </Anchor>
        </Stack>
      )}
    </Card>
  );
}
