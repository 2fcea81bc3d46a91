import { SetPasswordPage } from '@partnerline/ui';
import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';

/** The emailed "forgot password" link lands here: choose a new password (the link works once). */
export const Route = createFileRoute('/reset-password')({
  validateSearch: z.object({ token: z.string().max(200).optional() }),
  component: ResetPassword,
});

function ResetPassword() {
  const { token } = Route.useSearch();
  return <SetPasswordPage app="admin" kind="reset" token={token} />;
}
