import { Anchor, Badge, Button, Card, Group, List, Rating, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { RENEWAL_FACTS, type RenewalFactKey, type RenewalReviewDetail } from '@partnerline/domain';
import { Fact, formatDate, formatDateTime, formatMoney, formatPercent, meQueryOptions, orNotFound, renewalReviewQueryOptions, StatusBadge, useLocale, uuidParam } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ChangeList, EvidenceItem, FactReasons, FactStateBadge, OutcomeBadge, useRenewalWords } from '../../../components/renewals';
import { RATING_KEYS, SelfAssessmentForm } from './-components/SelfAssessmentForm';

export const Route = createFileRoute('/_authed/renewals/$reviewId')({
  params: { parse: (p) => ({ reviewId: uuidParam(p.reviewId) }), stringify: (p) => p },
  loader: ({ context, params }) => orNotFound(context.queryClient.ensureQueryData(renewalReviewQueryOptions(params.reviewId))),
  component: ReviewPage,
});

/**
 * The partner's renewal review: the decision and its rationale once decided, the facts with the records behind them,
 * what would change the outlook, and the self-assessment with the vendor rating (a partner admin fills it in while the
 * review is open and may replace it until then; everyone else reads it).
 */
function ReviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { reviewId } = Route.useParams();
  const { data: r } = useSuspenseQuery(renewalReviewQueryOptions(reviewId));
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const admin = me?.role === 'partner_admin';
  const open = r.status === 'open';
  return (
    <Stack maw={1100}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: r.agreementId }} />}>
        ← {t('renewals.review.back')}
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2}>{t('renewals.review.title')}</Title>
          <Badge variant="outline">{t(`agreementType.${r.agreementType}`)}</Badge>
          <StatusBadge kind="review" value={open ? 'scheduled' : 'completed'}>
            {t(`renewals.review.status.${r.status}`)}
          </StatusBadge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('renewals.review.subtitle', {
            start: formatDate(r.agreement.startDate, locale),
            end: formatDate(r.endDate, locale),
            decideBy: formatDate(r.decideBy, locale),
          })}
        </Text>
      </Stack>
      {admin && open && (
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="sm">{r.selfAssessment ? t('renewals.readiness.selfAssessed') : t('renewals.readiness.selfAssessmentAwaited')}</Text>
          <Button variant="light" size="xs" onClick={() => document.getElementById('self-assessment')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
            {t('renewals.review.toSelfAssessment')}
          </Button>
        </Group>
      )}
      {r.decision && <DecisionCard review={r} />}
      <Card>
        <Stack gap="sm">
          <Group gap="xs">
            <Text fw={600}>{open ? t('renewals.asThingsStand') : t('renewals.review.recommendedAtDecision')}</Text>
            <OutcomeBadge outcome={r.recommendationDetail.outcome} />
          </Group>
          {/* Once decided, what would have changed the advice is moot: the decision above says what happens. */}
          {open && (
            <>
              <ChangeList recommendation={r.recommendationDetail} />
              {r.recommendationDetail.toChange.length === 0 && <Text size="sm">{t('renewals.nothingToChange')}</Text>}
              <Text size="xs" c="dimmed">
                {t('renewals.adviceOnly')}
              </Text>
            </>
          )}
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {RENEWAL_FACTS.map((f) => (
          <FactCard key={f} review={r} fact={f} admin={admin} />
        ))}
      </SimpleGrid>
      {admin && open ? (
        <SelfAssessmentForm review={r} />
      ) : (
        <SelfAssessmentView review={r} />
      )}
    </Stack>
  );
}

