import { createFileRoute, redirect } from '@tanstack/react-router';

/** The rebates group opens on performance across partners. */
export const Route = createFileRoute('/_authed/rebates/')({
  beforeLoad: () => {
    throw redirect({ to: '/rebates/performance', replace: true });
  },
});
