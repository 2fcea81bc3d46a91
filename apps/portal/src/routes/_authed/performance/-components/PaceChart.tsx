import { Box, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { type AgreementPerformance, behindPace, expectedByNow } from '@partnerline/domain';
import { formatDate, formatMoney, formatPercent, useLocale } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';

const W = 600;
const H = 150;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Pace against time elapsed, drawn two ways (no chart library in the portal): a bar of attainment with a marker at
 * where time says it should be by now and ticks at each tier; and, when there is a weekly series, a small line of
 * cumulative achievement against the straight line to the quota.
 */
export function PaceChart({ perf }: { perf: AgreementPerformance }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pct = (x: string | number) => formatPercent(x, locale);
  const programme = perf.programme;
  const tiers = programme?.kind === 'attainment' ? programme.tiers.map((x) => Number(x.fromPercent)) : [];
  const attained = perf.attainmentPercent === null ? 0 : Number(perf.attainmentPercent);
  // The attainment expected by now (elapsed × 100), as the API sends it; shown to one decimal.
  const expected = Number(perf.pacePercent);
  const pace = formatPercent(perf.pacePercent, locale, 1);
  const scale = Math.max(100, ...tiers.map((x) => x + 10), attained + 5, 1);
  const at = (percent: number) => `${Math.min(100, (percent / scale) * 100)}%`;
  const behind = behindPace(perf.attainmentPercent, perf.pacePercent);
  const hasQuota = Number(perf.quota.amount) > 0;
  return (
    <Stack gap="md" data-testid="pace-chart">
      {hasQuota && (
        <Stack gap={4}>
          <Box pos="relative" pt={18} pb={20}>
            <Progress.Root size={18} radius="sm" aria-label={t('performance.attainment')}>
              <Tooltip label={`${t('performance.attainment')}: ${pct(attained)}`}>
                <Progress.Section
                  value={Math.min(100, (attained / scale) * 100)}
                  color={behind ? 'orange' : 'teal'}
                  style={{ justifyContent: 'flex-start' }}
                >
                  {/* At the bar's start, clear of the "expected now" marker further along. */}
                  <Progress.Label pl={6} style={{ overflow: 'visible' }}>
                    {pct(attained)}
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
              {t('performance.paceMarker', { percent: pace })}
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
                  {pct(x)}
                </Text>
              </Box>
            ))}
          </Box>
          <Text size="sm" c={behind ? 'orange.8' : 'teal.8'}>
            {t(behind ? 'performance.behindPace' : 'performance.aheadOfPace', {
              expected: formatMoney(expectedByNow(perf.quota.amount, perf.elapsedFraction), locale),
              elapsed: pace,
            })}
          </Text>
        </Stack>
      )}
      {perf.series.length > 0 && <SeriesChart perf={perf} />}
    </Stack>
  );
}

function SeriesChart({ perf }: { perf: AgreementPerformance }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = { periodStart: perf.period.start, periodEnd: perf.period.end, series: perf.series, elapsedFraction: perf.elapsedFraction };
  const start = day(p.periodStart);
  const end = day(p.periodEnd) + 1;
  const quota = Number(perf.quota.amount);
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
