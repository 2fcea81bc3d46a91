import { Box, Card, Stack, Text } from '@mantine/core';
import type { ChannelStrategy } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';
import { STRATEGY_COLOR, StrategyBadge } from './StrategyBadge';

export interface Thresholds {
  highPotentialAt: number;
  hardDifficultyAt: number;
}

/**
 * The channel-strategy 2×2: rows are market potential (high, low), columns expansion difficulty (easy, hard),
 * with the policy thresholds on the axes. `highlight` marks one quadrant (the filter, or a live preview).
 */
export function QuadrantLegend({ thresholds, highlight }: { thresholds: Thresholds; highlight?: ChannelStrategy }) {
  const { t } = useTranslation();
  const p = thresholds.highPotentialAt;
  const d = thresholds.hardDifficultyAt;
  const cell = (s: ChannelStrategy) => {
    const on = highlight === s;
    return (
      <Box
        component="td"
        p="xs"
        aria-current={on ? 'true' : undefined}
        style={{
          verticalAlign: 'top',
          borderRadius: 8,
          border: `1px solid var(--mantine-color-${on ? `${STRATEGY_COLOR[s]}-5` : 'gray-3'})`,
          background: on ? `var(--mantine-color-${STRATEGY_COLOR[s]}-0)` : 'var(--mantine-color-white)',
          boxShadow: on ? `0 0 0 1px var(--mantine-color-${STRATEGY_COLOR[s]}-5)` : undefined,
        }}
      >
        <Stack gap={4}>
          <StrategyBadge strategy={s} size="sm" />
          <Text size="xs" c="dimmed" lh={1.35}>
            {t(`strategy.${s}Hint`)}
          </Text>
        </Stack>
      </Box>
    );
  };
  const axis = (text: string) => (
    <Text size="xs" fw={600} c="dimmed">
      {text}
    </Text>
  );
  return (
    <Card p="sm" h="100%">
      <Text size="sm" fw={600} mb={6} id="quadrant-legend-title">
        {t('segments.legend')}
      </Text>
      <Box component="table" aria-labelledby="quadrant-legend-title" style={{ borderCollapse: 'separate', borderSpacing: 6, width: '100%', margin: -6, tableLayout: 'fixed' }}>
        <thead>
          <tr>
            <Box component="th" w={118} />
            <Box component="th" ta="left" px={4}>
              {axis(t('segments.axisEasy', { d }))}
            </Box>
            <Box component="th" ta="left" px={4}>
              {axis(t('segments.axisHard', { d }))}
            </Box>
          </tr>
        </thead>
        <tbody>
          <tr>
            <Box component="th" scope="row" ta="left" style={{ verticalAlign: 'middle' }}>
              {axis(t('segments.axisPotentialHigh', { p }))}
            </Box>
            {cell('direct')}
            {cell('strategic')}
          </tr>
          <tr>
            <Box component="th" scope="row" ta="left" style={{ verticalAlign: 'middle' }}>
              {axis(t('segments.axisPotentialLow', { p }))}
            </Box>
            {cell('smb')}
            {cell('nurture')}
          </tr>
        </tbody>
      </Box>
    </Card>
  );
}
