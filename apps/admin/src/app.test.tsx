import { DEFAULT_POLICIES, type Role, type User } from '@partnerline/domain';
import { AppProviders, createAppRouter, fakeApi, type FakeRoute, initI18n, json } from '@partnerline/ui';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from './i18n';
import { routeTree } from './routeTree.gen';

const user = (role: Role, extra: Partial<User> = {}): User => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: `${role}@partnerline.demo`,
  displayName: 'Liu Yang',
  role,
  jobRole: null,
  partnerId: null,
  partnerName: null,
  locale: 'en',
  timeZone: 'Asia/Shanghai',
  disabled: false,
  ...extra,
});

const emptyPage = json({ items: [], total: 0, page: 1, pageSize: 25 });

/** The real admin app (routes, loaders, guards) in a memory history, on a fake API. */
function openAdmin(path: string, me: User | null, routes: Record<string, FakeRoute> = {}) {
  const api = fakeApi({
    'GET /api/auth/me': () => (me ? { json: me } : { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in first.' } }),
    'GET /api/notifications': json({ items: [], unread: 0 }),
    'GET /api/partners': json({ items: [], total: 4, page: 1, pageSize: 1 }),
    'GET /api/reporting/home': json({ partners: { applied: 4, screening: 2, trial: 1, active: 9 }, registrationsInReview: 3, openConflicts: 1, overdueReviews: 0, newSupportRequests: 2 }),
    'GET /api/users': emptyPage,
    'GET /api/audit': emptyPage,
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const { router, queryClient } = createAppRouter(routeTree, '/admin', { history: createMemoryHistory({ initialEntries: [path] }) });
  render(
    <AppProviders i18n={initI18n(catalogue, 'en')} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, api };
}

afterEach(() => vi.unstubAllGlobals());

describe('the admin app', () => {
  it('sends a visitor without a session to sign in, remembering where they were going', async () => {
    const { router } = openAdmin('/admin/segments', null);
    expect(await screen.findByRole('heading', { name: 'Sign in to the vendor workspace' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Email' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toEqual({ redirect: '/segments' });
  });

  it('points a partner account to the partner portal', async () => {
    openAdmin('/admin/', user('partner_admin', { partnerId: '00000000-0000-4000-8000-0000000000a1', partnerName: '兰亭科技有限公司' }));
    expect(await screen.findByText('This account belongs in the other app')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the partner portal' })).toHaveAttribute('href', '/portal/');
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it.each([
    ['vendor_admin', ['Home', 'Partners', 'Registrations', 'Conflicts', 'Agreements', 'Rebates', 'Renewals', 'Training', 'Qualification reviews', 'Support requests', 'Segments', 'Policies', 'Users', 'Audit log', 'Operations']],
    ['channel_manager', ['Home', 'Partners', 'Registrations', 'Conflicts', 'Agreements', 'Rebates', 'Renewals', 'Training', 'Qualification reviews', 'Support requests', 'Segments', 'Policies']],
    ['leadership', ['Home', 'Partners', 'Registrations', 'Conflicts', 'Agreements', 'Rebates', 'Renewals', 'Training', 'Qualification reviews', 'Support requests', 'Segments', 'Policies', 'Audit log']],
  ] as const)('gives %s only the screens it may use', async (role, expected) => {
    openAdmin('/admin/', user(role));
    expect(await screen.findByRole('heading', { name: 'Welcome, Liu Yang' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(expected);
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    // The landing page offers the same screens, and nothing else.
    const quick = screen.getByRole('heading', { name: 'Where to go' }).parentElement!;
    const quickLinks = within(quick).getAllByRole('link').map((a) => a.textContent ?? '');
    expect(quickLinks).toHaveLength(expected.length - 1);
    expect(quickLinks.some((l) => l.startsWith('Users and access'))).toBe(role === 'vendor_admin');
  });

  it('turns leadership away from the users screen, saying why (issue #13: no silent redirect)', async () => {
    const { router } = openAdmin('/admin/users', user('leadership'));
    expect(await screen.findByRole('heading', { name: 'You don’t have access to this page' })).toBeInTheDocument();
    expect(screen.getByText('Your role (Leadership) cannot use this page. Ask an administrator if you need it.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(router.state.location.pathname).toBe('/users');
  });
});

describe('the policies screen', () => {
  const policies = json({ policies: DEFAULT_POLICIES, updatedAt: null, updatedBy: null });

  it('checks values with the shared schema before saving, and shows server issues at their fields', async () => {
    const { api } = openAdmin('/admin/policies', user('vendor_admin'), {
      'GET /api/policies': policies,
      'PUT /api/policies': () => ({
        status: 400,
        body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Invalid input', issues: [{ path: 'rebates.tiers.1.ratePercent', code: 'too_big', message: 'At most 100 (server).' }] },
      }),
    });
    const reminders = await screen.findByRole('textbox', { name: 'Expiry reminders (days before, comma-separated)' });
    await userEvent.clear(reminders);
    await userEvent.type(reminders, '3, 14');
    await userEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]);
    expect(await screen.findByText('Some values need fixing; see the fields marked in red.')).toBeInTheDocument();
    expect(screen.getByText('Reminder days must be in descending order.')).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);

    await userEvent.clear(reminders);
    await userEvent.type(reminders, '30, 7');
    await userEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]);
    expect(await screen.findByText('At most 100 (server).')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Tier 2: rebate rate (%)' })).toHaveAttribute('aria-invalid', 'true');
    const put = api.calls.find((c) => c.method === 'PUT');
    expect((put?.body as typeof DEFAULT_POLICIES).registrations.expiryReminderDays).toEqual([30, 7]);
  });

  it('is read-only for leadership', async () => {
    openAdmin('/admin/policies', user('leadership'), { 'GET /api/policies': policies });
    expect(await screen.findByText('Only a vendor admin can change policies.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'High potential from score' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});
