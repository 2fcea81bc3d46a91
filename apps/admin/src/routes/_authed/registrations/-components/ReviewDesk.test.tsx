import type { RegistrationReview } from '@partnerline/domain';
import { AppProviders, initI18n } from '@partnerline/ui';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../../../i18n';
import { DecisionDialog } from './DecisionDialog';
import { EvidencePanel } from './EvidencePanel';
import { RelatedList } from './RelatedList';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function renderIn(ui: ReactNode, lang: 'en' | 'zh-CN' = 'en') {
  const rootRoute = createRootRoute({ component: () => <>{ui}</> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  return render(
    <AppProviders i18n={initI18n(catalogue, lang)} queryClient={new QueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

const review = (over: Partial<RegistrationReview> = {}): RegistrationReview => ({
  id: uuid(1),
  status: 'in_review',
  partner: { id: uuid(2), name: '兰亭科技有限公司', nameEn: null, type: 'smb', status: 'active', managerName: null, agreements: [] },
  customer: { name: '温州眼镜制造有限公司', taxId: null, domain: null, address: null, industry: null, region: null },
  products: [],
  estimatedAmount: '100000.00',
  stage: 'proposal',
  expectedCloseDate: '2027-05-31',
  need: 'A shared platform.',
  contacts: [],
  agreement: { id: uuid(3), type: 'registration', startDate: '2026-07-01', endDate: '2027-06-30', evidenceStandard: { proofOfCommunication: true, customerFeedback: false, customerDetails: true } },
  evidence: { proofOfCommunication: 'Meeting notes', customerFeedback: null, customerDetails: null },
  missingEvidence: ['customerDetails'],
  files: [{ id: uuid(4), kind: 'proofOfCommunication', filename: 'notes.pdf', mimeType: 'application/pdf', size: 2048, uploadedAt: '2026-11-20T02:00:00.000Z' }],
  history: [],
  similar: [],
  conflicts: [],
  sla: { submittedAt: null, dueBy: '2026-12-01', overdueDays: 0 },
  reviewComment: null,
  protectionEnds: null,
  ...over,
});

describe('the reviewer’s desk', () => {
  it('reject needs a comment; the dialog says so in words and sends nothing until one is written', async () => {
    const onConfirm = vi.fn();
    renderIn(<DecisionDialog action="reject" pending={false} onConfirm={onConfirm} onClose={() => {}} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Yes, reject' }));
    expect(await screen.findByText('Write why the registration is rejected')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
    await userEvent.type(screen.getByRole('textbox', { name: /Comment for the partner/ }), 'Direct account');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, reject' }));
    expect(onConfirm).toHaveBeenCalledWith('Direct account');
  });

  it('approve confirms without a comment', async () => {
    const onConfirm = vi.fn();
    renderIn(<DecisionDialog action="approve" pending={false} onConfirm={onConfirm} onClose={() => {}} />, 'zh-CN');
    await userEvent.click(await screen.findByRole('button', { name: '确认批准' }));
    expect(onConfirm).toHaveBeenCalledWith('');
  });

  it('shows each evidence item against the agreement’s standard, and files to open inline or download', async () => {
    renderIn(<EvidencePanel r={review()} />);
    expect(await screen.findByText('Meeting notes')).toBeTruthy();
    expect(screen.getByText('Missing')).toBeTruthy();
    expect(screen.getByText('Optional')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(`/api/deal-registrations/${uuid(1)}/evidence/${uuid(4)}?inline=true`);
    expect(screen.getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(`/api/deal-registrations/${uuid(1)}/evidence/${uuid(4)}`);
  });

  it('says why another partner’s registration matches, in the UI language', async () => {
    renderIn(
      <RelatedList
        showPartner
        empty="none"
        items={[{ id: uuid(5), partnerId: uuid(6), partnerName: '华信智联科技有限公司', customerName: '温州眼镜制造公司', status: 'in_review', estimatedAmount: '5000.00', submittedAt: null, matchedOn: ['taxId', 'name'] }]}
      />,
      'zh-CN',
    );
    expect(await screen.findByText('华信智联科技有限公司')).toBeTruthy();
    expect(screen.getByText('税号')).toBeTruthy();
    expect(screen.getByText('名称')).toBeTruthy();
  });
});
