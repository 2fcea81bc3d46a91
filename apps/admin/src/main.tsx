import { createAppRouter, mountApp } from '@partnerline/ui';
import { catalogue } from './i18n';
import { routeTree } from './routeTree.gen';

const { router, queryClient } = createAppRouter(routeTree, '/admin');

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

mountApp(router, queryClient, catalogue);
