import type { AgreementSummary } from '@partnerline/domain';
import { StatusBadge } from '@partnerline/ui';

export function AgreementStatusBadge({ status }: { status: AgreementSummary['status'] }) {
  return <StatusBadge kind="agreement" value={status} />;
}
