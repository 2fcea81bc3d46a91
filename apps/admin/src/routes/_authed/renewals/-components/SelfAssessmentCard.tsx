import { Badge, Card, Group, Rating, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { RATING_DIMENSIONS, type RenewalReviewDetail } from '@partnerline/domain';
import { Fact, formatDate, useLocale } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { useRenewalWords } from './words';

/** What the partner said: its self-assessment, its intent and its rating of the vendor. */
export function SelfAssessmentCard({ review }: { review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const w = useRenewalWords();
  const s = review.selfAssessment;
  return (
    <Card id="self-assessment">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5">
            {t('renewals.selfAssessment.title')}
          </Title>
          {s && (
            <Badge color={s.willRenew ? 'green' : 'red'} variant={s.willRenew ? 'light' : 'filled'}>
              {s.willRenew ? t('renewals.selfAssessment.willRenew') : t('renewals.selfAssessment.willNotRenew')}
            </Badge>
          )}
        </Group>
        {!s ? (
          <Text size="sm" c="dimmed">
            {t('renewals.selfAssessment.none')}
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t('renewals.selfAssessment.submittedBy', { name: s.submittedBy.name, date: formatDate(s.submittedOn, locale) })}
            </Text>
            <Fact label={t('renewals.selfAssessment.wentWell')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.wentWell}
              </Text>
            </Fact>
            <Fact label={t('renewals.selfAssessment.plan')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.plan}
              </Text>
            </Fact>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Fact label={t('renewals.selfAssessment.proposedQuota')}>{w.money(s.proposedQuota)}</Fact>
              <Fact label={t('renewals.selfAssessment.competition')}>{w.declaration(s.competitionDeclaration)}</Fact>
              {s.competingProducts && <Fact label={t('renewals.selfAssessment.competingProducts')}>{s.competingProducts}</Fact>}
            </SimpleGrid>
            <Text fw={600} size="sm" mt="xs">
              {t('renewals.selfAssessment.rating')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
              {RATING_DIMENSIONS.map((d) => (
                <Group key={d} justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm">{t(`renewals.dimension.${d}`)}</Text>
                  <Group gap={6} wrap="nowrap">
                    <Rating value={s.rating[d]} readOnly size="sm" aria-hidden />
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('renewals.selfAssessment.ratingValue', { value: s.rating[d] })}
                    </Text>
                  </Group>
                </Group>
              ))}
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm">{t('renewals.selfAssessment.likelyToRecommend')}</Text>
                <Text size="sm" fw={600}>
                  {t('renewals.selfAssessment.likelyValue', { value: s.rating.likelyToRecommend })}
                </Text>
              </Group>
            </SimpleGrid>
            {s.rating.comments && (
              <Fact label={t('renewals.selfAssessment.comments')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {s.rating.comments}
                </Text>
              </Fact>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
