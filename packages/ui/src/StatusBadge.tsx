import { Badge, type BadgeProps } from '@mantine/core';
import type { PartnerDetail } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR, type StatusKind, type StatusValue } from './status';

/** The word for a status, the same in both apps: `label('registration', 'approved')` → "Protected" / "保护中". */
export function useStatusLabel() {
  const { t } = useTranslation('ui');
  return <K extends StatusKind>(kind: K, value: StatusValue<K> | (string & {})): string => t(`status.${kind}.${value}`);
}

/** Options for a status filter, worded like the badges. */
export function useStatusOptions() {
  const label = useStatusLabel();
  return <K extends StatusKind>(kind: K) =>
    (Object.keys(STATUS_COLOR[kind]) as StatusValue<K>[]).map((value) => ({ value, label: label(kind, value) }));
}

/** One badge for every status in both apps: colour from STATUS_COLOR, word from the shared catalogue. */
export function StatusBadge<K extends StatusKind>({
  kind,
  value,
  children,
  ...rest
}: { kind: K; value: StatusValue<K> | (string & {}) } & BadgeProps) {
  const label = useStatusLabel();
  const color = (STATUS_COLOR[kind] as Record<string, string>)[value] ?? 'gray';
  return (
    <Badge color={color} variant="light" styles={{ label: { overflow: 'visible' } }} {...rest}>
      {children ?? label(kind, value)}
    </Badge>
  );
}

/**
 * A partner's stage. The applicant reads its own application's progress (`applicationStage`, the default, as the portal
 * shows it); the vendor team reads its pipeline stage (`audience="vendor"`).
 */
export function StageBadge({
  stage,
  size = 'md',
  audience = 'partner',
}: {
  stage: PartnerDetail['stage'];
  size?: 'md' | 'lg';
  audience?: 'partner' | 'vendor';
}) {
  return <StatusBadge kind={audience === 'vendor' ? 'partnerStage' : 'applicationStage'} value={stage} size={size} />;
}
