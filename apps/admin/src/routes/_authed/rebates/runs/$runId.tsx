import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Dec, translateMessage } from '@partnerline/domain';
import { Fact, formatDate, formatDateTime, meQueryOptions, NotFound, orNotFound, StatusBadge, useLocale, uuidParam } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { rebateRunQueryOptions } from '../../../../api/rebates';
import type { RebateRun } from '@partnerline/domain';
import { periodName, useMoney } from '../-components/bits';
import { RunCounts, RunProgressBar } from '../-components/RunProgress';

export const Route = createFileRoute('/_authed/rebates/runs/$runId')({
  params: { parse: (p) => ({ runId: uuidParam(p.runId) }), stringify: (p) => p },
  loader: ({ context, params }) => orNotFound(context.queryClient.ensureQueryData(rebateRunQueryOptions(params.runId))),
  notFoundComponent: () => <NotFound home="/admin/rebates/runs" />,
  component: RunPage,
});

/** One run: polls while queued or running; progress, counts, errors, "as of" and the change against the last run. */
function RunPage() {
  const { runId } = Route.useParams();
  const { data: run } = useQuery(rebateRunQueryOptions(runId));
  if (!run) return null;
  return <RunView run={run} />;
}

function RunView({ run }: { run: RebateRun }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const tz = me?.timeZone;
  const finished = run.status === 'succeeded' || run.status === 'failed';
  return (
    <Stack maw={1100}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/rebates/runs" />}>
        ← {t('rebates.runs.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2}>{t('rebates.runs.title', { period: periodName(t, run.period) })}</Title>
          <StatusBadge kind="jobRun" value={run.status} size="lg" />
        </Group>
        {finished && (
          <Group gap="xs">
            {run.created + run.updated > 0 && (
              <Button variant="subtle" renderRoot={(props) => <Link {...props} to="/rebates/statements" search={{ runId: run.id }} />}>
                {t('rebates.runs.changedStatements', { count: run.created + run.updated })}
              </Button>
            )}
            <Button variant="light" renderRoot={(props) => <Link {...props} to="/rebates/statements" />}>
              {t('rebates.runs.statements')}
            </Button>
          </Group>
        )}
      </Group>
      <Card>
        <Stack>
          <RunProgressBar run={run} />
          <RunCounts run={run} />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Fact label={t('rebates.period')}>
              {t('rebates.periodRange', { start: formatDate(run.periodStart, locale), end: formatDate(run.periodEnd, locale) })}
            </Fact>
            <Fact label={t('rebates.runs.asOf')}>
              {formatDate(run.asOf, locale)}
              <Text size="xs" c="dimmed">
                {run.asOf > run.periodEnd ? t('rebates.runs.final') : t('rebates.runs.provisional')}
              </Text>
            </Fact>
            <Fact label={t('rebates.runs.startedBy')}>
              {run.startedBy.name}
              <Text size="xs" c="dimmed">
                {formatDateTime(run.startedAt ?? run.createdAt, locale, tz)}
              </Text>
            </Fact>
            <Fact label={finished ? t('rebates.runs.finished') : t('rebates.runs.heartbeat')}>
              {formatDateTime(finished ? run.finishedAt : run.heartbeatAt, locale, tz)}
            </Fact>
          </SimpleGrid>
        </Stack>
      </Card>
      {run.errorDetails.length > 0 && (
        <Alert color="red" title={t('rebates.runs.errorsTitle')}>
          <Stack gap={4}>
            {run.errorDetails.slice(0, 50).map((e, i) => (
              <Text key={i} size="sm">
                {e.agreementId ? (
                  <Anchor
                    mr={6}
                    renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: e.agreementId }} />}
                  >
                    {e.message || t('rebates.runs.agreement')}
                  </Anchor>
                ) : null}
                {translateMessage(locale, e.code, { agreementNumber: e.message ?? '' })}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <RunDiff run={run} />
    </Stack>
  );
}

function RunDiff({ run }: { run: RebateRun }) {
  const { t } = useTranslation();
  const money = useMoney();
  const change = (before: string | null, after: string) => new Dec(after).minus(before ?? 0);
  return (
    <Card>
      <Title order={3} size="h5">
        {t('rebates.runs.diff')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('rebates.runs.diffHelp')}
      </Text>
      {run.diff.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rebates.runs.noDiff')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table aria-label={t('rebates.runs.diff')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rebates.partner')}</Table.Th>
                <Table.Th ta="right">{t('rebates.runs.before')}</Table.Th>
                <Table.Th ta="right">{t('rebates.runs.after')}</Table.Th>
                <Table.Th ta="right">{t('rebates.runs.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.diff.map((d) => {
                const c = change(d.before, d.after);
                return (
                  <Table.Tr key={d.partnerId}>
                    <Table.Td>
                      <Anchor
                        size="sm"
                        renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: d.partnerId }} />}
                      >
                        {d.partnerName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">
                      {d.before === null ? (
                        <Text size="xs" c="dimmed" component="span">
                          {t('rebates.runs.newPartner')}
                        </Text>
                      ) : (
                        money(d.before)
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{money(d.after)}</Table.Td>
                    <Table.Td ta="right" c={c.isNegative() ? 'red' : c.isZero() ? undefined : 'green'}>
                      {c.isPositive() && !c.isZero() ? '+' : ''}
                      {money(c.toFixed(2))}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