/** The decision as the partner reads it: outcome, rationale, who and when; probation conditions; the end or the successor. */
function DecisionCard({ review }: { review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = review.decision!;
  return (
    <Card withBorder data-testid="renewal-decision">
      <Stack gap="sm">
        <Group gap="xs">
          <Text fw={600}>{t('renewals.decision.title')}</Text>
          <OutcomeBadge outcome={d.outcome} decided />
        </Group>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('renewals.decision.rationale')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {d.rationale}
          </Text>
        </Stack>
        <Text size="xs" c="dimmed">
          {t('renewals.decision.by', { name: d.decidedBy.name, date: formatDateTime(d.decidedAt, locale) })}
        </Text>
        {d.probation && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('renewals.decision.conditions', { date: formatDate(d.probation.checkOn, locale) })}
            </Text>
            <List size="sm" spacing={4} withPadding>
              {d.probation.conditions.map((c) => (
                <List.Item key={c.id}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm">{c.text}</Text>
                    <Badge size="sm" variant="light" color={c.met === null ? 'gray' : c.met ? 'green' : 'red'} style={{ flexShrink: 0 }}>
                      {t(`renewals.decision.met.${c.met === null ? 'pending' : c.met ? 'yes' : 'no'}`)}
                    </Badge>
                  </Group>
                </List.Item>
              ))}
            </List>
            {d.probation.outcome && <Text size="sm">{t(`renewals.decision.probationOutcome.${d.probation.outcome}`)}</Text>}
          </Stack>
        )}
        {d.successorAgreementId && <Text size="sm">{t('renewals.decision.successor')}</Text>}
        {d.terminationEffective && <Text size="sm">{t('renewals.decision.terminationEffective', { date: formatDate(d.terminationEffective, locale) })}</Text>}
        {d.depositHandling && d.depositHandling !== 'none' && <Text size="sm">{t(`renewals.decision.deposit.${d.depositHandling}`)}</Text>}
      </Stack>
    </Card>
  );
}

