import { businessDateOf, quarterOf } from '@partnerline/domain';
import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import { ApiError, errorMessage, formatDate, formatDateTime, meQueryOptions, ResponsiveTable, StatusBadge, useLocale } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rebateRunsQueryOptions, useStartRun } from '../../../../api/rebates';
import type { RebateRun } from '@partnerline/domain';
import { canManageRebates } from '../../../../nav';
import { periodName, runPeriodOptions } from '../-components/bits';
import { RebatesHeader } from '../-components/RebatesHeader';
import { RunProgressBar } from '../-components/RunProgress';

export const Route = createFileRoute('/_authed/rebates/runs/')({
  loader: ({ context }) => context.queryClient.prefetchQuery(rebateRunsQueryOptions()),
  component: RunsPage,
});

function RunsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const runs = useQuery(rebateRunsQueryOptions());
  const tz = me?.timeZone;
  const columns = [
    {
      key: 'period',
      header: t('rebates.period'),
      primary: true,
      cell: (r: RebateRun) => (
        <Anchor size="sm" fw={600} renderRoot={(props) => <Link {...props} to="/rebates/runs/$runId" params={{ runId: r.id }} />}>
          {periodName(t, r.period)}
        </Anchor>
      ),
    },
    { key: 'status', header: t('rebates.status'), aside: true, cell: (r: RebateRun) => <StatusBadge kind="jobRun" value={r.status} /> },
    { key: 'progress', header: t('rebates.runs.progress'), cell: (r: RebateRun) => <RunProgressBar run={r} compact /> },
    { key: 'asOf', header: t('rebates.runs.asOf'), cell: (r: RebateRun) => formatDate(r.asOf, locale) },
    { key: 'by', header: t('rebates.runs.startedBy'), cell: (r: RebateRun) => r.startedBy.name },
    { key: 'at', header: t('rebates.runs.createdAt'), cell: (r: RebateRun) => formatDateTime(r.createdAt, locale, tz) },
  ];
  return (
    <Stack maw={1300}>
      <RebatesHeader active="runs" />
      {canManageRebates(me?.role) ? (
        <StartRun timeZone={tz} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('rebates.readOnly')}
        </Text>
      )}
      <Title order={3} size="h5">
        {t('rebates.runs.list')}
      </Title>
      {runs.data && runs.data.items.length === 0 ? (
        <Text c="dimmed">{t('rebates.runs.none')}</Text>
      ) : (
        <ResponsiveTable
          label={t('rebates.runs.list')}
          columns={columns}
          rows={runs.data?.items ?? []}
          rowKey={(r) => r.id}
          minWidth={900}
        />
      )}
    </Stack>
  );
}

function StartRun({ timeZone }: { timeZone?: string }) {
  const { t } = useTranslation();
  const today = businessDateOf(new Date(), timeZone);
  const [period, setPeriod] = useState<string | null>(quarterOf(today));
  const [refusal, setRefusal] = useState<{ message: string; runId?: string } | null>(null);
  const start = useStartRun();
  const navigate = useNavigate();
  const go = () => {
    if (!period) return;
    setRefusal(null);
    start.mutate(period, {
      onSuccess: (run) => {
        notifications.show({ color: 'green', message: t('rebates.runs.started', { period: periodName(t, run.period) }) });
        void navigate({ to: '/rebates/runs/$runId', params: { runId: run.id } });
      },
      onError: (e) => {
        const runId = e instanceof ApiError && typeof e.details?.runId === 'string' ? e.details.runId : undefined;
        setRefusal({ message: errorMessage(e), runId });
      },
    });
  };
  return (
    <Card p="sm">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('rebates.runs.start')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('rebates.runs.startHelp')}
        </Text>
        <Group align="end" gap="sm">
          <Select
            label={t('rebates.runs.period')}
            data={runPeriodOptions(t, today)}
            value={period}
            onChange={setPeriod}
            allowDeselect={false}
            w={{ base: '100%', sm: 240 }}
          />
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={go} loading={start.isPending} disabled={!period}>
            {t('rebates.runs.run')}
          </Button>
        </Group>
        {refusal && (
          <Alert color="red" title={t('rebates.statements.refused')} role="alert">
            <Stack gap={4}>
              <Text size="sm">{refusal.message}</Text>
              {refusal.runId && (
                <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/rebates/runs/$runId" params={{ runId: refusal.runId! }} />}>
                  {t('rebates.runs.openActive')}
                </Anchor>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
