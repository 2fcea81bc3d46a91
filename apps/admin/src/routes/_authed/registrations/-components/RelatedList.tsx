import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { RelatedRegistration } from '@partnerline/domain';
import { formatDate, formatMoney, StatusBadge, useLocale } from '@partnerline/ui';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Earlier registrations of the partner for this customer, or other partners' registrations that match it (and why). */
export function RelatedList({ items, empty, showPartner }: { items: RelatedRegistration[]; empty: string; showPartner: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!items.length)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap="xs">
      {items.map((r) => (
        <Stack key={r.id} gap={2}>
          <Group gap="xs" wrap="wrap">
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/registrations/$registrationId" params={{ registrationId: r.id }} />} style={{ overflowWrap: 'anywhere' }}>
              {showPartner ? r.partnerName : r.customerName}
            </Anchor>
            <StatusBadge kind="registration" value={r.status} size="sm" />
          </Group>
          <Text size="xs" c="dimmed">
            {showPartner && `${r.customerName} · `}
            {formatMoney(r.estimatedAmount, locale)} · {formatDate(r.submittedAt, locale)}
          </Text>
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {t('review.matchedOn')}:
            </Text>
            {r.matchedOn.map((m) => (
              <Badge key={m} size="xs" variant="light" color="orange">
                {t(`review.matches.${m}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}
