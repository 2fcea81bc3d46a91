import type { PartnerDetail, Role, User } from '@partnerline/domain';
import { AppProviders, createAppRouter, fakeApi, type FakeRoute, initI18n, json } from '@partnerline/ui';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from './i18n';
import { routeTree } from './routeTree.gen';

const PARTNER_ID = '00000000-0000-4000-8000-0000000000a1';

const user = (role: Role, extra: Partial<User> = {}): User => ({
  id: '00000000-0000-4000-8000-000000000002',
  email: 'sales@huaxin.demo',
  displayName: '王磊',
  role,
  jobRole: role === 'partner_user' ? 'sales' : null,
  partnerId: role.startsWith('partner') ? PARTNER_ID : null,
  partnerName: role.startsWith('partner') ? '华信智联科技有限公司' : null,
  locale: 'en',
  timeZone: 'Asia/Shanghai',
  disabled: false,
  ...extra,
});

// Only the fields the home page reads; the rest of the detail is irrelevant here.
const partner = {
  id: PARTNER_ID,
  name: '华信智联科技有限公司',
  nameEn: 'Huaxin Zhilian Technology Co., Ltd.',
  type: 'strategic',
  status: 'active',
  stage: 'active',
  managerId: '00000000-0000-4000-8000-0000000000b1',
  managerName: '刘洋',
} as unknown as PartnerDetail;

function openPortal(path: string, me: User | null, routes: Record<string, FakeRoute> = {}) {
  const api = fakeApi({
    'GET /api/auth/me': () => (me ? { json: me } : { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in first.' } }),
    'GET /api/notifications': json({ items: [], unread: 0 }),
    [`GET /api/partners/${PARTNER_ID}`]: json(partner),
    'GET /api/agreements': json({ items: [{ status: 'active' }, { status: 'expired' }], total: 2 }),
    'GET /api/reporting/portal-home': json({ activeAgreements: 1, coursesInProgress: 0, certificatesExpiring: 0, openSupportRequests: 0, registrations: { open: 0, protectionExpiring: 0, needingAction: 0 } }),
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const { router, queryClient } = createAppRouter(routeTree, '/portal', { history: createMemoryHistory({ initialEntries: [path] }) });
  render(
    <AppProviders i18n={initI18n(catalogue, 'en')} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, api };
}

afterEach(() => vi.unstubAllGlobals());

describe('the partner portal', () => {
  it('greets a partner user with their organisation, their own role and what they can do now', async () => {
    openPortal('/portal/', user('partner_user'));
    expect(await screen.findByRole('heading', { name: 'Welcome, 王磊' })).toBeInTheDocument();
    const org = screen.getByText('Your organisation').closest('.mantine-Card-root') as HTMLElement;
    expect(within(org).getByText('Strategic partner')).toBeInTheDocument();
    expect(within(org).getByText('Active partner')).toBeInTheDocument();
    expect(within(org).getByText('刘洋')).toBeInTheDocument();
    expect(within(org).getByText('Huaxin Zhilian Technology Co., Ltd.')).toBeInTheDocument();
    const you = screen.getByText('You').closest('.mantine-Card-root') as HTMLElement;
    expect(within(you).getByText('Partner user')).toBeInTheDocument();
    expect(within(you).getByText('Sales')).toBeInTheDocument();
    expect(await screen.findByText('In force: 1')).toBeInTheDocument();
    // A partner user has no application page.
    const nav = screen.getByRole('navigation', { name: 'Navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Home', 'Registrations', 'Agreements', 'Performance', 'Rebate statements', 'Sell-out reports', 'Payments', 'Learning', 'Support', 'Team']);
  });

  it('gives a partner admin the application page too', async () => {
    openPortal('/portal/', user('partner_admin'));
    const nav = await screen.findByRole('navigation', { name: 'Navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Home', 'Registrations', 'Agreements', 'Performance', 'Rebate statements', 'Sell-out reports', 'Payments', 'Learning', 'Team training', 'Support', 'Application', 'Team']);
  });

  it('points vendor staff to the vendor workspace', async () => {
    openPortal('/portal/', user('channel_manager'));
    expect(await screen.findByText('This account belongs in the other app')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the vendor workspace' })).toHaveAttribute('href', '/admin/');
  });

  it('asks a visitor to sign in, with the partner wording and a way to apply', async () => {
    const { router } = openPortal('/portal/agreements', null);
    expect(await screen.findByRole('heading', { name: 'Sign in to the partner portal' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Apply to join/ })).toBeInTheDocument();
    expect(router.state.location.search).toEqual({ redirect: '/agreements' });
  });
});
