import { Box, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { Dec, type RebateProgramme } from '@partnerline/domain';
import { formatDate, formatMoney, useLocale } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { pct } from './explain';

export interface PaceInput {
  quota: string;
  achievement: string;
  attainmentPercent: number | null;
  /** 0…1 of the period passed. */
  elapsedFraction: number;
  periodStart: string;
  periodEnd: string;
  programme: RebateProgramme | null | undefined;
  /** Cumulative achievement by week. */
  series: { date: string; achievement: string }[];
}

const W = 600;
const H = 150;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Pace against time elapsed, drawn two ways (no chart library in the portal): a bar of attainment with a marker at
 * where time says it should be by now and ticks at each tier; and, when there is a weekly series, a small line of
 * cumulative achievement against the straight line to the quota.
 */
export function PaceChart(p: PaceInput) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tiers = p.programme?.kind === 'attainment' ? p.programme.tiers.map((x) => Number(x.fromPercent)) : [];
  const attained = p.attainmentPercent ?? 0;
  const expected = p.elapsedFraction * 100;
  const scale = Math.max(100, ...tiers.map((x) => x + 10), attained + 5, 1);
  const at = (percent: number) => `${Math.min(100, (percent / scale) * 100)}%`;
  const behind = attained < expected;
  const hasQuota = Number(p.quota) > 0;
  return (
    <Stack gap="md" data-testid="pace-chart">
      {hasQuota && (
        <Stack gap={4}>
          <Box pos="relative" pt={18} pb={20}>
            <Progress.Root size={18} radius="sm" aria-label={t('performance.attainment')}>
              <Tooltip label={`${t('performance.attainment')}: ${pct(attained, locale)}`}>
                <Progress.Section
                  value={Math.min(100, (attained / scale) * 100)}
                  color={behind ? 'orange' : 'teal'}
                  style={{ justifyContent: 'flex-start' }}
                >
                  {/* At the bar's start, clear of the "expected now" marker further along. */}
                  <Progress.Label pl={6} style={{ overflow: 'visible' }}>
                    {pct(attained, locale)}
                  </Progress.Label>
                </Progress.Section>
              </Tooltip>
            </Progress.Root>
            {/* Where time says attainment should be by now. */}
            <Box
              pos="absolute"
              top={12}
              left={at(expected)}
              h={30}
              w={2}
              bg="dark.5"
              style={{ transform: 'translateX(-1px)' }}
              aria-hidden
            />
            <Text
              pos="absolute"
              top={-2}
              left={at(expected)}
              size="xs"
              c="dark.5"
              style={{ transform: expected > 70 ? 'translateX(-100%)' : 'translateX(-50%)', whiteSpace: 'nowrap' }}
            >
              {t('performance.paceMarker', { percent: pct(Math.round(expected * 10) / 10, locale) })}
            </Text>
            {tiers.map((x, i) => (
              <Box key={i}>
                <Box pos="absolute" top={18} left={at(x)} h={18} w={1} bg="gray.6" style={{ opacity: 0.7 }} aria-hidden />
                <Text
                  pos="absolute"
                  top={38}
                  left={at(x)}
                  size="xs"
                  c="dimmed"
                  style={{ transform: 'translateX(-50%)', whiteSpace: 'nowrap' }}
                >
                  {pct(x, locale)}
                </Text>
              </Box>
            ))}
          </Box>
          <Text size="sm" c={behind ? 'orange.8' : 'teal.8'}>
            {behind
              ? t('performance.behindPace', {
                  expected: formatMoney(expectedAmount(p.quota, p.elapsedFraction), locale),
                  elapsed: pct(Math.round(expected * 10) / 10, locale),
                })
              : t('performance.aheadOfPace', {
                  expected: formatMoney(expectedAmount(p.quota, p.elapsedFraction), locale),
                  elapsed: pct(Math.round(expected * 10) / 10, locale),
                })}
          </Text>
        </Stack>
      )}
      {p.series.length > 0 && <SeriesChart {...p} />}
    </Stack>
  );
}

/** quota × elapsed, to the cent (where time says achievement should be by now). */
function expectedAmount(quota: string, elapsed: number): string {
  return new Dec(quota).times(elapsed).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

function SeriesChart(p: PaceInput) {
  const { t } = useTranslation();
  const locale = useLocale();
  const start = day(p.periodStart);
  const end = day(p.periodEnd) + 1;
  const quota = Number(p.quota);
  const top = Math.max(quota, ...p.series.map((s) => Number(s.achievement)), 1) * 1.1;
  const x = (iso: string) => ((day(iso) - start) / (end - start)) * W;
  const y = (v: number) => H - (v / top) * H;
  const points = [`0,${H}`, ...p.series.map((s) => `${x(s.date).toFixed(1)},${y(Number(s.achievement)).toFixed(1)}`)].join(' ');
  return (
    <Stack gap={4}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        height={H}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('performance.chartLabel')}
        style={{ display: 'block', background: 'var(--mantine-color-gray-0)', borderRadius: 4 }}
      >
        {quota > 0 && (
          <line
            x1={0}
            y1={H}
            x2={W}
            y2={y(quota)}
            stroke="var(--mantine-color-gray-5)"
            strokeDasharray="6 4"
            vectorEffect="non-scaling-stroke"
          />
        )}
        {quota > 0 && (
          <line x1={0} y1={y(quota)} x2={W} y2={y(quota)} stroke="var(--mantine-color-gray-4)" vectorEffect="non-scaling-stroke" />
        )}
        {/* Today. */}
        {p.elapsedFraction > 0 && p.elapsedFraction < 1 && (
          <line
            x1={p.elapsedFraction * W}
            y1={0}
            x2={p.elapsedFraction * W}
            y2={H}
            stroke="var(--mantine-color-dark-3)"
            strokeDasharray="2 3"
            vectorEffect="non-scaling-stroke"
          />
        )}
        <polyline points={points} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={2.5} vectorEffect="non-scaling-stroke" />
      </svg>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {formatDate(p.periodStart, locale)}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(p.periodEnd, locale)}
        </Text>
      </Group>
      <Group gap="md" justify="center">
        <Group gap={4}>
          <Box w={14} h={3} bg="blue.6" />
          <Text size="xs" c="dimmed">
            {t('performance.legendAchievement')}
          </Text>
        </Group>
        {quota > 0 && (
          <Group gap={4}>
            <Box w={14} h={0} style={{ borderTop: '2px dashed var(--mantine-color-gray-5)' }} />
            <Text size="xs" c="dimmed">
              {t('performance.legendPace')}
            </Text>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
