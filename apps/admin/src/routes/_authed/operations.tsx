import { Alert, Badge, Button, Card, Code, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import { isActiveRun, type JobKind, type JobRun, type JobRunStatus, runProgress } from '@partnerline/domain';
import { formatDateTime, meQueryOptions, NoAccessPage, PageHeader, useLocale } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ACTIVE_REFRESH_MS, jobRunsQueryOptions, jobsQueryOptions, useRunJob } from '../../api/operations';
import { canUse } from '../../nav';

const RUNS_SHOWN = 50;

export const Route = createFileRoute('/_authed/operations')({
  // A role that may not use the page gets an explanation (NoAccessPage), not a silent redirect.
  loader: ({ context }) =>
    canUse(context.user.role, '/operations')
      ? Promise.all([
          context.queryClient.ensureQueryData(jobsQueryOptions()),
          context.queryClient.ensureQueryData(jobRunsQueryOptions({ limit: RUNS_SHOWN })),
        ])
      : null,
  component: OperationsRoute,
});

function OperationsRoute() {
  const { data: me } = useSuspenseQuery(meQueryOptions());
  if (me && !canUse(me.role, '/operations')) return <NoAccessPage user={me} homeHref="/admin/" />;
  return <OperationsPage />;
}

const STATUS_COLOR: Record<JobRunStatus, string> = { queued: 'gray', running: 'blue', succeeded: 'green', failed: 'red' };

function StatusBadge({ status }: { status: JobRunStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`operations.status.${status}`)}
    </Badge>
  );
}

/** Seconds as "42 s" / "3 min 4 s" (start to finish, or to now while running). */
function useDuration() {
  const { t } = useTranslation();
  return (run: JobRun) => {
    if (!run.startedAt) return '—';
    const end = run.finishedAt ? Date.parse(run.finishedAt) : Date.now();
    const s = Math.max(0, Math.round((end - Date.parse(run.startedAt)) / 1000));
    return s < 60 ? t('operations.seconds', { s }) : t('operations.minutes', { m: Math.floor(s / 60), s: s % 60 });
  };
}

function RunProgress({ run }: { run: JobRun }) {
  const { t } = useTranslation();
  const share = runProgress(run);
  const label =
    run.total === null
      ? t('operations.processed', { n: run.processed })
      : t('operations.processedOf', { processed: run.processed, total: run.total });
  return (
    <Stack gap={2} miw={140}>
      <Progress
        value={share === null ? 100 : share * 100}
        animated={run.status === 'running'}
        striped={share === null && run.status === 'running'}
        color={STATUS_COLOR[run.status]}
        aria-label={label}
      />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

function OperationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const runs = useQuery({
    ...jobRunsQueryOptions({ limit: RUNS_SHOWN }),
    refetchInterval: (q) => (q.state.data?.items.some(isActiveRun) ? ACTIVE_REFRESH_MS : false),
  });
  const anyActive = runs.data?.items.some(isActiveRun) ?? false;
  const jobs = useQuery({ ...jobsQueryOptions(), refetchInterval: anyActive ? ACTIVE_REFRESH_MS : false });
  const runJob = useRunJob();
  const duration = useDuration();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale, me?.timeZone) : '—');
  const kindName = (kind: JobKind) => t(`operations.kinds.${kind}`);
  const scheduleText = (cron: string) => (cron === '0 * * * *' ? t('operations.hourly') : cron);

  const runNow = (kind: JobKind) =>
    runJob.mutate(
      { kind, key: crypto.randomUUID() },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('operations.queued', { job: kindName(kind) }) }),
        onError: (err) => notifications.show({ color: 'red', message: err.message }),
      },
    );

  return (
    <Stack maw={1300}>
      <PageHeader title={t('operations.title')} subtitle={t('operations.subtitle')} />
      {jobs.data?.items.some((j) => !j.enabled) && (
        <Alert color="yellow" title={t('operations.disabledTitle')}>
          {t('operations.disabled')}
        </Alert>
      )}
      <Card p="sm">
        <Title order={3} size="h5" mb="xs">
          {t('operations.jobs')}
        </Title>
        <Table verticalSpacing="xs" aria-label={t('operations.jobs')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('operations.job')}</Table.Th>
              <Table.Th>{t('operations.schedule')}</Table.Th>
              <Table.Th>{t('operations.lastRun')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(jobs.data?.items ?? []).map((job) => (
              <Table.Tr key={job.kind}>
                <Table.Td>
                  <Text fw={600}>{kindName(job.kind)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`operations.about.${job.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{scheduleText(job.schedule)}</Text>
                  <Text size="xs" c="dimmed">
                    {job.timeZone}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {job.lastRun ? (
                    <Group gap="xs">
                      <StatusBadge status={job.lastRun.status} />
                      <Text size="sm">{when(job.lastRun.finishedAt ?? job.lastRun.startedAt ?? job.lastRun.queuedAt)}</Text>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('operations.never')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlayerPlay size={14} />}
                    loading={runJob.isPending && runJob.variables?.kind === job.kind}
                    onClick={() => runNow(job.kind)}
                    aria-label={t('operations.runNowFor', { job: kindName(job.kind) })}
                  >
                    {t('operations.runNow')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card p="sm">
        <Title order={3} size="h5" mb="xs">
          {t('operations.recent')}
        </Title>
        {runs.data?.items.length ? (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" aria-label={t('operations.recent')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('operations.job')}</Table.Th>
                  <Table.Th>{t('operations.run')}</Table.Th>
                  <Table.Th>{t('operations.statusTitle')}</Table.Th>
                  <Table.Th>{t('operations.progress')}</Table.Th>
                  <Table.Th>{t('operations.started')}</Table.Th>
                  <Table.Th>{t('operations.duration')}</Table.Th>
                  <Table.Th>{t('operations.error')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.items.map((run) => (
                  <Table.Tr key={run.id}>
                    <Table.Td>{kindName(run.kind)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {run.trigger === 'manual'
                          ? t('operations.manualBy', { who: run.requestedBy ?? '—' })
                          : t('operations.scheduledFor', { slot: run.key.replace('T', ' ') })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('operations.attempt', { n: run.attempt })}
                        {run.instanceId ? ` · ${run.instanceId}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={run.status} />
                    </Table.Td>
                    <Table.Td>
                      <RunProgress run={run} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{when(run.startedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{duration(run)}</Text>
                    </Table.Td>
                    <Table.Td maw={320}>{run.lastError ? <Code c="red">{run.lastError}</Code> : null}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text c="dimmed">{t('operations.noRuns')}</Text>
        )}
      </Card>
    </Stack>
  );
}
