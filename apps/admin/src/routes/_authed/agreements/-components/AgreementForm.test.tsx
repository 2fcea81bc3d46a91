import { fakeApi, json, AppProviders, initI18n } from '@partnerline/ui';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../../../i18n';
import { AgreementForm, emptyTerms } from './AgreementForm';

afterEach(() => vi.unstubAllGlobals());

function renderForm(lang: 'en' | 'zh-CN', onSubmit = vi.fn()) {
  const api = fakeApi({
    'GET /api/industries': json([]),
    'GET /api/regions': json([]),
    'GET /api/products': json([]),
    'GET /api/product-lines': json([]),
    'GET /api/partners': json({ items: [], total: 0, page: 1, pageSize: 200 }),
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  render(
    <AppProviders i18n={initI18n(catalogue, lang)} queryClient={new QueryClient()}>
      <Suspense fallback={null}>
        <AgreementForm initial={{ ...emptyTerms(), startDate: '', endDate: '' }} submitLabel="Save" pending={false} onSubmit={onSubmit} />
      </Suspense>
    </AppProviders>,
  );
  return { api, onSubmit };
}

describe('AgreementForm', () => {
  it('submitted empty, lists what to do for each field — a partner to choose, the dates to enter — and sends nothing', async () => {
    const { onSubmit } = renderForm('en');
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Please check 3 field(s):')).toBeInTheDocument();
    expect(within(summary).getAllByRole('button').map((b) => b.textContent)).toEqual(['Choose the partner', 'Enter the start date', 'Enter the end date']);
    expect(summary.textContent).not.toMatch(/uuid|valid date|invalid/i);
    // Each field says the same beside it, and the required ones are marked.
    expect(screen.getByLabelText(/Start date/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Partner').closest('label')?.textContent).toContain('*');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('in Chinese, and a summary link moves the focus to its field', async () => {
    renderForm('zh-CN');
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('button').map((b) => b.textContent)).toEqual(['请选择合作伙伴', '请填写开始日期', '请填写结束日期']);
    await userEvent.click(within(summary).getByRole('button', { name: '请填写结束日期' }));
    expect(screen.getByLabelText(/结束日期/)).toHaveFocus();
  });

  it('keeps a rule’s own words: an end before the start says so', async () => {
    renderForm('en');
    fireEvent.change(await screen.findByLabelText(/Start date/), { target: { value: '2027-05-01' } });
    fireEvent.change(screen.getByLabelText(/End date/), { target: { value: '2027-04-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('The end date must be on or after the start date.')).not.toHaveLength(0);
  });

  it('incentive coefficients (激励系数): a rule needs a product line or an industry and a coefficient above 0', async () => {
    const { onSubmit } = renderForm('en');
    await userEvent.click(await screen.findByRole('button', { name: 'Add coefficient' }));
    fireEvent.change(screen.getByLabelText('Coefficient 1'), { target: { value: '0' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('A coefficient names a product line, an industry or both.')).not.toHaveLength(0);
    expect(screen.getAllByText('A coefficient is a number above 0 and at most 10, with at most 4 decimals.')).not.toHaveLength(0);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
