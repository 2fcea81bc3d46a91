import type { User } from '@partnerline/domain';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppLayout, type NavItem } from './AppLayout';
import { AppProviders } from './AppProviders';
import { fakeApi, json } from './fake-api';
import { initI18n } from './i18n';

const leader: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'leader@partnerline.demo',
  displayName: 'Sun Wei',
  role: 'leadership',
  jobRole: null,
  partnerId: null,
  partnerName: null,
  locale: 'en',
  timeZone: 'Asia/Shanghai',
  disabled: false,
};

const nav: NavItem[] = [
  { to: '/', label: 'Home', icon: null, roles: ['vendor_admin', 'channel_manager', 'leadership'], active: true },
  { to: '/users', label: 'Users', icon: null, roles: ['vendor_admin'], active: false },
  { to: '/audit', label: 'Audit log', icon: null, roles: ['vendor_admin', 'leadership'], active: false },
];

function renderLayout(user: User, lang: 'en' | 'zh-CN' = 'en') {
  const api = fakeApi({
    'GET /api/notifications': json({ items: [], unread: 0 }),
    'PATCH /api/auth/me': (req) => ({ json: { ...user, ...(req.body as object) } }),
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const onNavigate = vi.fn();
  render(
    <AppProviders i18n={initI18n({ en: {}, 'zh-CN': {} }, lang)} queryClient={new QueryClient()}>
      <AppLayout user={user} appName="Vendor workspace" basePath="/admin" nav={nav} onNavigate={onNavigate} onLogout={vi.fn()}>
        <p>page</p>
      </AppLayout>
    </AppProviders>,
  );
  return { api, onNavigate };
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('AppLayout', () => {
  it('shows only the screens the role may use, as real links under the app base', async () => {
    const { onNavigate } = renderLayout(leader);
    const navigation = screen.getByRole('navigation', { name: 'Navigation' });
    expect(within(navigation).getByRole('link', { name: 'Audit log' })).toHaveAttribute('href', '/admin/audit');
    expect(within(navigation).queryByRole('link', { name: 'Users' })).toBeNull();
    await userEvent.click(within(navigation).getByRole('link', { name: 'Audit log' }));
    expect(onNavigate).toHaveBeenCalledWith('/audit');
  });

  it('names the account menu after the user and lists name, role and organisation', async () => {
    renderLayout({ ...leader, role: 'partner_user', jobRole: 'sales', partnerName: '华信智联科技有限公司' });
    await userEvent.click(screen.getByRole('button', { name: /Sun Wei/ }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Sign out' })).toBeInTheDocument();
    expect(within(menu).getByText('Partner user · Sales')).toBeInTheDocument();
    expect(within(menu).getByText(/华信智联科技有限公司/)).toBeInTheDocument();
  });

  it('switches the language from the account menu, re-words the page and saves the choice on the account', async () => {
    const { api } = renderLayout(leader);
    expect(screen.getAllByText('Leadership').length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: /Sun Wei/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: '简体中文' }));
    await waitFor(() => expect(screen.getAllByText('管理层').length).toBeGreaterThan(0));
    expect(screen.getByRole('navigation', { name: '导航' })).toBeInTheDocument();
    expect(localStorage.getItem('partnerline.lang')).toBe('zh-CN');
    await waitFor(() => expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ locale: 'zh-CN' }));
  });

  it('offers the header language switch under the accessible name "Language"', () => {
    renderLayout(leader, 'zh-CN');
    expect(screen.getByDisplayValue('简体中文')).toHaveAccessibleName('语言');
  });
});
