import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ChannelStrategy } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';
import { StrategyBadge } from './StrategyBadge';

/** The 2×2: rows are potential (high, low), columns are difficulty (easy, hard). */
export function QuadrantLegend({ highlight, columns = 2 }: { highlight?: ChannelStrategy; columns?: 2 | 4 }) {
  const { t } = useTranslation();
  const cells: ChannelStrategy[] = ['direct', 'strategic', 'smb', 'nurture'];
  return (
    <Card p="sm">
      <Text size="sm" fw={600} mb="xs">
        {t('segments.legend')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: columns }} spacing="xs">
        {cells.map((s) => (
          <Stack
            key={s}
            gap={4}
            p="xs"
            style={{ borderRadius: 8, border: `1px solid var(--mantine-color-gray-${highlight === s ? 6 : 3})`, background: highlight === s ? 'var(--mantine-color-gray-1)' : undefined }}
          >
            <StrategyBadge strategy={s} size="sm" />
            <Text size="xs" c="dimmed">
              {t(`strategy.${s}Hint`)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}
