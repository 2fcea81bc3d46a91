import type { Role, User } from '@partnerline/domain';
import { AppProviders, createAppRouter, fakeApi, type FakeRoute, initI18n, json } from '@partnerline/ui';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { catalogue } from '../i18n';
import { routeTree } from '../routeTree.gen';

export const PARTNER_ID = '00000000-0000-4000-8000-0000000000a1';
export const USER_ID = '00000000-0000-4000-8000-000000000002';

export const portalUser = (role: Role, extra: Partial<User> = {}): User => ({
  id: USER_ID,
  email: 'sales@huaxin.demo',
  displayName: '王磊',
  role,
  jobRole: role === 'partner_user' ? 'sales' : null,
  partnerId: PARTNER_ID,
  partnerName: '华信智联科技有限公司',
  locale: 'en',
  timeZone: 'Asia/Shanghai',
  disabled: false,
  ...extra,
});

/** The portal at `path`, signed in as `me` (or signed out), talking to a fake API. */
export function openPortal(path: string, me: User | null, routes: Record<string, FakeRoute> = {}, language: 'en' | 'zh-CN' = 'en') {
  const api = fakeApi({
    'GET /api/auth/me': () => (me ? { json: me } : { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in first.' } }),
    'GET /api/notifications': json({ items: [], unread: 0 }),
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const { router, queryClient } = createAppRouter(routeTree, '/portal', { history: createMemoryHistory({ initialEntries: [path] }) });
  render(
    <AppProviders i18n={initI18n(catalogue, language)} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, api };
}
