import type { BadgeProps } from '@mantine/core';
import type { CertificationStatus, CourseStatus, SupportKind, SupportStatus } from '@partnerline/domain';
import { StatusBadge } from '@partnerline/ui';

// Colours and words come from the one status table both apps share (packages/ui StatusBadge).

export function CourseStatusBadge({ status, ...rest }: { status: CourseStatus } & BadgeProps) {
  return <StatusBadge kind="course" value={status} {...rest} />;
}

export function CertificationStatusBadge({ status, ...rest }: { status: CertificationStatus } & BadgeProps) {
  return <StatusBadge kind="certificate" value={status} {...rest} />;
}

export function SupportStatusBadge({ status, ...rest }: { status: SupportStatus } & BadgeProps) {
  return <StatusBadge kind="support" value={status} {...rest} />;
}

export function SupportKindBadge({ kind, ...rest }: { kind: SupportKind } & BadgeProps) {
  return <StatusBadge kind="supportKind" value={kind} variant="outline" {...rest} />;
}

export function FundsStatusBadge({ status, ...rest }: { status: 'requested' | 'approved' | 'declined' } & BadgeProps) {
  return <StatusBadge kind="funds" value={status} variant="dot" {...rest} />;
}

export function ResultBadge({ result, ...rest }: { result: 'pass' | 'fail' } & BadgeProps) {
  return <StatusBadge kind="reviewResult" value={result} variant="filled" {...rest} />;
}
