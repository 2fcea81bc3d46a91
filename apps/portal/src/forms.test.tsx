import { json } from '@partnerline/ui';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPortal, portalUser } from './test/open-portal';

afterEach(() => vi.unstubAllGlobals());

const REFERENCE = { 'GET /api/industries': json([]), 'GET /api/regions': json([]) };

/** The summary's lines, as a person reads them. */
async function summaryLines(): Promise<string[]> {
  const summary = await screen.findByRole('alert');
  return within(summary).getAllByRole('button').map((b) => b.textContent ?? '');
}

describe('forms that speak to people', () => {
  it('a support request submitted empty says what to write, names each field, and sends nothing', async () => {
    const { api } = openPortal('/portal/support/new', portalUser('partner_user'));
    await userEvent.click(await screen.findByRole('button', { name: 'Submit request' }));
    expect(await summaryLines()).toEqual(['Enter the subject', 'Enter the description']);
    expect(screen.getByRole('textbox', { name: /Subject/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Subject').closest('label')?.textContent).toContain('*');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('… and in Chinese', async () => {
    openPortal('/portal/support/new', portalUser('partner_user'), {}, 'zh-CN');
    await userEvent.click(await screen.findByRole('button', { name: '提交请求' }));
    expect(await summaryLines()).toEqual(['请填写主题', '请填写问题描述']);
  });

  it('the partner application submitted empty lists every field to fill, never a type name', async () => {
    const { api } = openPortal('/portal/apply', null, REFERENCE);
    await userEvent.click(await screen.findByRole('button', { name: 'Submit application' }));
    const lines = await summaryLines();
    expect(lines).toEqual(
      expect.arrayContaining([
        'Enter the company name',
        'Enter the tax ID (for a Chinese company, the unified social credit code)',
        "Enter the company's website domain",
        'Choose where the head office is',
        'Enter the number of employees',
        'Enter the annual revenue',
        'Add at least 1 to the business lines',
        'Choose the industry of each segment',
        'Enter the email address of the person in charge',
        'The integrity declaration: This declaration must be confirmed.',
        'Enter your email address',
        'Enter a password',
      ]),
    );
    expect(lines.join(' ')).not.toMatch(/uuid|Invalid|Expected|Required\b/);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('the partner application in Chinese', async () => {
    openPortal('/portal/apply', null, REFERENCE, 'zh-CN');
    const submit = await screen.findByRole('button', { name: '提交申请' });
    await userEvent.click(submit);
    expect(await summaryLines()).toEqual(expect.arrayContaining(['请填写公司名称', '请选择总部所在地', '请选择每个细分市场的行业', '请填写负责人邮箱', '请填写密码']));
  });
});
