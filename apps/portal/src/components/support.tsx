import { Stack, Text } from '@mantine/core';
import type { SupportRequest } from '@partnerline/domain';
import { formatMoney, StatusBadge } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { useLocale } from './training';

/** Funds requested, and what was decided: approved (amount) or declined. */
export function FundsCell({ r }: { r: Pick<SupportRequest, 'requestedFunds' | 'approvedFunds' | 'fundsStatus'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!r.requestedFunds) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm">{formatMoney(r.requestedFunds, locale)}</Text>
      {r.fundsStatus && (
        <StatusBadge kind="funds" value={r.fundsStatus} size="sm">
          {r.fundsStatus === 'approved' ? t('support.fundsApprovedAmount', { amount: formatMoney(r.approvedFunds, locale) }) : undefined}
        </StatusBadge>
      )}
    </Stack>
  );
}
