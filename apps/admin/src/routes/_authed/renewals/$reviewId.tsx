import { Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Fact, formatDate, meQueryOptions, NotFound, orNotFound, renewalReviewQueryOptions, useLocale, uuidParam } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { canManageRenewals } from '../../../nav';
import { CompetitionCard } from './-components/CompetitionCard';
import { DecisionForm } from './-components/DecisionForm';
import { DecisionView } from './-components/DecisionView';
import { FactCards } from './-components/FactCards';
import { RecommendationCard } from './-components/RecommendationCard';
import { SelfAssessmentCard } from './-components/SelfAssessmentCard';
import { useRenewalWords } from './-components/words';

export const Route = createFileRoute('/_authed/renewals/$reviewId')({
  params: { parse: (p) => ({ reviewId: uuidParam(p.reviewId) }), stringify: (p) => p },
  loader: ({ context, params }) => orNotFound(context.queryClient.ensureQueryData(renewalReviewQueryOptions(params.reviewId))),
  notFoundComponent: () => <NotFound home="/admin/renewals" />,
  component: ReviewPage,
});

/**
 * One renewal review: the facts with their evidence, the recommendation and what would change it, the partner's
 * self-assessment and rating, the competition finding, and the decision (leadership reads it all, without forms).
 */
function ReviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const w = useRenewalWords();
  const { reviewId } = Route.useParams();
  const { data: r } = useSuspenseQuery(renewalReviewQueryOptions(reviewId));
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const canManage = canManageRenewals(me?.role);
  const tz = me?.timeZone;
  return (
    <Stack maw={1300}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/renewals" />}>
        ← {t('renewals.review.back')}
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2}>{t('renewals.review.title', { partner: r.partnerName })}</Title>
          <Badge variant="outline" color={r.status === 'open' ? 'blue' : 'gray'}>
            {t(`renewals.status.${r.status}`)}
          </Badge>
          {r.overdue && <Badge color="red">{t('renewals.board.overdue')}</Badge>}
          {r.willNotRenew && (
            <Badge color="red" variant="outline">
              {t('renewals.board.willNotRenew')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: r.partnerId }} />}>
            {r.partnerName}
          </Anchor>
          {' · '}
          <Anchor
            size="sm"
            renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: r.agreementId }} />}
          >
            {t(`agreementType.${r.agreementType}`)}
          </Anchor>
          {' · '}
          {t('renewals.review.term', { start: formatDate(r.agreement.startDate, locale), end: formatDate(r.agreement.endDate, locale) })}
          {' · '}
          {t(r.openedByManager ? 'renewals.review.openedByManager' : 'renewals.review.openedBySweep', {
            date: formatDate(r.openedOn, locale),
          })}
        </Text>
        <Text size="sm" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 600 : undefined}>
          {t('renewals.review.decideBy', { date: formatDate(r.decideBy, locale) })}
        </Text>
      </Stack>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <RecommendationCard review={r} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            {r.decision ? (
              <DecisionView review={r} canManage={canManage} timeZone={tz} />
            ) : canManage ? (
              <DecisionForm review={r} />
            ) : (
              <Card>
                <Title order={3} size="h5" mb={4}>
                  {t('renewals.decision.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('renewals.decision.notDecided')}
                </Text>
              </Card>
            )}
            {r.status === 'open' && (
              <Card>
                <Fact label={t('renewals.review.suggestedQuota')}>
                  <Text fw={700} size="lg" component="span">
                    {r.suggestedQuota ? w.money(r.suggestedQuota) : t('renewals.review.noSuggestedQuota')}
                  </Text>
                </Fact>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('renewals.review.suggestedQuotaHelp')}
                </Text>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Title order={3} size="h4" mt="sm">
        {t('renewals.review.facts')}
      </Title>
      <FactCards review={r} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SelfAssessmentCard review={r} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <CompetitionCard review={r} canManage={canManage} timeZone={tz} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
