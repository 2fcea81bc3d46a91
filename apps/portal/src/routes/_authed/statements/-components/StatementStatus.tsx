import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR: Record<string, string> = { draft: 'gray', approved: 'blue', paid: 'teal' };
const DISPUTE_COLOR: Record<string, string> = { open: 'orange', adjusted: 'teal', rejected: 'gray', resolved: 'teal' };

/** A statement's state (partners see approved and paid ones). */
export function StatementStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOR[status] ?? 'gray'}>
      {t(`rebates.status.${status}`)}
    </Badge>
  );
}

/** A disputed line's state. */
export function DisputeStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={DISPUTE_COLOR[status] ?? 'gray'}>
      {t(`rebates.disputeStatus.${status}`)}
    </Badge>
  );
}
