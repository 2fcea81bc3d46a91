import { Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fact, STATUS_COLOR } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import type { RebateRun } from '@partnerline/domain';

/** A run's progress bar with its percent and "n of N agreements" (a compact form for lists). */
export function RunProgressBar({ run, compact = false }: { run: RebateRun; compact?: boolean }) {
  const { t } = useTranslation();
  const percent = Math.max(0, Math.min(100, Math.round(run.percent)));
  const label = t('rebates.runs.doneOf', { done: run.done, total: run.total });
  return (
    <Stack gap={4} miw={compact ? 140 : undefined}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size={compact ? 'xs' : 'sm'} fw={600}>
          {t('rebates.runs.percent', { percent })}
        </Text>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </Group>
      <Progress
        value={percent}
        size={compact ? 'sm' : 'lg'}
        color={STATUS_COLOR.jobRun[run.status]}
        animated={run.status === 'running'}
        striped={run.status === 'queued' || run.status === 'running'}
        aria-label={t('rebates.runs.progress')}
        aria-valuetext={`${percent}% · ${label}`}
      />
    </Stack>
  );
}

/** The run's counts: statements created, updated, unchanged, locked (approved or paid) and errors. */
export function RunCounts({ run }: { run: RebateRun }) {
  const { t } = useTranslation();
  const counts = [
    ['created', run.created],
    ['updated', run.updated],
    ['unchanged', run.unchanged],
    ['locked', run.locked],
    ['errors', run.errors],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" aria-label={t('rebates.runs.progress')}>
      {counts.map(([key, n]) => (
        <Fact key={key} label={t(`rebates.runs.counts.${key}`)}>
          <Text size="xl" fw={700} c={key === 'errors' && n > 0 ? 'red' : undefined} data-testid={`run-count-${key}`}>
            {n}
          </Text>
        </Fact>
      ))}
    </SimpleGrid>
  );
}
