import type { Role, User } from '@partnerline/domain';
import { AppProviders, createAppRouter, fakeApi, type FakeRoute, initI18n, json } from '@partnerline/ui';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { catalogue } from '../i18n';
import { routeTree } from '../routeTree.gen';

/** A vendor-side account (a channel manager unless told otherwise), in English unless `extra.locale` says. */
export const adminUser = (role: Role = 'channel_manager', extra: Partial<User> = {}): User => ({
  id: '00000000-0000-4000-8000-000000000002',
  email: `${role}@partnerline.demo`,
  displayName: 'Chen Jing',
  role,
  jobRole: null,
  partnerId: null,
  partnerName: null,
  locale: 'en',
  timeZone: 'Asia/Shanghai',
  disabled: false,
  ...extra,
});

/**
 * The real admin app (routes, loaders, guards) at `path` in a memory history, signed in as `me` (or signed out) and
 * in `me`'s language, talking to a fake API (sign-in and notifications answered; `routes` add or override).
 */
export function openAdmin(path: string, me: User | null, routes: Record<string, FakeRoute> = {}) {
  const api = fakeApi({
    'GET /api/auth/me': () => (me ? { json: me } : { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in first.' } }),
    'GET /api/notifications': json({ items: [], unread: 0 }),
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const { router, queryClient } = createAppRouter(routeTree, '/admin', { history: createMemoryHistory({ initialEntries: [path] }) });
  render(
    <AppProviders i18n={initI18n(catalogue, me?.locale ?? 'en')} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, api };
}