/** One fact: its state, its figures, its reasons and the records behind it. */
function FactCard({ review, fact, admin }: { review: RenewalReviewDetail; fact: RenewalFactKey; admin: boolean }) {
  const { t } = useTranslation();
  const words = useRenewalWords();
  const evidence = review.evidence[fact] ?? [];
  return (
    <Card data-testid={`fact-${fact}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{words.factName(fact)}</Text>
          <FactStateBadge state={review.recommendationDetail.states[fact]} />
        </Group>
        <FactFigures review={review} fact={fact} />
        <FactReasons recommendation={review.recommendationDetail} fact={fact} />
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('renewals.evidence.title')}
          </Text>
          {evidence.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('renewals.evidence.none')}
            </Text>
          ) : (
            evidence.map((e) => <EvidenceItem key={`${e.kind}:${e.id}`} e={e} admin={admin} />)
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

/** The numbers of a fact as the API computed them. */
function FactFigures({ review, fact }: { review: RenewalReviewDetail; fact: RenewalFactKey }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = review.facts;
  const money = (x: string) => formatMoney(x, locale);
  switch (fact) {
    case 'attainment': {
      const percent = review.recommendationDetail.reasons.find((x) => x.fact === 'attainment')?.attainmentPercent;
      return (
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          <Fact label={t('renewals.figures.achievement')}>{money(f.attainment.achievement)}</Fact>
          <Fact label={t('renewals.figures.quota')}>{money(f.attainment.quota)}</Fact>
          <Fact label={t('renewals.figures.attainment')}>{formatPercent(percent, locale)}</Fact>
          <Fact label={t('renewals.figures.threshold')}>{formatPercent(f.attainment.thresholdPercent, locale)}</Fact>
        </SimpleGrid>
      );
    }
    case 'qualification':
      return <QualificationFigures review={review} />;
    case 'payments': {
      const i = f.payments.integrity;
      return (
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          <Fact label={t('renewals.figures.onTime')}>{t('renewals.figures.onTimeOf', { onTime: i.onTime, due: i.due })}</Fact>
          <Fact label={t('renewals.figures.worstDaysOverdue')}>{i.worstDaysOverdue}</Fact>
          <Fact label={t('renewals.figures.openOverdue')}>{i.openOverdue}</Fact>
          <Fact label={t('renewals.figures.deposit')}>
            {f.payments.depositStatus ? <StatusBadge kind="deposit" value={f.payments.depositStatus} /> : t('renewals.figures.noDeposit')}
          </Fact>
        </SimpleGrid>
      );
    }
    case 'service': {
      const n = (s: string) => f.incidents.filter((x) => x.severity === s).length;
      return (
        <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs">
          <Fact label={t('renewals.figures.minor')}>{n('minor')}</Fact>
          <Fact label={t('renewals.figures.major')}>{n('major')}</Fact>
          <Fact label={t('renewals.figures.critical')}>{n('critical')}</Fact>
        </SimpleGrid>
      );
    }
    case 'competition':
      return (
        <Stack gap={4}>
          <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
            <Fact label={t('renewals.figures.declaration')}>{t(`renewals.declaration.${f.competition.declaration}`)}</Fact>
            <Fact label={t('renewals.figures.finding')}>{f.competition.finding ? t(`renewals.finding.${f.competition.finding}`) : t('renewals.finding.none')}</Fact>
          </SimpleGrid>
          {review.competitionFinding?.note && (
            <Fact label={t('renewals.figures.findingNote')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {review.competitionFinding.note}
              </Text>
            </Fact>
          )}
        </Stack>
      );
  }
}

function QualificationFigures({ review }: { review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const q = review.facts.qualification;
  const words = useRenewalWords();
  return (
    <Stack gap={2}>
      {q.requirements.map((r) => {
        const { roleTitle, line } = words.requirement(r.requirement);
        return (
          <Text key={r.requirement} size="sm">
            {t('renewals.figures.requirement', { role: roleTitle, line, certified: r.certified, required: r.required })}
            {r.expiringBeforeRenewal > 0 ? ` · ${t('renewals.figures.expiring', { count: r.expiringBeforeRenewal })}` : ''}
          </Text>
        );
      })}
      {/* A missing or failed review is a reason of its own (below); a passed one is only a figure. */}
      {q.latestReview === 'pass' && <Text size="sm">{t('renewals.figures.latestReview.pass')}</Text>}
    </Stack>
  );
}

/** The self-assessment as submitted (or that none was), for everyone who may not or can no longer change it. */
function SelfAssessmentView({ review }: { review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const s = review.selfAssessment;
  if (!s)
    return (
      <Card data-testid="self-assessment" id="self-assessment">
        <Text fw={600} mb="xs">
          {t('renewals.self.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {review.status === 'open' ? t('renewals.self.awaitedReadOnly') : t('renewals.self.noneSubmitted')}
        </Text>
      </Card>
    );
  return (
    <Card data-testid="self-assessment" id="self-assessment">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{t('renewals.self.title')}</Text>
          <Text size="xs" c="dimmed">
            {t('renewals.self.submittedBy', { name: s.submittedBy.name, date: formatDate(s.submittedOn, locale) })}
          </Text>
        </Group>
        <Badge color={s.willRenew ? 'green' : 'red'} variant="light" w="fit-content" styles={{ label: { overflow: 'visible' } }}>
          {s.willRenew ? t('renewals.self.willRenew') : t('renewals.self.willNotRenew')}
        </Badge>
        <Fact label={t('renewals.self.wentWell')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.wentWell}
          </Text>
        </Fact>
        <Fact label={t('renewals.self.plan')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.plan}
          </Text>
        </Fact>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Fact label={t('renewals.self.proposedQuota')}>{formatMoney(s.proposedQuota, locale)}</Fact>
          <Fact label={t('renewals.self.competition')}>
            {s.competingProducts
              ? t('renewals.evidence.line', { kind: t(`renewals.declaration.${s.competitionDeclaration}`), label: s.competingProducts })
              : t(`renewals.declaration.${s.competitionDeclaration}`)}
          </Fact>
        </SimpleGrid>
        <Text size="sm" fw={600}>
          {t('renewals.rating.title')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
          {RATING_KEYS.map((k) => (
            <Group key={k} justify="space-between" wrap="nowrap" maw={360}>
              <Text size="sm">{t(`renewals.rating.${k}`)}</Text>
              <Rating value={s.rating[k]} readOnly aria-label={t(`renewals.rating.${k}`)} />
            </Group>
          ))}
        </SimpleGrid>
        <Text size="sm">{t('renewals.rating.likelyValue', { value: s.rating.likelyToRecommend })}</Text>
        {s.rating.comments && (
          <Fact label={t('renewals.rating.comments')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {s.rating.comments}
            </Text>
          </Fact>
        )}
      </Stack>
    </Card>
  );
}
