import {
  DEFAULT_RENEWAL_POLICY,
  type Locale,
  recommendRenewal,
  type RenewalFacts,
  type RenewalReviewDetail,
  type RenewalReviewSummary,
  type Role,
  type VendorRatingSummary,
} from '@partnerline/domain';
import { AppProviders, fakeApi, type FakeRoute, initI18n, json } from '@partnerline/ui';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from './i18n';
import { Incidents } from './routes/_authed/partners/-components/Incidents';
import { adminUser, openAdmin } from './test/open-admin';

const REVIEW_ID = '00000000-0000-4000-8000-0000000000a1';
const AGREEMENT_ID = '00000000-0000-4000-8000-0000000000b1';
const PARTNER_ID = '00000000-0000-4000-8000-0000000000c1';
const SUCCESSOR_ID = '00000000-0000-4000-8000-0000000000b2';
const STATEMENT_ID = '00000000-0000-4000-8000-0000000000d1';

/** Below threshold, late payments, certificates expiring: the rule recommends termination. */
const failingFacts: RenewalFacts = {
  renewalDate: '2026-12-31',
  attainment: { achievement: '550000.00', quota: '1000000.00', thresholdPercent: 80 },
  qualification: { requirements: [{ requirement: 'presales:NET', required: 2, certified: 2, expiringBeforeRenewal: 1 }], latestReview: 'pass' },
  payments: { integrity: { due: 10, onTime: 6, onTimeRatio: 0.6, worstDaysOverdue: 75, averageDaysOverdue: 20, openOverdue: 2 }, depositStatus: 'paid' },
  incidents: [],
  competition: { declaration: 'no_competing_products', finding: 'compliant' },
};

const goodFacts: RenewalFacts = {
  ...failingFacts,
  attainment: { achievement: '1100000.00', quota: '1000000.00', thresholdPercent: 80 },
  qualification: { requirements: [{ requirement: 'presales:NET', required: 2, certified: 3, expiringBeforeRenewal: 0 }], latestReview: 'pass' },
  payments: { integrity: { due: 10, onTime: 10, onTimeRatio: 1, worstDaysOverdue: 0, averageDaysOverdue: 0, openOverdue: 0 }, depositStatus: 'paid' },
};

function review(facts: RenewalFacts, over: Partial<RenewalReviewDetail> = {}): RenewalReviewDetail {
  const rec = recommendRenewal(facts, DEFAULT_RENEWAL_POLICY);
  return {
    id: REVIEW_ID,
    agreementId: AGREEMENT_ID,
    agreementType: 'exclusive',
    partnerId: PARTNER_ID,
    partnerName: '华信智联科技有限公司',
    status: 'open',
    endDate: '2026-12-31',
    decideBy: '2026-12-17',
    overdue: false,
    openedOn: '2026-11-01',
    openedByManager: false,
    recommendation: rec.outcome,
    decision: null,
    selfAssessed: false,
    willNotRenew: false,
    agreement: { startDate: '2025-01-01', endDate: '2026-12-31', renewalThresholdPercent: 80 },
    facts,
    evidence: {
      attainment: [{ kind: 'statement', id: STATEMENT_ID, label: 'RS-2026-0007', date: '2026-09-30' }],
      qualification: [],
      payments: [],
      service: [],
      competition: [],
    },
    recommendationDetail: rec,
    suggestedQuota: '1210000.00',
    competitionFinding: null,
    selfAssessment: null,
    ...over,
  } as RenewalReviewDetail;
}

const summary = (over: Partial<RenewalReviewSummary> = {}): RenewalReviewSummary => {
  const { id, agreementId, agreementType, partnerId, partnerName, status, endDate, decideBy, overdue, openedOn, openedByManager, recommendation, decision, selfAssessed, willNotRenew } =
    review(failingFacts);
  return { id, agreementId, agreementType, partnerId, partnerName, status, endDate, decideBy, overdue, openedOn, openedByManager, recommendation, decision: decision?.outcome ?? null, selfAssessed, willNotRenew, ...over };
};

