import { Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { RenewalReviewDetail } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';
import { FactStateBadge, OutcomeBadge, useRenewalWords } from './words';

/**
 * The recommendation: the outcome, why (every fact's reasons worded with their numbers, the facts not on track
 * first) and what would change it (each change with the outcome it alone would give).
 */
export function RecommendationCard({ review }: { review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const w = useRenewalWords();
  const rec = review.recommendationDetail;
  const order = { failing: 0, at_risk: 1, ok: 2 } as const;
  const reasons = [...rec.reasons].sort((a, b) => order[a.state] - order[b.state]);
  return (
    <Card aria-labelledby="recommendation-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="sm">
              <Title order={3} size="h4" id="recommendation-title">
                {t('renewals.review.recommendation')}
              </Title>
              <OutcomeBadge outcome={rec.outcome} size="lg" data-testid="recommendation" />
            </Group>
            <Text size="sm" c="dimmed">
              {review.status === 'decided' ? t('renewals.review.frozen') : t('renewals.review.advice')}
            </Text>
          </Stack>
        </Group>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('renewals.review.why')}
          </Text>
          <List spacing={6} size="sm" listStyleType="none" aria-label={t('renewals.review.why')}>
            {reasons.map((r, i) => (
              <List.Item key={`${r.fact}-${r.code}-${i}`}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <FactStateBadge state={r.state} size="sm" miw={90} />
                  <Text size="sm">{w.reason(r)}</Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </div>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('renewals.review.toChange')}
          </Text>
          {rec.toChange.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('renewals.review.nothingToChange')}
            </Text>
          ) : (
            <List spacing={6} size="sm" aria-label={t('renewals.review.toChange')}>
              {rec.toChange.map((c, i) => (
                <List.Item key={`${c.fact}-${c.code}-${i}`}>
                  <Text size="sm" span>
                    {w.change(c)}{' '}
                  </Text>
                  <Text size="sm" span c="dimmed">
                    {c.alone === rec.outcome ? t('renewals.review.aloneNotEnough') : t('renewals.review.alone', { outcome: t(`renewals.outcome.${c.alone}`) })}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Stack>
    </Card>
  );
}
