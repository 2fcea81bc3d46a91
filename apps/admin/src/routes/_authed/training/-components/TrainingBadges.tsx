import { Badge, type BadgeProps } from '@mantine/core';
import type { CertificationStatus, CourseStatus, SupportKind, SupportStatus } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';

const COURSE_COLOR: Record<CourseStatus, string> = { draft: 'gray', published: 'green', archived: 'dark' };
const CERT_COLOR: Record<CertificationStatus, string> = { active: 'green', expiring: 'orange', expired: 'gray', revoked: 'red' };
const SUPPORT_COLOR: Record<SupportStatus, string> = { open: 'blue', in_progress: 'violet', closed: 'gray' };
const KIND_COLOR: Record<SupportKind, string> = { marketing_support: 'grape', technical_question: 'cyan', sales_coaching: 'teal' };
const FUNDS_COLOR = { requested: 'orange', approved: 'green', declined: 'red' } as const;

export function CourseStatusBadge({ status, ...rest }: { status: CourseStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={COURSE_COLOR[status]} variant="light" {...rest}>
      {t(`courseStatus.${status}`)}
    </Badge>
  );
}

export function CertificationStatusBadge({ status, ...rest }: { status: CertificationStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={CERT_COLOR[status]} variant="light" {...rest}>
      {t(`certificationStatus.${status}`)}
    </Badge>
  );
}

export function SupportStatusBadge({ status, ...rest }: { status: SupportStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={SUPPORT_COLOR[status]} variant="light" {...rest}>
      {t(`supportStatus.${status}`)}
    </Badge>
  );
}

export function SupportKindBadge({ kind, ...rest }: { kind: SupportKind } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={KIND_COLOR[kind]} variant="outline" {...rest}>
      {t(`supportKind.${kind}`)}
    </Badge>
  );
}

export function FundsStatusBadge({ status, ...rest }: { status: keyof typeof FUNDS_COLOR } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={FUNDS_COLOR[status]} variant="dot" {...rest}>
      {t(`fundsStatus.${status}`)}
    </Badge>
  );
}

export function ResultBadge({ result, ...rest }: { result: 'pass' | 'fail' } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={result === 'pass' ? 'green' : 'red'} {...rest}>
      {t(`reviewResult.${result}`)}
    </Badge>
  );
}
