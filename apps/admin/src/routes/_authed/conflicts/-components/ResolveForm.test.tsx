import type { ConflictDetail, ConflictResolution } from '@partnerline/domain';
import { AppProviders, initI18n } from '@partnerline/ui';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../../../i18n';
import { CaseParties } from './CaseParties';
import { caseParties, recommendedParty } from './case-parties';
import { Recommendation } from './Recommendation';
import { ResolveForm } from './ResolveForm';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const HOLDER = uuid(900);

function registration(n: number, over: Partial<ConflictDetail['registrations'][number]> = {}): ConflictDetail['registrations'][number] {
  return {
    id: uuid(n),
    partnerId: uuid(100 + n),
    partnerName: `Partner ${n}`,
    status: 'in_conflict',
    customerName: `Customer ${n}`,
    taxId: null,
    domain: null,
    submittedAt: '2026-11-20T02:00:00.000Z',
    agreementType: 'registration',
    exclusiveOwner: false,
    incumbent: false,
    evidence: {},
    estimatedAmount: '100000.00',
    sharePercent: null,
    awarded: null,
    match: { key: 'tax_id', score: 1, normalised: { ours: '91330100MA2B3C4D5E', theirs: '91330100MA2B3C4D5E' } },
    onTrial: false,
    intruder: false,
    selectable: true,
    ...over,
  };
}

function conflict(regs: ConflictDetail['registrations'], over: Partial<ConflictDetail> = {}): ConflictDetail {
  return {
    id: uuid(1000),
    number: 'C-000042',
    kind: 'duplicate_customer',
    kinds: ['duplicate_customer', 'exclusive_territory'],
    status: 'open',
    openedAt: '2026-11-20T02:00:00.000Z',
    evidence: {},
    resolution: null,
    rationale: null,
    registrations: regs,
    directAccounts: [],
    exclusiveHolders: [
      {
        agreementId: HOLDER,
        agreementNumber: 'AG-0000A1B2',
        partnerId: uuid(999),
        partnerName: 'Holder Co',
        from: '2026-01-01',
        until: '2027-12-31',
        onTrial: false,
        selectable: true,
        awarded: null,
        match: { key: 'exclusive', score: null, normalised: null },
      },
    ],
    recommendation: { outcome: 'award', winnerId: HOLDER, reasons: ['exclusive_owner', 'intruder_excluded'] },
    ...over,
  };
}

const three = () =>
  conflict([
    registration(1),
    registration(2, { match: { key: 'domain', score: 1, normalised: { ours: 'qiantang.com', theirs: 'qiantang.com' } }, onTrial: true }),
    registration(3, {
      match: { key: 'name', score: 0.91, normalised: { ours: '钱塘智慧城金融服务', theirs: '钱塘智慧城金融' } },
      agreementType: null,
      intruder: true,
    }),
  ]);

