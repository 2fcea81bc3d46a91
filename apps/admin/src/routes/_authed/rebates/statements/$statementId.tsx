import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Fact, formatDate, formatDateTime, formatNumber, formatPercent, meQueryOptions, NotFound, orNotFound, ResponsiveTable, StatusBadge, useLocale, uuidParam } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { rebateStatementQueryOptions } from '../../../../api/rebates';
import { basisLineCount, type RebateStatement, type RebateStatementLine } from '@partnerline/domain';
import { canManageRebates } from '../../../../nav';
import { Nowrap, useMoney, usePercent, useTierText } from '../-components/bits';
import { StatementActions } from '../-components/StatementActions';

export const Route = createFileRoute('/_authed/rebates/statements/$statementId')({
  params: { parse: (p) => ({ statementId: uuidParam(p.statementId) }), stringify: (p) => p },
  loader: ({ context, params }) => orNotFound(context.queryClient.ensureQueryData(rebateStatementQueryOptions(params.statementId))),
  notFoundComponent: () => <NotFound home="/admin/rebates/statements" />,
  component: StatementPage,
});

function StatementPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { statementId } = Route.useParams();
  const { data: s } = useSuspenseQuery(rebateStatementQueryOptions(statementId));
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const money = useMoney();
  const pct = usePercent();
  const tier = useTierText();
  const tz = me?.timeZone;
  return (
    <Stack maw={1300}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/rebates/statements" />}>
        ← {t('rebates.statements.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm">
            <Title order={2}>{s.number}</Title>
            <StatusBadge kind="rebateStatement" value={s.status} size="lg" />
            <Badge variant="outline" color={s.final ? 'dark' : 'yellow'}>
              {s.final ? t('rebates.statements.final') : t('rebates.statements.provisional')}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: s.partnerId }} />}>
              {s.partnerName}
            </Anchor>
            {' · '}
            <Anchor
              size="sm"
              renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: s.agreementId }} />}
            >
              {t(`agreementType.${s.agreementType}`)}
            </Anchor>
            {' · '}
            {t('rebates.periodRange', { start: formatDate(s.periodStart, locale), end: formatDate(s.periodEnd, locale) })} ·{' '}
            {t('rebates.statements.asOf', { date: formatDate(s.asOf, locale) })}
          </Text>
          {s.approvedBy && s.approvedAt && (
            <Text size="sm">
              {t('rebates.statements.approvedBy', { name: s.approvedBy.name, date: formatDateTime(s.approvedAt, locale, tz) })}
            </Text>
          )}
          {s.paidOn && (
            <Text size="sm">
              {t('rebates.statements.paidBy', { date: formatDate(s.paidOn, locale), reference: s.paymentReference ?? '—' })}
            </Text>
          )}
        </Stack>
        <Group gap="xs" align="flex-start">
          <Button
            component="a"
            variant="default"
            leftSection={<IconDownload size={16} />}
            href={`/api/rebate-statements/${s.id}/export?format=xlsx&lang=${locale}`}
            download
          >
            {t('rebates.statements.xlsx')}
          </Button>
          {canManageRebates(me?.role) && <StatementActions statement={s} timeZone={tz} />}
        </Group>
      </Group>
      <Card>
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="sm">
          <Fact label={t('rebates.quota')}>{money(s.quota)}</Fact>
          <Fact label={t('rebates.achievement')}>{money(s.achievement)}</Fact>
          <Fact label={t('rebates.attainment')}>{pct(s.attainmentPercent)}</Fact>
          <Fact label={t('rebates.tier')}>{tier(s.tierIndex, s.ratePercent)}</Fact>
          <Fact label={t('rebates.earned')}>{money(s.earned)}</Fact>
          <Fact label={t('rebates.statements.alreadySettled')}>{money(s.alreadySettled)}</Fact>
          <Fact label={t('rebates.statements.adjustments')}>{money(s.adjustments)}</Fact>
          <Fact label={t('rebates.payable')}>
            <Text fw={700} size="lg" component="span">
              {money(s.payable)}
            </Text>
          </Fact>
        </SimpleGrid>
      </Card>
      <Explanation s={s} />
      <Lines s={s} />
    </Stack>
  );
}

