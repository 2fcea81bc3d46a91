import { Badge } from '@mantine/core';
import type { AgreementSummary } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';

const COLOR: Record<AgreementSummary['status'], string> = { draft: 'gray', pending_approval: 'orange', active: 'green', expired: 'dark', terminated: 'red', renewed: 'teal', rejected: 'red' };

export function AgreementStatusBadge({ status }: { status: AgreementSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" styles={{ label: { overflow: 'visible' } }}>
      {t(`agreementStatus.${status}`)}
    </Badge>
  );
}