function renderIn(ui: ReactNode, lang: 'en' | 'zh-CN' = 'en') {
  const rootRoute = createRootRoute({ component: () => <>{ui}</> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  return render(
    <AppProviders i18n={initI18n(catalogue, lang)} queryClient={new QueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

function renderForm(c: ConflictDetail) {
  const onSubmit = vi.fn<(body: ConflictResolution) => void>();
  const parties = caseParties(c);
  render(
    <AppProviders i18n={initI18n(catalogue, 'en')} queryClient={new QueryClient()}>
      <ResolveForm parties={parties} recommended={recommendedParty(c, parties)} pending={false} onSubmit={onSubmit} />
    </AppProviders>,
  );
  return onSubmit;
}

describe('the conflict case page', () => {
  it('says why each party matched, in words, with the score and both normalised forms', async () => {
    const c = three();
    renderIn(<CaseParties parties={caseParties(c)} />);
    const rows = await screen.findAllByTestId('party');
    expect(rows).toHaveLength(4);
    expect(within(rows[0]).getByText('Holds the exclusive territory this customer lies in.')).toBeInTheDocument();
    expect(within(rows[0]).getByRole('link', { name: 'AG-0000A1B2' })).toBeInTheDocument();
    expect(within(rows[1]).getByTestId('match')).toHaveTextContent(
      'Same tax ID. Compared: “91330100MA2B3C4D5E” (this party) with “91330100MA2B3C4D5E” (the case’s customer).',
    );
    expect(within(rows[2]).getByTestId('match')).toHaveTextContent('Same web domain.');
    expect(within(rows[3]).getByTestId('match')).toHaveTextContent(
      'Similar company name (score 91%). Compared: “钱塘智慧城金融服务” (this party) with “钱塘智慧城金融” (the case’s customer).',
    );
  });

  it('labels only the party the API marks on trial, and never an active partner without an agreement', async () => {
    const c = three();
    renderIn(<CaseParties parties={caseParties(c)} />);
    const rows = await screen.findAllByTestId('party');
    expect(within(rows[2]).getByText('On trial')).toBeInTheDocument();
    expect(screen.getAllByText('On trial')).toHaveLength(1);
    expect(within(rows[3]).getByText('No covering agreement')).toBeInTheDocument();
    expect(within(rows[3]).getByText('Inside another partner’s exclusive scope')).toBeInTheDocument();
  });

  it('names the recommended party (the exclusive holder, its agreement linked) and the reasons, in Chinese too', async () => {
    const c = three();
    const parties = caseParties(c);
    renderIn(<Recommendation party={recommendedParty(c, parties)} reasons={c.recommendation!.reasons} />, 'zh-CN');
    const box = await screen.findByTestId('recommendation');
    expect(box).toHaveTextContent('判给 Holder Co · 独家持有方，协议 AG-0000A1B2');
    expect(box).toHaveTextContent('持有独家范围；在他方独家范围内且无覆盖协议的报备不予推荐');
  });

  it('keeps 64 parties in one table', async () => {
    const c = conflict(
      Array.from({ length: 64 }, (_, i) => registration(i + 1)),
      { exclusiveHolders: [], recommendation: null },
    );
    renderIn(<CaseParties parties={caseParties(c)} />);
    expect(await screen.findAllByTestId('party')).toHaveLength(64);
  });
});

describe('the resolution form', () => {
  it('awards to the exclusive holder (recommended, preselected) by its agreement', async () => {
    const onSubmit = renderForm(three());
    expect(screen.getByRole('radio', { name: 'Holder Co — exclusive holder (AG-0000A1B2)' })).toBeChecked();
    await userEvent.type(screen.getByRole('textbox', { name: /Rationale/ }), 'Holder owns the finance scope.');
    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(onSubmit).toHaveBeenCalledWith({ resolution: 'award', winnerAgreementId: HOLDER, rationale: 'Holder owns the finance scope.' });
  });

  it('refuses a one-party 100% split before anything is sent, and a split not totalling 100', async () => {
    const onSubmit = renderForm(three());
    await userEvent.click(screen.getByText('Split (co-sell)'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Share of Partner 1 (%)' }), '100');
    await userEvent.type(screen.getByRole('textbox', { name: /Rationale/ }), 'Partner 1 alone.');
    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('split-error')).toHaveTextContent('A split needs at least two parties');

    await userEvent.clear(screen.getByRole('textbox', { name: 'Share of Partner 1 (%)' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Share of Partner 1 (%)' }), '60');
    await userEvent.type(screen.getByRole('textbox', { name: 'Share of Partner 2 (%)' }), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('split-error')).toHaveTextContent('The shares must add up to exactly 100% (now 90%).');
  });

  it('splits 60/40 between two parties; the third, left without a share, is not in the body (the server rejects it)', async () => {
    const onSubmit = renderForm(three());
    await userEvent.click(screen.getByText('Split (co-sell)'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Share of Partner 1 (%)' }), '60');
    await userEvent.type(screen.getByRole('textbox', { name: 'Share of Partner 2 (%)' }), '40');
    expect(screen.getByTestId('split-total')).toHaveTextContent('Shares total 100% · parties sharing: 2');
    await userEvent.type(screen.getByRole('textbox', { name: /Rationale/ }), 'Co-sell between the first two.');
    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(onSubmit).toHaveBeenCalledWith({
      resolution: 'split',
      shares: [
        { registrationId: uuid(1), percent: 60 },
        { registrationId: uuid(2), percent: 40 },
      ],
      rationale: 'Co-sell between the first two.',
    });
  });

  it('asks for a rationale in the UI language', async () => {
    const onSubmit = renderForm(three());
    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Write a rationale of at least 5 characters: every party is told.')).toBeInTheDocument();
  });
});
