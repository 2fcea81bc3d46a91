import { QueryClient } from '@tanstack/react-query';
import { type AnyRoute, createRouter, type RouterHistory, RouterProvider } from '@tanstack/react-router';
import type { Locale } from '@partnerline/domain';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api';
import { AppProviders } from './AppProviders';
import { type Catalogue, initI18n } from './i18n';
import { ErrorState, PageLoader } from './states';
import { NotFound } from './NotFound';

/**
 * The router both apps use: one query client in the context, shared pending and error states.
 * `history` is for tests (a memory history); the apps use the browser's.
 */
export function createAppRouter<T extends AnyRoute>(routeTree: T, basepath: string, options: { history?: RouterHistory } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: {
      // Client errors (4xx) are answers, not glitches: do not retry them.
      queries: { retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2, staleTime: 15_000 },
    },
  });
  const router = createRouter({
    routeTree,
    basepath,
    history: options.history,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    // An unknown record (the API's 404) is the not-found page; a client error (4xx) is an answer, so no retry.
    defaultErrorComponent: ({ error, reset }) =>
      error instanceof ApiError && error.status === 404 ? (
        <NotFound home={`${basepath.replace(/\/$/, '')}/`} />
      ) : (
        <ErrorState error={error} onRetry={error instanceof ApiError && error.status < 500 ? undefined : reset} />
      ),
    scrollRestoration: true,
  });
  return { router, queryClient };
}

export function mountApp(router: Parameters<typeof RouterProvider>[0]['router'], queryClient: QueryClient, catalogue: Record<Locale, Catalogue>) {
  const i18n = initI18n(catalogue);
  // The tab title follows the UI language: "Partnerline · <app name>".
  const setTitle = () => (document.title = `${i18n.t('product', { ns: 'ui' })} · ${i18n.t('appName')}`);
  setTitle();
  i18n.on('languageChanged', setTitle);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders i18n={i18n} queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}
