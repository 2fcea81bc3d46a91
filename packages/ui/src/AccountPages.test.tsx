import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForgotPasswordPage, SetPasswordPage } from './AccountPages';
import { AppProviders } from './AppProviders';
import { fakeApi } from './fake-api';
import { initI18n } from './i18n';
import { LoginPage } from './LoginPage';

function renderIn(lang: 'zh-CN' | 'en', ui: ReactNode) {
  const i18n = initI18n({ en: {}, 'zh-CN': {} }, lang);
  render(
    <AppProviders i18n={i18n} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      {ui}
    </AppProviders>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('sign-in page', () => {
  it('shows the demo password only when told the demo data is loaded, and links to "forgot password"', () => {
    renderIn('en', <LoginPage app="portal" onSuccess={vi.fn()} />);
    expect(screen.queryByText(/Partnerline-demo-2026/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/portal/forgot-password');
  });

  it('shows the hint with the demo data', () => {
    renderIn('zh-CN', <LoginPage app="admin" onSuccess={vi.fn()} demoHint />);
    expect(screen.getByText('演示账号的密码均为 Partnerline-demo-2026。')).toBeInTheDocument();
  });
});

describe('forgot password', () => {
  it('says plainly that email is not configured and whom to ask', async () => {
    const api = fakeApi({ 'GET /api/auth/config': () => ({ json: { emailEnabled: false, demoData: false } }) });
    vi.stubGlobal('fetch', api.fetch);
    renderIn('zh-CN', <ForgotPasswordPage app="admin" />);
    expect(await screen.findByText('未配置邮件')).toBeInTheDocument();
    expect(screen.getByText(/请联系管理员为您重置密码/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '发送链接' })).toBeNull();
  });

  it('gives the same answer whatever the address, after checking it is an email', async () => {
    const api = fakeApi({
      'GET /api/auth/config': () => ({ json: { emailEnabled: true, demoData: true } }),
      'POST /api/auth/password-reset': () => ({ status: 202, body: { accepted: true } }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderIn('en', <ForgotPasswordPage app="portal" />);
    await userEvent.type(await screen.findByRole('textbox', { name: /Email/ }), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByText('Must be a valid email address.')).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.clear(screen.getByRole('textbox', { name: /Email/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /Email/ }), 'someone@example.cn');
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByText(/If someone@example.cn has an account/)).toBeInTheDocument();
  });
});

describe('set a password from a link', () => {
  it('asks for the password twice and shows the API refusal of a used link', async () => {
    const api = fakeApi({
      'POST /api/auth/password-reset/confirm': () => ({
        status: 422,
        body: {
          statusCode: 422,
          code: 'PASSWORD_RESET_INVALID',
          message: 'This password-reset link is invalid, already used or expired. Ask for a new one from the sign-in page.',
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderIn('en', <SetPasswordPage app="admin" kind="reset" token={'t'.repeat(30)} />);
    await userEvent.type(screen.getByLabelText(/^New password/), 'Fresh-password-2026');
    await userEvent.type(screen.getByLabelText(/^Repeat the new password/), 'Fresh-password-2027');
    await userEvent.click(screen.getByRole('button', { name: 'Save the password' }));
    expect(await screen.findByText('The two passwords differ; type the same password twice.')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
    await userEvent.clear(screen.getByLabelText(/^Repeat the new password/));
    await userEvent.type(screen.getByLabelText(/^Repeat the new password/), 'Fresh-password-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Save the password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already used or expired');
    expect(api.calls[0].body).toEqual({ token: 't'.repeat(30), password: 'Fresh-password-2026' });
  });
});
