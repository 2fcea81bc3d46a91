import { ForgotPasswordPage } from '@partnerline/ui';
import { createFileRoute } from '@tanstack/react-router';

export const Route = createFileRoute('/forgot-password')({
  component: () => <ForgotPasswordPage app="admin" />,
});
