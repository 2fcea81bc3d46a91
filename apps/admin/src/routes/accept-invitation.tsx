import { SetPasswordPage } from '@partnerline/ui';
import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';

/** The emailed staff invitation lands here: the invitee chooses a password (the link works once, for 7 days). */
export const Route = createFileRoute('/accept-invitation')({
  validateSearch: z.object({ token: z.string().max(200).optional() }),
  component: AcceptInvitation,
});

function AcceptInvitation() {
  const { token } = Route.useSearch();
  return <SetPasswordPage app="admin" kind="invitation" token={token} />;
}
