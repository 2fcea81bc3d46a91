import { Badge } from '@mantine/core';
import type { ChannelStrategy } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';

/** One Mantine colour per quadrant, used by badges and the legend alike. */
export const STRATEGY_COLOR: Record<ChannelStrategy, string> = { direct: 'blue', strategic: 'grape', smb: 'teal', nurture: 'gray' };

export function StrategyBadge({ strategy, size = 'md' }: { strategy: ChannelStrategy; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STRATEGY_COLOR[strategy]} variant="light" size={size}>
      {t(`strategy.${strategy}`)}
    </Badge>
  );
}