/** The engine's arithmetic in words: basis, tier, bands, cap, rounding and the next tier. */
function Explanation({ s }: { s: RebateStatement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = useMoney();
  const tier = useTierText();
  const e = s.explanation;
  const basisLines = basisLineCount(s.lines);
  return (
    <Card>
      <Title order={3} size="h5" mb="xs">
        {t('rebates.statements.explanation')}
      </Title>
      <Stack gap={6}>
        <Text size="sm">
          {e.attainmentPercent === null
            ? t('rebates.statements.basisNoQuota', { count: basisLines, achievement: money(e.achievement) })
            : t('rebates.statements.basis', {
                count: basisLines,
                achievement: money(e.achievement),
                quota: money(e.quota),
                attainment: formatNumber(Number(e.attainmentPercent), locale),
              })}
        </Text>
        <Text size="sm">
          {e.tierIndex === null
            ? t('rebates.statements.notReached')
            : t('rebates.statements.reachedTier', {
                tier: tier(e.tierIndex, e.ratePercent),
                rate: formatNumber(Number(e.ratePercent ?? 0), locale, 4),
                method: t(`rebates.statements.method.${e.method}`),
              })}
        </Text>
        {e.bands.length > 0 && (
          <Table.ScrollContainer minWidth={300}>
            <Table aria-label={t('rebates.statements.bands')} verticalSpacing={4} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rebates.statements.band')}</Table.Th>
                  <Table.Th ta="right">{t('rebates.statements.rate')}</Table.Th>
                  <Table.Th ta="right">{t('rebates.statements.base')}</Table.Th>
                  <Table.Th ta="right">{t('rebates.statements.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.bands.map((b, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      {b.to === null
                        ? t('rebates.statements.bandFrom', { from: money(b.from) })
                        : t('rebates.statements.bandRange', { from: money(b.from), to: money(b.to) })}
                    </Table.Td>
                    <Table.Td ta="right">{formatPercent(b.ratePercent, locale, 4)}</Table.Td>
                    <Table.Td ta="right">{money(b.base)}</Table.Td>
                    <Table.Td ta="right">{money(b.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {e.capped && <Text size="sm">{t('rebates.statements.capped', { uncapped: money(e.uncapped) })}</Text>}
        <Text size="sm">{t('rebates.statements.rounding', { earned: money(e.earned) })}</Text>
        <Text size="sm" fw={500}>
          {e.next
            ? t('rebates.statements.next', {
                more: money(e.next.moreNeeded),
                rate: formatNumber(Number(e.next.ratePercent), locale, 4),
                then: money(e.next.earnedThen),
                increase: money(e.next.increase),
              })
            : t('rebates.statements.atTop')}
        </Text>
      </Stack>
    </Card>
  );
}

function Lines({ s }: { s: RebateStatement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = useMoney();
  const num = (v: string | null, digits = 4) => (v === null ? '—' : formatNumber(Number(v), locale, digits));
  const columns = [
    {
      key: 'description',
      header: t('rebates.statements.description'),
      primary: true,
      cell: (l: RebateStatementLine) => (
        <Stack gap={2}>
          <Text size="sm">
            {l.lineNo}. {l.description}
          </Text>
          {l.sourcePeriodStart && (
            <Text size="xs" c="dimmed">
              {t('rebates.statements.fromPeriod', { date: formatDate(l.sourcePeriodStart, locale) })}
            </Text>
          )}
          {l.dispute && (
            <Stack gap={0}>
              <Group gap={4}>
                <StatusBadge kind="rebateDispute" value={l.dispute.status} size="xs" />
                <Text size="xs">{t('rebates.statements.dispute', { comment: l.dispute.comment })}</Text>
              </Group>
              {l.dispute.resolution && (
                <Text size="xs" c="dimmed">
                  {t('rebates.statements.resolution', { resolution: l.dispute.resolution })}
                </Text>
              )}
            </Stack>
          )}
        </Stack>
      ),
    },
    {
      key: 'kind',
      header: t('rebates.statements.kind'),
      aside: true,
      cell: (l: RebateStatementLine) => <StatusBadge kind="rebateLine" value={l.kind} size="sm" />,
    },
    {
      key: 'date',
      header: t('rebates.statements.date'),
      cell: (l: RebateStatementLine) => <Nowrap>{formatDate(l.occurredOn, locale)}</Nowrap>,
    },
    {
      key: 'amount',
      header: t('rebates.statements.amount'),
      align: 'right' as const,
      cell: (l: RebateStatementLine) => <Nowrap>{money(l.amount)}</Nowrap>,
    },
    { key: 'share', header: t('rebates.statements.share'), align: 'right' as const, cell: (l: RebateStatementLine) => num(l.share) },
    {
      key: 'coefficient',
      header: t('rebates.statements.coefficient'),
      align: 'right' as const,
      cell: (l: RebateStatementLine) => num(l.coefficient),
    },
    {
      key: 'achievement',
      header: t('rebates.achievement'),
      align: 'right' as const,
      cell: (l: RebateStatementLine) => <Nowrap>{money(l.achievement)}</Nowrap>,
    },
    {
      key: 'rebate',
      header: t('rebates.statements.rebate'),
      align: 'right' as const,
      cell: (l: RebateStatementLine) => (
        <Nowrap fw={600} c={l.rebate.startsWith('-') ? 'red' : undefined}>
          {money(l.rebate)}
        </Nowrap>
      ),
    },
  ];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('rebates.statements.lines')}
      </Title>
      {s.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rebates.statements.noLines')}
        </Text>
      ) : (
        <ResponsiveTable label={t('rebates.statements.lines')} columns={columns} rows={s.lines} rowKey={(l) => l.id} minWidth={1000} />
      )}
    </Stack>
  );
}
