import { Badge } from '@mantine/core';
import type { PartnerDetail } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';

const COLOR: Record<PartnerDetail['stage'], string> = {
  applied: 'blue',
  screening: 'indigo',
  info_requested: 'orange',
  approved: 'teal',
  trial: 'violet',
  trial_succeeded: 'teal',
  rejected: 'red',
  active: 'green',
  suspended: 'yellow',
  terminated: 'gray',
};

/** A partner's stage; each app's catalogue words it for its readers (`stage.*`). */
export function StageBadge({ stage, size = 'md' }: { stage: PartnerDetail['stage']; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[stage]} variant="light" size={size}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}
