import type { QualificationReviewInput } from '@partnerline/domain';
import { AppProviders, initI18n } from '@partnerline/ui';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../../../i18n';
import { ReviewChecklistForm } from './ReviewChecklistForm';

function renderForm(certifiedStaffPass: boolean | null, lang: 'en' | 'zh-CN' = 'en') {
  const onSubmit = vi.fn<(input: QualificationReviewInput) => void>();
  render(
    <AppProviders i18n={initI18n(catalogue, lang)} queryClient={new QueryClient()}>
      <ReviewChecklistForm certifiedStaffPass={certifiedStaffPass} pending={false} onSubmit={onSubmit} />
    </AppProviders>,
  );
  return onSubmit;
}

describe('the qualification review checklist', () => {
  it('will not complete until every check is decided pass or fail', async () => {
    const onSubmit = renderForm(true);
    await userEvent.click(screen.getAllByRole('radio', { name: 'Pass' })[0]);
    await userEvent.click(screen.getByRole('button', { name: 'Complete review' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText('Choose pass or fail.')).toHaveLength(2);
  });

  it('sends each check with its notes, and previews the overall result with the certified-staff check', async () => {
    const onSubmit = renderForm(true);
    const [demo, marketing, afterSales] = ['Demo environment', 'Marketing activity quality', 'After-sales process'].map((name) => screen.getByRole('radiogroup', { name }));
    await userEvent.click(demo.querySelector('input[value="pass"]')!);
    await userEvent.click(marketing.querySelector('input[value="pass"]')!);
    await userEvent.click(afterSales.querySelector('input[value="pass"]')!);
    expect(screen.getByText('Completing now records a pass.')).toBeInTheDocument();
    await userEvent.click(afterSales.querySelector('input[value="fail"]')!);
    expect(screen.getByText('Completing now records a fail: every check must pass.')).toBeInTheDocument();

    await userEvent.type(screen.getByRole('textbox', { name: 'Notes on After-sales process' }), 'No escalation path for P1 tickets.  ');
    await userEvent.type(screen.getByRole('textbox', { name: 'Overall notes' }), 'Re-check in three months.');
    await userEvent.click(screen.getByRole('button', { name: 'Complete review' }));
    expect(onSubmit).toHaveBeenCalledWith({
      demoEnvironment: { pass: true, notes: '' },
      marketingQuality: { pass: true, notes: '' },
      afterSalesProcess: { pass: false, notes: 'No escalation path for P1 tickets.' },
      notes: 'Re-check in three months.',
    });
  });

  it('predicts a fail when staff certification is short, whatever the reviewer ticks (zh-CN)', async () => {
    renderForm(false, 'zh-CN');
    expect(screen.getByText('未满足要求')).toBeInTheDocument();
    for (const name of ['演示环境', '市场活动质量', '售后流程']) {
      await userEvent.click(screen.getByRole('radiogroup', { name }).querySelector('input[value="pass"]')!);
    }
    expect(screen.getByText('现在完成将记为不通过：每一项都须通过。')).toBeInTheDocument();
  });
});