const open = (path: string, role: Role, routes: Record<string, FakeRoute>, locale: Locale = 'en') => openAdmin(path, adminUser(role, { locale }), routes);

afterEach(() => vi.unstubAllGlobals());

describe('the renewals board', () => {
  it('lists reviews with decide-by, recommendation and the partner’s intent, and filters by due window, recommendation and overdue', async () => {
    const { api } = open('/admin/renewals', 'channel_manager', {
      'GET /api/renewal-reviews': json({
        items: [
          summary({ overdue: true, willNotRenew: true }),
          summary({ id: '00000000-0000-4000-8000-0000000000a2', partnerName: '兰亭科技有限公司', recommendation: 'renew', decision: 'renew', status: 'decided', selfAssessed: true }),
        ],
        total: 2,
        page: 1,
        pageSize: 25,
      }),
    });
    const table = await screen.findByRole('table', { name: 'Renewal reviews' });
    const huaxin = within(table).getByText('华信智联科技有限公司').closest('tr')!;
    expect(within(huaxin).getByText('Terminate')).toBeInTheDocument();
    expect(within(huaxin).getByText('Overdue')).toBeInTheDocument();
    expect(within(huaxin).getByText('Will not renew')).toBeInTheDocument();
    expect(within(huaxin).getByText('17 Dec 2026')).toBeInTheDocument();
    expect(within(huaxin).getByText('Pending')).toBeInTheDocument();
    expect(within(huaxin).getByRole('link', { name: '华信智联科技有限公司' })).toHaveAttribute('href', `/admin/renewals/${REVIEW_ID}`);
    const lanting = within(table).getByText('兰亭科技有限公司').closest('tr')!;
    expect(within(lanting).getAllByText('Renew')).toHaveLength(2);
    expect(within(lanting).getByText('Submitted')).toBeInTheDocument();

    const lastQuery = () => api.calls.filter((c) => c.url.pathname === '/api/renewal-reviews').at(-1)!.url.searchParams;
    await userEvent.click(screen.getByRole('radio', { name: '30 days' }));
    await waitFor(() => expect(lastQuery().get('dueWithinDays')).toBe('30'));
    await userEvent.click(screen.getByRole('combobox', { name: 'Recommendation' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Terminate' }));
    await waitFor(() => expect(lastQuery().get('recommendation')).toBe('terminate'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Overdue decisions only' }));
    await waitFor(() => expect(lastQuery().get('overdue')).toBe('true'));
    expect(lastQuery().get('dueWithinDays')).toBe('30');
    expect(lastQuery().get('recommendation')).toBe('terminate');
  });
});

describe('a renewal review', () => {
  it('says why termination is recommended and what would change it, in words with their numbers, and links the evidence', async () => {
    open(`/admin/renewals/${REVIEW_ID}`, 'channel_manager', { [`GET /api/renewal-reviews/${REVIEW_ID}`]: json(review(failingFacts)) });
    expect(await screen.findByRole('heading', { name: 'Renewal review: 华信智联科技有限公司' })).toBeInTheDocument();
    expect(screen.getByTestId('recommendation')).toHaveTextContent('Terminate');
    const why = screen.getByRole('list', { name: 'Why' });
    expect(within(why).getByText(/Attainment 55% is far below the 80% renewal threshold, short by ¥250,000.00\./)).toBeInTheDocument();
    expect(within(why).getByText(/Only 6 of 10 invoices paid on time \(60%\), far under the 90% minimum\./)).toBeInTheDocument();
    expect(within(why).getByText(/Worst payment 75 days overdue, over the 30-day limit; still overdue: 2\./)).toBeInTheDocument();
    expect(within(why).getByText(/Presales · NET: 1 of 2 certificates expire before the renewal date \(31 Dec 2026\); 2 are required\./)).toBeInTheDocument();
    const changes = screen.getByRole('list', { name: 'What would change it' });
    expect(within(changes).getByText('Reach 80% attainment: now 55%, short by ¥250,000.00 (needs ¥800,000.00 achievement).')).toBeInTheDocument();
    expect(within(changes).getByText('Pay on time at least 90% of the time: now 60% (6 of 10).')).toBeInTheDocument();
    // Two facts fail: no single change is enough on its own.
    expect(within(changes).getAllByText('Not enough on its own.')).toHaveLength(within(changes).getAllByRole('listitem').length);
    // Each fact: its state and numbers; the evidence opens the record's own page.
    const attainment = screen.getByTestId('fact-attainment');
    expect(within(attainment).getByText('Failing')).toBeInTheDocument();
    expect(within(attainment).getByText('¥550,000.00')).toBeInTheDocument();
    expect(within(attainment).getByRole('link', { name: 'Statement RS-2026-0007 · 30 Sept 2026' })).toHaveAttribute('href', `/admin/rebates/statements/${STATEMENT_ID}`);
    expect(within(screen.getByTestId('fact-payments')).getByText('6 of 10 (60%)')).toBeInTheDocument();
    // The decision form starts on the recommended outcome.
    expect(screen.getByRole('radio', { name: 'Terminate' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'The paid deposit at the end date' })).toBeInTheDocument();
  });

  it('renews with the suggested quota prefilled, and then shows the decision and the successor draft', async () => {
    const posted: unknown[] = [];
    let current = review(goodFacts);
    open(`/admin/renewals/${REVIEW_ID}`, 'channel_manager', {
      [`GET /api/renewal-reviews/${REVIEW_ID}`]: () => ({ json: current }),
      [`POST /api/renewal-reviews/${REVIEW_ID}/decision`]: (req) => {
        posted.push(req.body);
        current = review(goodFacts, {
          status: 'decided',
          decision: {
            outcome: 'renew',
            rationale: 'Strong year, certified staff in place.',
            decidedBy: { id: '00000000-0000-4000-8000-000000000002', name: 'Chen Jing' },
            decidedAt: '2026-11-28T03:00:00Z',
            successorAgreementId: SUCCESSOR_ID,
            probation: null,
            terminationEffective: null,
            depositHandling: 'carry_over',
          },
        });
        return { json: current };
      },
    });
    expect(await screen.findByTestId('recommendation')).toHaveTextContent('Renew');
    expect(screen.getByText('Nothing needs to change: every fact is on track.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Quota per period for the next term (CNY)' })).toHaveValue('1210000.00');
    await userEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('Enter the rationale')).toBeInTheDocument();
    expect(posted).toHaveLength(0);
    await userEvent.type(screen.getByRole('textbox', { name: /Rationale/ }), 'Strong year, certified staff in place.');
    await userEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByRole('link', { name: 'Open the successor draft' })).toHaveAttribute('href', `/admin/agreements/${SUCCESSOR_ID}`);
    expect(posted).toEqual([{ outcome: 'renew', rationale: 'Strong year, certified staff in place.', quota: '1210000.00' }]);
    expect(screen.getByText('Decided by Chen Jing on 28 Nov 2026, 11:00')).toBeInTheDocument();
    expect(screen.getByText('Deposit: Carried over to the successor')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record decision' })).toBeNull();
  });

  it('leadership reads the review without any form', async () => {
    const shortFacts: RenewalFacts = { ...goodFacts, attainment: { achievement: '760000.00', quota: '1000000.00', thresholdPercent: 80 } };
    open(`/admin/renewals/${REVIEW_ID}`, 'leadership', { [`GET /api/renewal-reviews/${REVIEW_ID}`]: json(review(shortFacts)) });
    expect(await screen.findByRole('heading', { name: 'Renewal review: 华信智联科技有限公司' })).toBeInTheDocument();
    expect(screen.getByText('Not decided yet: a channel manager decides.')).toBeInTheDocument();
    expect(screen.getByTestId('recommendation')).toHaveTextContent('Renew on probation');
    const changes = screen.getByRole('list', { name: 'What would change it' });
    expect(within(changes).getByText('Reach 80% attainment: now 76%, short by ¥40,000.00 (needs ¥800,000.00 achievement).')).toBeInTheDocument();
    expect(within(changes).getByText('On its own: Renew')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record decision' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record finding' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('shows the probation conditions and records the check, each condition met or not', async () => {
    const posted: unknown[] = [];
    const conditions = [
      { id: '00000000-0000-4000-8000-0000000000e1', text: 'Certify two presales engineers', met: null },
      { id: '00000000-0000-4000-8000-0000000000e2', text: 'No payment over 30 days late', met: null },
    ];
    const decided = (met: boolean | null) =>
      review(goodFacts, {
        status: 'decided',
        decision: {
          outcome: 'renew_on_probation',
          rationale: 'One more term to fix payments.',
          decidedBy: { id: '00000000-0000-4000-8000-000000000002', name: 'Chen Jing' },
          decidedAt: '2026-06-01T03:00:00Z',
          successorAgreementId: SUCCESSOR_ID,
          probation: { checkOn: '2026-09-01', conditions: conditions.map((c, i) => ({ ...c, met: met === null ? null : i === 0 ? met : true })), outcome: met === null ? null : met ? 'met' : 'not_met' },
          terminationEffective: null,
          depositHandling: 'carry_over',
        },
      });
    let current = decided(null);
    open(`/admin/renewals/${REVIEW_ID}`, 'channel_manager', {
      [`GET /api/renewal-reviews/${REVIEW_ID}`]: () => ({ json: current }),
      [`POST /api/renewal-reviews/${REVIEW_ID}/probation-check`]: (req) => {
        posted.push(req.body);
        current = decided(false);
        return { json: current };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Record the check' }));
    expect(await screen.findAllByText('Choose whether each condition was met')).toHaveLength(2);
    const first = screen.getByRole('radiogroup', { name: 'Condition 1: Certify two presales engineers' });
    await userEvent.click(within(first).getByRole('radio', { name: 'Not met' }));
    const second = screen.getByRole('radiogroup', { name: 'Condition 2: No payment over 30 days late' });
    await userEvent.click(within(second).getByRole('radio', { name: 'Met' }));
    await userEvent.click(screen.getByRole('button', { name: 'Record the check' }));
    expect(await screen.findByText('Conditions not met')).toBeInTheDocument();
    expect(posted).toEqual([{ conditions: [{ id: conditions[0].id, met: false }, { id: conditions[1].id, met: true }] }]);
  });

  it('reads Chinese', async () => {
    open(`/admin/renewals/${REVIEW_ID}`, 'leadership', { [`GET /api/renewal-reviews/${REVIEW_ID}`]: json(review(failingFacts)) }, 'zh-CN');
    expect(await screen.findByRole('heading', { name: '续签评审：华信智联科技有限公司' })).toBeInTheDocument();
    expect(screen.getByText(/达成率 55%，远低于 80% 的续签门槛，差 ¥250,000.00。/)).toBeInTheDocument();
    expect(screen.getByText('达成率需达到 80%：目前 55%，差 ¥250,000.00（需业绩 ¥800,000.00）。')).toBeInTheDocument();
  });
});

describe('the vendor rating', () => {
  const ratings = (over: Partial<VendorRatingSummary> = {}): VendorRatingSummary => ({
    from: '2026-01-01',
    to: '2026-11-28',
    respondents: 6,
    minimumRespondents: 5,
    shown: true,
    averages: { product: '4.2', competitiveness: '3.5', margin: '2.8', training: '4.0', support: '4.5' },
    nps: { score: 17, promoters: 3, passives: 1, detractors: 2 },
    trend: [
      { quarter: '2026-Q3', respondents: 2, averages: null, nps: null },
      { quarter: '2026-Q4', respondents: 6, averages: { product: '4.2', competitiveness: '3.5', margin: '2.8', training: '4.0', support: '4.5' }, nps: { score: 17, promoters: 3, passives: 1, detractors: 2 } },
    ],
    comments: [{ text: 'Margins are thin on storage.', submittedOn: '2026-11-20' }],
    ...over,
  });

  it('shows averages, NPS, the trend and comments once enough partners answered', async () => {
    open('/admin/renewals/ratings', 'leadership', { 'GET /api/vendor-ratings': json(ratings()) });
    expect(await screen.findByText('6 partners answered')).toBeInTheDocument();
    expect(screen.getByText('4.5 / 5')).toBeInTheDocument();
    expect(screen.getByTestId('nps-score')).toHaveTextContent('+17');
    expect(screen.getByText('Promoters (9–10):')).toBeInTheDocument();
    const trend = screen.getByRole('table', { name: 'Trend per quarter' });
    expect(within(trend).getByText('Fewer than 5 answered')).toBeInTheDocument();
    expect(within(trend).getByText('Q4 2026')).toBeInTheDocument();
    expect(screen.getByText('Margins are thin on storage.')).toBeInTheDocument();
  });

  it('hides every figure while fewer than the minimum answered', async () => {
    open('/admin/renewals/ratings', 'channel_manager', {
      'GET /api/vendor-ratings': json(ratings({ respondents: 3, shown: false, averages: null, nps: null, comments: [], trend: [{ quarter: '2026-Q4', respondents: 3, averages: null, nps: null }] })),
    });
    expect(
      await screen.findByText('Fewer than 5 partners answered (3 so far): the figures stay hidden so that no single partner is exposed.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('nps-score')).toBeNull();
    expect(screen.queryByText('Average per dimension (1–5)')).toBeNull();
    expect(screen.queryByText('Comments')).toBeNull();
  });
});

describe('a partner’s incidents', () => {
  const incident = {
    id: '00000000-0000-4000-8000-0000000000f1',
    partnerId: PARTNER_ID,
    occurredOn: '2026-10-12',
    severity: 'major',
    category: 'complaint',
    summary: 'Customer escalated a missed on-site visit.',
    recordedBy: { id: '00000000-0000-4000-8000-000000000002', name: 'Chen Jing' },
    recordedAt: '2026-10-13T02:00:00Z',
  };
  function renderIncidents(canManage: boolean, routes: Record<string, FakeRoute>) {
    const api = fakeApi(routes);
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    render(
      <AppProviders i18n={initI18n(catalogue, 'en')} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <Incidents partnerId={PARTNER_ID} canManage={canManage} timeZone="Asia/Shanghai" />
      </AppProviders>,
    );
    return api;
  }

  it('lists the incidents and records one, asking for what is missing', async () => {
    const posted: unknown[] = [];
    let items: unknown[] = [incident];
    renderIncidents(true, {
      [`GET /api/partners/${PARTNER_ID}/incidents`]: () => ({ json: { items } }),
      [`POST /api/partners/${PARTNER_ID}/incidents`]: (req) => {
        posted.push(req.body);
        const created = { ...incident, ...(req.body as object), id: '00000000-0000-4000-8000-0000000000f2' };
        items = [created, ...items];
        return { status: 201, body: created };
      },
    });
    const list = await screen.findByRole('list', { name: 'Incidents of this partner' });
    expect(within(list).getByText('Customer escalated a missed on-site visit.')).toBeInTheDocument();
    expect(within(list).getByText('Major')).toBeInTheDocument();
    expect(within(list).getByText('Complaint')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Record an incident' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Record' }));
    expect(await screen.findByText('Choose the severity')).toBeInTheDocument();
    expect(screen.getByText('Enter what happened')).toBeInTheDocument();
    expect(posted).toHaveLength(0);
    await userEvent.click(screen.getByRole('combobox', { name: 'Severity' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Critical' }));
    await userEvent.click(screen.getByRole('combobox', { name: 'Category' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Reputation' }));
    await userEvent.type(screen.getByRole('textbox', { name: /What happened/ }), 'Public dispute with an end customer.');
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await within(list).findByText('Public dispute with an end customer.')).toBeInTheDocument();
    expect(posted).toEqual([{ occurredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), severity: 'critical', category: 'reputation', summary: 'Public dispute with an end customer.' }]);
  });

  it('leadership reads them without the record form', async () => {
    renderIncidents(false, { [`GET /api/partners/${PARTNER_ID}/incidents`]: json({ items: [incident] }) });
    expect(await screen.findByText('Customer escalated a missed on-site visit.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record an incident' })).toBeNull();
  });
});
