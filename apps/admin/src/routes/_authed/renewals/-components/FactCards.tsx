import { Anchor, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type EvidenceLink, parseEvidenceLabel, RENEWAL_FACTS, type RenewalReviewDetail } from '@partnerline/domain';
import { Fact, formatDate, formatPercent, useLocale } from '@partnerline/ui';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type FactKey, FactStateBadge, useRenewalWords } from './words';

/** The five facts of a review, each with its state, its numbers and the records behind it. */
export function FactCards({ review }: { review: RenewalReviewDetail }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
      {RENEWAL_FACTS.map((fact) => (
        <FactCard key={fact} fact={fact} review={review} />
      ))}
    </SimpleGrid>
  );
}

function FactCard({ fact, review }: { fact: FactKey; review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const state = review.recommendationDetail.states[fact];
  const evidence = review.evidence[fact] ?? [];
  return (
    <Card data-testid={`fact-${fact}`}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5">
            {t(`renewals.fact.${fact}`)}
          </Title>
          {state && <FactStateBadge state={state} />}
        </Group>
        <FactNumbers fact={fact} review={review} />
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('renewals.review.evidence')}
          </Text>
          {evidence.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('renewals.review.noEvidence')}
            </Text>
          ) : (
            <List size="sm" spacing={2} listStyleType="none" aria-label={t('renewals.review.evidence')}>
              {evidence.map((e) => (
                <List.Item key={`${e.kind}-${e.id}`}>
                  <EvidenceAnchor link={e} review={review} />
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

/** A record behind a fact as a link to its admin page (or to its part of this page). */
function EvidenceAnchor({ link, review }: { link: EvidenceLink; review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const w = useRenewalWords();
  const text = `${t(`renewals.evidenceKind.${link.kind}`)} ${evidenceLabel(link, review, t, w.requirement)}${link.date ? ` · ${formatDate(link.date, locale)}` : ''}`;
  const root = evidenceRoot(link, review);
  return (
    <Anchor size="sm" renderRoot={root}>
      {text}
    </Anchor>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A record's label as people read it: where the API labels a record by a code (a result, a status, a severity and
 * category, a declaration or finding, a requirement key; read by the domain's parseEvidenceLabel), the code is worded;
 * names and numbers stay as they are.
 */
function evidenceLabel(link: EvidenceLink, review: RenewalReviewDetail, t: TFunction, requirement: (key: string) => string): string {
  if (link.kind === 'agreement') return UUID.test(link.label) ? t(`agreementType.${review.agreementType}`) : link.label;
  const label = parseEvidenceLabel(link);
  switch (label.type) {
    case 'reviewResult':
      return t(`renewals.numbers.reviewResult.${label.result}`);
    case 'deposit':
      return t(`renewals.numbers.depositStatus.${label.status}`);
    case 'declaration':
      return t(`renewals.numbers.declarationValue.${label.declaration}`);
    case 'finding':
      return t(`renewals.numbers.findingValue.${label.finding}`);
    case 'incident':
      return `${t(`renewals.incidents.severityValue.${label.severity}`)} · ${t(`renewals.incidents.categoryValue.${label.category}`)}`;
    case 'certificate':
      // "<holder> · <jobRole>:<product line>"
      return label.holder === null ? link.label : `${label.holder} · ${requirement(label.requirement)}`;
    default:
      return label.text;
  }
}

type Root = (props: Record<string, unknown>) => ReactNode;
function evidenceRoot(link: EvidenceLink, review: RenewalReviewDetail): Root {
  switch (link.kind) {
    case 'statement':
      return (props) => <Link {...props} to="/rebates/statements/$statementId" params={{ statementId: link.id }} />;
    case 'agreement':
      return (props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: link.id }} />;
    case 'qualification_review':
      return (props) => <Link {...props} to="/qualification-reviews/$reviewId" params={{ reviewId: link.id }} />;
    case 'certificate':
      return (props) => <Link {...props} to="/training/certifications" search={{ partnerId: review.partnerId }} />;
    case 'invoice':
      return (props) => <Link {...props} to="/rebates/payments" search={{ partnerId: review.partnerId }} />;
    case 'deposit':
      return (props) => <Link {...props} to="/rebates/deposits" search={{ agreementId: review.agreementId }} />;
    case 'incident':
      return (props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: review.partnerId }} hash="incidents" />;
    case 'self_assessment':
      return (props) => <a {...props} href="#self-assessment" />;
    case 'competition_finding':
      return (props) => <a {...props} href="#competition" />;
  }
}

function FactNumbers({ fact, review }: { fact: FactKey; review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const w = useRenewalWords();
  const f = review.facts;
  switch (fact) {
    case 'attainment': {
      const { achievement, quota, thresholdPercent } = f.attainment;
      const noQuota = Number(quota) === 0;
      // Attainment shown as the recommendation computed it (exact decimals), never recomputed through floats.
      const reason = review.recommendationDetail.reasons.find((r) => r.fact === 'attainment');
      return (
        <SimpleGrid cols={2} spacing="xs">
          <Fact label={t('renewals.numbers.achievement')}>{w.money(achievement)}</Fact>
          <Fact label={t('renewals.numbers.quota')}>{noQuota ? t('renewals.numbers.noQuota') : w.money(quota)}</Fact>
          <Fact label={t('renewals.numbers.attainment')}>{w.pct(reason?.attainmentPercent ?? null)}</Fact>
          <Fact label={t('renewals.numbers.threshold')}>{formatPercent(thresholdPercent, locale)}</Fact>
        </SimpleGrid>
      );
    }
    case 'qualification': {
      const { requirements, latestReview } = f.qualification;
      return (
        <Stack gap="xs">
          {requirements.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('renewals.numbers.noRequirements')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={280}>
              <Table verticalSpacing={2} fz="sm" aria-label={t('renewals.fact.qualification')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('renewals.numbers.requirement')}</Table.Th>
                    <Table.Th ta="right">{t('renewals.numbers.required')}</Table.Th>
                    <Table.Th ta="right">{t('renewals.numbers.certified')}</Table.Th>
                    <Table.Th ta="right">{t('renewals.numbers.expiring')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {requirements.map((r) => (
                    <Table.Tr key={r.requirement}>
                      <Table.Td>{w.requirement(r.requirement)}</Table.Td>
                      <Table.Td ta="right">{r.required}</Table.Td>
                      <Table.Td ta="right" c={r.certified < r.required ? 'red' : undefined}>
                        {r.certified}
                      </Table.Td>
                      <Table.Td ta="right" c={r.expiringBeforeRenewal > 0 ? 'orange' : undefined}>
                        {r.expiringBeforeRenewal}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Fact label={t('renewals.numbers.latestReview')}>{t(`renewals.numbers.reviewResult.${latestReview ?? 'none'}`)}</Fact>
        </Stack>
      );
    }
    case 'payments': {
      const { integrity: i, depositStatus } = f.payments;
      return (
        <SimpleGrid cols={2} spacing="xs">
          <Fact label={t('renewals.numbers.onTime')}>
            {i.due === 0 ? t('renewals.numbers.nothingDue') : t('renewals.numbers.onTimeValue', { onTime: i.onTime, due: i.due, ratio: w.ratio(i.onTimeRatio) })}
          </Fact>
          <Fact label={t('renewals.numbers.worstDaysOverdue')}>{i.worstDaysOverdue}</Fact>
          <Fact label={t('renewals.numbers.openOverdue')}>{i.openOverdue}</Fact>
          <Fact label={t('renewals.numbers.deposit')}>{t(`renewals.numbers.depositStatus.${depositStatus ?? 'none'}`)}</Fact>
        </SimpleGrid>
      );
    }
    case 'service': {
      const count = (s: 'minor' | 'major' | 'critical') => f.incidents.filter((x) => x.severity === s).length;
      return (
        <Fact label={t('renewals.numbers.incidents')}>
          {f.incidents.length === 0 ? (
            t('renewals.numbers.noIncidents')
          ) : (
            <Group gap="md">
              {(['critical', 'major', 'minor'] as const).map((s) => (
                <Text key={s} size="sm" component="span" c={s !== 'minor' && count(s) > 0 ? 'red' : undefined}>
                  {t(`renewals.incidents.severityValue.${s}`)}: {count(s)}
                </Text>
              ))}
            </Group>
          )}
        </Fact>
      );
    }
    case 'competition': {
      const { declaration, finding } = f.competition;
      return (
        <SimpleGrid cols={2} spacing="xs">
          <Fact label={t('renewals.numbers.declaration')}>{w.declaration(declaration)}</Fact>
          <Fact label={t('renewals.numbers.finding')}>{t(`renewals.numbers.findingValue.${finding ?? 'none'}`)}</Fact>
        </SimpleGrid>
      );
    }
  }
}
