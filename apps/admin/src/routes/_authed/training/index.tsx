import { createFileRoute, redirect } from '@tanstack/react-router';

/** The training group opens on its courses. */
export const Route = createFileRoute('/_authed/training/')({
  beforeLoad: () => {
    throw redirect({ to: '/training/courses', replace: true });
  },
});
