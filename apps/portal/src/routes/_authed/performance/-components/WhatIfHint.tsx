import { Alert, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTrendingUp } from '@tabler/icons-react';
import { whatIfOutcome } from '@partnerline/domain';
import { formatMoney, formatPercent, useLocale } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { whatIfQueryOptions } from '../../../../api/rebates';

const WHAT_IF_KEY = {
  nothing: 'performance.whatIf.nothing',
  tier_up: 'performance.whatIf.tierUp',
  same_tier: 'performance.whatIf.sameTier',
} as const;

/**
 * On the registration form: what a won deal of the amount being typed would do to the covering agreement's current
 * period (tier before → after, and the extra rebate). Asked 500 ms after the partner stops typing; silent when there
 * is no covering agreement, no valid amount, or the agreement has no rebate programme.
 */
export function WhatIfHint({ agreementId, amount }: { agreementId: string | null | undefined; amount: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [debounced] = useDebouncedValue(amount.replace(/[,\s]/g, ''), 500);
  const { data, isFetching, isError } = useQuery(whatIfQueryOptions(agreementId, debounced));
  if (!agreementId || isError) return null;
  if (!data) {
    return isFetching ? (
      <Group gap="xs" mt="sm">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('performance.whatIf.loading')}
        </Text>
      </Group>
    ) : null;
  }
  const tier = (index: number | null, rate: string | null) =>
    index === null ? t('performance.whatIf.noTier') : t('performance.whatIf.tier', { n: index + 1, rate: formatPercent(rate, locale) });
  const params = {
    amount: formatMoney(data.amount, locale),
    increase: formatMoney(data.increase, locale),
    from: tier(data.tierBefore, data.rateBefore),
    to: tier(data.tierAfter, data.rateAfter),
    tier: tier(data.tierAfter, data.rateAfter),
  };
  const outcome = whatIfOutcome(data);
  const message = t(WHAT_IF_KEY[outcome], params);
  return (
    <Alert
      mt="sm"
      color={outcome === 'tier_up' ? 'teal' : 'blue'}
      variant="light"
      icon={<IconTrendingUp size={18} />}
      title={t('performance.whatIf.title')}
      data-testid="what-if"
    >
      <Text size="sm">{message}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('performance.whatIf.note')}
      </Text>
    </Alert>
  );
}
