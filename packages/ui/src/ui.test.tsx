import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildUrl } from './api';
import { AppProviders } from './AppProviders';
import { formatDate, formatDateTime, formatMoney } from './format';
import { safeRedirect } from './redirects';
import { catalogueKeys, detectLanguage, initI18n } from './i18n';
import { LoginPage } from './LoginPage';
import { uiCatalogue } from './ui.catalogue';

function renderLogin(lang: 'zh-CN' | 'en', onSuccess = vi.fn()) {
  const i18n = initI18n({ en: {}, 'zh-CN': {} }, lang);
  render(
    <AppProviders i18n={i18n} queryClient={new QueryClient()}>
      <LoginPage app="admin" onSuccess={onSuccess} />
    </AppProviders>,
  );
  return onSuccess;
}

afterEach(() => vi.unstubAllGlobals());

describe('shared catalogue', () => {
  it('says everything in both languages', () => {
    expect(catalogueKeys(uiCatalogue['zh-CN']).sort()).toEqual(catalogueKeys(uiCatalogue.en).sort());
  });
});

describe('LoginPage', () => {
  it('is labelled in the chosen language', () => {
    renderLogin('zh-CN');
    expect(screen.getByLabelText(/邮箱/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
  });

  it('shows the field error before calling the server', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderLogin('en');
    await userEvent.type(screen.getByLabelText(/Email/), 'not-an-email');
    await userEvent.type(screen.getByLabelText(/Password/), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Must be a valid email address.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the server's translated message on failure and signs in on success", async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response(JSON.stringify({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'The email address or password is incorrect.' }), { status: 401 }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ token: 't', expiresAt: '2030-01-01T00:00:00Z', user: { id: '1', email: 'a@b.co', role: 'leadership' } }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const onSuccess = renderLogin('en');
    await userEvent.type(screen.getByLabelText(/Email/), 'leader@partnerline.demo');
    await userEvent.type(screen.getByLabelText(/Password/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email address or password is incorrect.');
    expect(fetchMock.mock.calls[0][1].headers['Accept-Language']).toBe('en');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ role: 'leadership' })));
  });
});

describe('helpers', () => {
  it('formats exact money strings without floats', () => {
    expect(formatMoney('1234567.5', 'zh-CN')).toBe('¥1,234,567.50');
    expect(formatMoney('-0.1', 'en')).toBe('-¥0.10');
    expect(formatMoney(null, 'en')).toBe('—');
    // Beyond float precision, and rounded half away from zero at the cent.
    expect(formatMoney('12345678901234567.895', 'en')).toBe('¥12,345,678,901,234,567.90');
  });

  it('shows a moment in the user\'s time zone', () => {
    expect(formatDateTime('2026-11-22T18:30:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月23日 02:30');
    expect(formatDateTime('2026-11-22T18:30:00Z', 'en', 'Europe/London')).toBe('22 Nov 2026, 18:30');
  });

  it('sends a signed-in user back where they were, never to another site or app', () => {
    expect(safeRedirect('/segments?industryId=x', '/admin')).toBe('/segments?industryId=x');
    expect(safeRedirect('/admin/users', '/admin')).toBe('/users');
    expect(safeRedirect('//evil.example/admin', '/admin')).toBe('/');
    expect(safeRedirect('https://evil.example', '/admin')).toBe('/');
    expect(safeRedirect('/portal/team', '/admin')).toBe('/');
    expect(safeRedirect(undefined, '/admin')).toBe('/');
  });

  it('shows a calendar date as that date whatever the zone', () => {
    expect(formatDate('2027-03-31', 'en', 'America/Los_Angeles')).toBe('31 Mar 2027');
    expect(formatDate('2027-03-31', 'zh-CN', 'America/Los_Angeles')).toBe('2027年3月31日');
  });

  it('builds query strings, skipping empty values', () => {
    expect(buildUrl('/partners', { q: '华信', page: 2, type: undefined, status: '' })).toBe('/api/partners?q=%E5%8D%8E%E4%BF%A1&page=2');
  });

  it('detects Chinese from the browser languages', () => {
    vi.stubGlobal('navigator', { languages: ['zh-TW', 'en'] });
    localStorage.clear();
    expect(detectLanguage()).toBe('zh-CN');
  });
});
