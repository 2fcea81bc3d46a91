import { Badge } from '@mantine/core';
import type { ChannelStrategy } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';

export const STRATEGY_COLOR: Record<ChannelStrategy, string> = { direct: 'blue', strategic: 'grape', smb: 'teal', nurture: 'gray' };

export function StrategyBadge({ strategy, size = 'md' }: { strategy: ChannelStrategy; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STRATEGY_COLOR[strategy]} variant="light" size={size} style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {t(`strategy.${strategy}`)}
    </Badge>
  );
}
