import { QueryClient } from '@tanstack/react-query';
import { IconReceipt } from '@tabler/icons-react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppProviders } from './AppProviders';
import { ApiError, errorMessage } from './api';
import { sendForm } from './client/request';
import { fakeApi, json } from './fake-api';
import { formatPercent } from './format';
import { initI18n } from './i18n';
import { EmptyCard, Pager } from './Pager';
import { StatusBadge } from './StatusBadge';

const renderIn = (lang: 'zh-CN' | 'en', node: React.ReactNode) =>
  render(
    <AppProviders i18n={initI18n({ en: {}, 'zh-CN': {} }, lang)} queryClient={new QueryClient()}>
      {node}
    </AppProviders>,
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('formatPercent', () => {
  it('writes a decimal string or a number as a percentage in the UI language, two decimals by default', () => {
    expect(formatPercent('85.50', 'en')).toBe('85.5%');
    expect(formatPercent('1234.567', 'zh-CN')).toBe('1,234.57%');
    expect(formatPercent(4, 'en')).toBe('4%');
    expect(formatPercent('4.1234', 'en', 4)).toBe('4.1234%');
    expect(formatPercent('4.12345', 'en', 4)).toBe('4.1235%');
    expect(formatPercent('0', 'en')).toBe('0%');
  });

  it('writes a dash when there is no value', () => {
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatPercent(undefined, 'en')).toBe('—');
    expect(formatPercent('', 'en')).toBe('—');
  });
});

describe('errorMessage', () => {
  it("shows an error's message, or the thrown value as text", () => {
    expect(errorMessage(new ApiError(422, 'X', '金额无效'))).toBe('金额无效');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
  });
});

describe('sendForm', () => {
  it('posts the form with the UI language and parses the answer', async () => {
    initI18n({ en: {}, 'zh-CN': {} }, 'zh-CN');
    const api = fakeApi({ 'POST /api/payments/import': json({ rowCount: 3, extra: 1 }) });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const form = new FormData();
    form.set('file', new File(['a,b'], 'x.csv'));
    await expect(sendForm(z.object({ rowCount: z.number() }), '/payments/import', form, { query: { dryRun: true } })).resolves.toEqual({ rowCount: 3 });
    expect(api.calls[0].method).toBe('POST');
    expect(api.calls[0].url.search).toBe('?dryRun=true');
    expect(api.calls[0].headers['Accept-Language']).toBe('zh-CN');
    expect(api.calls[0].headers['Content-Type']).toBeUndefined();
  });

  it('throws the API refusal as an ApiError with its code, issues and details, as the JSON calls do', async () => {
    const body = { statusCode: 422, code: 'BAD_ROWS', message: 'Some rows are wrong', issues: [{ path: 'file', code: 'x', message: 'bad' }], details: { rows: [1] } };
    vi.stubGlobal('fetch', vi.fn(fakeApi({ 'POST /api/up': () => ({ status: 422, body }) }).fetch));
    const error = await sendForm(z.unknown(), '/up', new FormData()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'BAD_ROWS', message: 'Some rows are wrong', issues: body.issues, details: { rows: [1] } });
  });
});

describe('rebate statuses', () => {
  it('are worded in both languages and coloured', () => {
    renderIn('zh-CN', <StatusBadge kind="rebateStatement" value="approved" />);
    expect(screen.getByText('已审批')).toBeInTheDocument();
    renderIn('en', <StatusBadge kind="invoice" value="paid_late" />);
    expect(screen.getByText('Paid late')).toBeInTheDocument();
  });
});

describe('Pager', () => {
  it('renders nothing for a single page', () => {
    const { container } = renderIn('en', <Pager total={25} pageSize={25} page={1} onChange={() => {}} />);
    expect(container.querySelector('.mantine-Pagination-root')).toBeNull();
    expect(screen.queryByRole('button', { name: '2' })).toBeNull();
  });

  it('shows the pages and a summary, and tells which page was chosen', async () => {
    const onChange = vi.fn();
    renderIn('en', <Pager total={60} pageSize={25} page={1} onChange={onChange} summary="60 statements" />);
    expect(screen.getByText('60 statements')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '3' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '2' }));
    expect(onChange).toHaveBeenCalledWith(2);
  });

  it('keeps a summary on a single page when it has one', () => {
    renderIn('en', <Pager total={3} pageSize={25} page={1} onChange={() => {}} summary="3 statements" />);
    expect(screen.getByText('3 statements')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '1' })).toBeNull();
  });
});

describe('EmptyCard', () => {
  it('shows its message and action', () => {
    renderIn('en', <EmptyCard icon={IconReceipt} action={<a href="/x">Start</a>}>Nothing here yet.</EmptyCard>);
    expect(screen.getByText('Nothing here yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start' })).toBeInTheDocument();
  });
});
