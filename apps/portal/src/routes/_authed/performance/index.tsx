import { Anchor, Badge, Card, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { type AgreementPerformance, hasPerformance } from '@partnerline/domain';
import { EmptyCard, ErrorState, Fact, formatDate, formatMoney, formatPercent, PageHeader, useLocale } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { myAgreementsQueryOptions } from '../../../api/portal';
import { performanceQueryOptions } from '../../../api/rebates';
import { Explanation, NextTierText, useTierName } from '../../../components/rebates';
import { PaceChart } from './-components/PaceChart';

const Search = z.object({ agreementId: z.uuid().optional().catch(undefined), period: z.iso.date().optional().catch(undefined) });

export const Route = createFileRoute('/_authed/performance/')({
  validateSearch: Search,
  loader: ({ context }) => context.queryClient.ensureQueryData(myAgreementsQueryOptions()),
  component: PerformancePage,
});

function PerformancePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate({ from: '/performance/' });
  const search = Route.useSearch();
  const { data: agreements } = useSuspenseQuery(myAgreementsQueryOptions());
  // Agreements that can have a performance: the live one first, then the ended ones (their last periods).
  const usable = agreements.items
    .filter((a) => hasPerformance(a.status))
    .sort((a, b) => (a.status === 'active' ? 0 : 1) - (b.status === 'active' ? 0 : 1));
  const agreementId = search.agreementId ?? usable[0]?.id;
  const {
    data: perf,
    isPending,
    isError,
    error,
    refetch,
    isFetching,
  } = useQuery({ ...performanceQueryOptions(agreementId ?? '', search.period), enabled: !!agreementId });

  return (
    <Stack maw={1100}>
      <PageHeader title={t('performance.title')} subtitle={t('performance.subtitle')} />
      {!agreementId ? (
        <EmptyCard icon={IconChartLine}>{t('performance.noAgreements')}</EmptyCard>
      ) : (
        <>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('performance.agreement')}
              allowDeselect={false}
              w={{ base: '100%', xs: 340 }}
              data={usable.map((a) => ({ value: a.id, label: `${a.number} · ${t(`agreementType.${a.type}`)}` }))}
              value={agreementId}
              onChange={(v) => v && void navigate({ search: { agreementId: v } })}
            />
            <Select
              label={t('performance.period')}
              allowDeselect={false}
              w={{ base: '100%', xs: 340 }}
              disabled={!perf}
              data={(perf?.periods ?? []).map((p) => ({
                value: p.start,
                label: t('performance.periodOption', { n: p.index, start: formatDate(p.start, locale), end: formatDate(p.end, locale) }),
              }))}
              value={perf?.period?.start ?? null}
              onChange={(v) => v && void navigate({ search: { agreementId, period: v } })}
            />
            {isFetching && <Loader size="sm" mb={8} />}
          </Group>
          {isPending ? <Loader /> : isError ? <ErrorState error={error} onRetry={() => void refetch()} /> : <PerformanceView perf={perf} />}
        </>
      )}
    </Stack>
  );
}

/** One agreement's period: the figures, the pace, the tier and the distance to the next one, and the arithmetic. */
export function PerformanceView({ perf }: { perf: AgreementPerformance }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tierName = useTierName();
  const result = perf.result;
  const programme = perf.programme;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('performance.periodLine', {
          n: perf.period.index,
          start: formatDate(perf.period.start, locale),
          end: formatDate(perf.period.end, locale),
          elapsed: formatPercent(perf.pacePercent, locale, 1),
        })}
        {' · '}
        {perf.final ? t('performance.final') : t('performance.asOf', { date: formatDate(perf.asOf, locale) })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Card p="sm">
          <Fact label={t('performance.quota')}>
            {formatMoney(perf.quota.amount, locale)}
            <Text size="xs" c="dimmed" fw={400}>
              {t(`performance.quotaSource.${perf.quota.source}`)}
            </Text>
          </Fact>
        </Card>
        <Card p="sm">
          <Fact label={t('performance.achievement')}>{formatMoney(perf.achievement, locale)}</Fact>
        </Card>
        <Card p="sm">
          <Fact label={t('performance.attainment')}>{formatPercent(perf.attainmentPercent, locale)}</Fact>
        </Card>
        <Card p="sm">
          <Fact label={t('performance.earned')}>{result ? formatMoney(result.earned, locale) : '—'}</Fact>
        </Card>
      </SimpleGrid>
      <Card>
        <Title order={4} mb="sm">
          {t('performance.pace')}
        </Title>
        <PaceChart perf={perf} />
      </Card>
      <Card>
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('performance.tier')}</Title>
          {result && (
            <Badge variant="light" color={result.tierIndex === null ? 'gray' : 'teal'}>
              {tierName(programme, result.tierIndex)}
            </Badge>
          )}
        </Group>
        {!programme || !result ? (
          <Text size="sm" c="dimmed">
            {t('performance.noProgramme')}
          </Text>
        ) : (
          <Stack gap="sm">
            <NextTierText result={result} programme={programme} />
            {programme.kind === 'attainment' && (
              <Text size="xs" c="dimmed">
                {t('performance.programmeLine', {
                  method: t(`performance.methods.${programme.method}`),
                  threshold: formatPercent(programme.thresholdPercent, locale),
                  tiers: programme.tiers
                    .map((x) => `≥${formatPercent(x.fromPercent, locale)} → ${formatPercent(x.ratePercent, locale)}`)
                    .join(locale === 'zh-CN' ? '，' : ', '),
                })}
                {programme.capAmount ? ` ${t('performance.capLine', { cap: formatMoney(programme.capAmount, locale) })}` : ''}
              </Text>
            )}
          </Stack>
        )}
      </Card>
      {programme && result && (
        <Card>
          <Title order={4} mb="sm">
            {t('performance.howComputed')}
          </Title>
          <Explanation result={result} programme={programme} lines={perf.lines} />
        </Card>
      )}
      {perf.statement && (
        <Card>
          <Group justify="space-between">
            <Text size="sm">
              {t('performance.statementOfPeriod', {
                status: t(`rebates.status.${perf.statement.status}`),
                payable: formatMoney(perf.statement.payable, locale),
              })}
            </Text>
            <Anchor
              size="sm"
              renderRoot={(props) => <Link {...props} to="/statements/$statementId" params={{ statementId: perf.statement!.id }} />}
            >
              {t('performance.openStatement')}
            </Anchor>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
