import { DEFAULT_RENEWAL_POLICY, recommendRenewal, type RenewalFacts, type RenewalReadiness, type RenewalReviewDetail } from '@partnerline/domain';
import { json } from '@partnerline/ui';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPortal, PARTNER_ID, portalUser, USER_ID } from './test/open-portal';

afterEach(() => vi.unstubAllGlobals());

/** Types into a field as a paste does (one input event: the long texts would take seconds key by key on a busy machine). */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AGREEMENT = id(10);
const REVIEW = id(40);
const STATEMENT = id(20);
const INVOICE = id(21);

const agreement = {
  id: AGREEMENT,
  number: 'AGR-2026-0007',
  partnerId: PARTNER_ID,
  partnerName: '华信智联科技有限公司',
  type: 'exclusive',
  status: 'active',
  version: 1,
  startDate: '2026-02-01',
  endDate: '2027-01-31',
  scope: [],
  quotaPerPeriod: '1250000.00',
  evaluationPeriod: 'quarter',
  pendingAmendment: false,
  updatedAt: '2026-02-01T00:00:00Z',
  terms: {
    partnerId: PARTNER_ID,
    type: 'exclusive',
    scope: [{ industryId: null, regionId: null }],
    startDate: '2026-02-01',
    endDate: '2027-01-31',
    productIds: [],
    pricing: null,
    paymentTerms: '',
    evaluationPeriod: 'quarter',
    quotaPerPeriod: '1250000.00',
    renewalThresholdPercent: 80,
    qualificationRequirements: [],
    serviceDivision: { vendor: '', partner: '' },
    obligations: { vendor: '', partner: '' },
    renewalTerms: '',
    evidenceStandard: null,
    deposit: null,
    incentiveCoefficients: [],
  },
  submittedBy: null,
  submittedById: null,
  submittedAt: null,
  approvedBy: null,
  approvedAt: null,
  rejectionReason: null,
  termination: null,
  overrideJustification: null,
  allowedActions: [],
  gaps: [],
};

/** 3,820,000 of 5,000,000 = 76.4 % against 80 %: 180,000 short; both presales certificates on NET lapse before the end. */
const facts: RenewalFacts = {
  renewalDate: '2027-01-31',
  attainment: { achievement: '3820000.00', quota: '5000000.00', thresholdPercent: 80 },
  qualification: { requirements: [{ requirement: 'presales:NET', required: 2, certified: 2, expiringBeforeRenewal: 2 }], latestReview: 'pass' },
  payments: { integrity: { due: 8, onTime: 8, onTimeRatio: 1, worstDaysOverdue: 0, averageDaysOverdue: 0, openOverdue: 0 }, depositStatus: 'paid' },
  incidents: [],
  competition: { declaration: 'no_competing_products', finding: 'compliant' },
};
const recommendation = recommendRenewal(facts, DEFAULT_RENEWAL_POLICY);

const productLines = [{ id: id(50), code: 'NET', nameZh: '网络', nameEn: 'Networking' }];

const readiness = (over: Partial<RenewalReadiness> = {}): RenewalReadiness => ({
  agreementId: AGREEMENT,
  endDate: '2027-01-31',
  daysToEnd: 64,
  shown: true,
  reviewId: REVIEW,
  reviewStatus: 'open',
  selfAssessed: false,
  recommendation,
  evidence: null,
  ...over,
});

const review = (over: Partial<RenewalReviewDetail> = {}): RenewalReviewDetail => ({
  id: REVIEW,
  agreementId: AGREEMENT,
  agreementType: 'exclusive',
  partnerId: PARTNER_ID,
  partnerName: '华信智联科技有限公司',
  status: 'open',
  endDate: '2027-01-31',
  decideBy: '2027-01-17',
  overdue: false,
  openedOn: '2026-12-02',
  openedByManager: false,
  recommendation: recommendation.outcome,
  decision: null,
  selfAssessed: false,
  willNotRenew: false,
  agreement: { startDate: '2026-02-01', endDate: '2027-01-31', renewalThresholdPercent: 80 },
  facts,
  evidence: {
    attainment: [{ kind: 'statement', id: STATEMENT, label: 'RS-2026-0042', date: '2026-10-31' }],
    qualification: [
      { kind: 'certificate', id: id(60), label: '李娜 · presales:NET', date: '2027-01-10' },
      { kind: 'qualification_review', id: id(62), label: 'pass', date: '2026-05-14' },
    ],
    payments: [{ kind: 'invoice', id: INVOICE, label: 'INV-2026-0311', date: '2026-09-30' }],
    service: [{ kind: 'incident', id: id(63), label: 'minor:service', date: '2026-11-08' }],
    competition: [{ kind: 'competition_finding', id: id(61), label: 'compliant', date: '2026-12-05' }],
  },
  recommendationDetail: recommendation,
  suggestedQuota: '1386000.00',
  competitionFinding: null,
  selfAssessment: null,
  ...over,
});

const agreementRoutes = (r: RenewalReadiness) => ({
  [`GET /api/agreements/${AGREEMENT}`]: json(agreement),
  'GET /api/products': json([]),
  'GET /api/product-lines': json(productLines),
  [`GET /api/agreements/${AGREEMENT}/renewal-readiness`]: json(r),
});

describe('renewal readiness on the agreement page', () => {
  it('is hidden before the readiness window opens', async () => {
    const { api } = openPortal(
      `/portal/agreements/${AGREEMENT}`,
      portalUser('partner_admin'),
      agreementRoutes(readiness({ shown: false, daysToEnd: 120, reviewId: null, reviewStatus: null, recommendation: null })),
    );
    expect(await screen.findByRole('heading', { name: 'AGR-2026-0007' }, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(api.calls.some((c) => c.url.pathname.endsWith('/renewal-readiness'))).toBe(true));
    expect(screen.queryByText('Renewal readiness')).not.toBeInTheDocument();
    expect(screen.queryByTestId('renewal-readiness')).not.toBeInTheDocument();
  });

  it('shows each fact with its reasons and what would change them, in words with their numbers, and links to the review', async () => {
    openPortal(`/portal/agreements/${AGREEMENT}`, portalUser('partner_user'), agreementRoutes(readiness()));
    const card = await screen.findByTestId('renewal-readiness', {}, { timeout: 5000 });
    expect(within(card).getByText('Renewal readiness')).toBeInTheDocument();
    expect(card).toHaveTextContent('64 days to the renewal date 31 Jan 2027');
    // Two facts at risk: no renewal as things stand; each fix alone gives renewal on probation.
    expect(card).toHaveTextContent('As things stand:No renewal');
    expect(within(within(card).getByTestId('readiness-attainment')).getByText('At risk')).toBeInTheDocument();
    expect(within(within(card).getByTestId('readiness-payments')).getByText('On track')).toBeInTheDocument();
    const reasons = within(card).getAllByTestId('renewal-reason').map((e) => e.textContent);
    expect(reasons).toContain('Attainment 76.4% is below the renewal threshold of 80%, short by ¥180,000.00');
    expect(reasons).toContain('2 presales certificates on Networking expire before the renewal date 31 Jan 2027');
    expect(reasons).toContain('Payments are in order: 100% on time, at most 0 days overdue');
    const changes = within(card).getAllByTestId('renewal-change').map((e) => e.textContent);
    expect(changes).toEqual([
      'Renewal on probation needs 80% attainment: now 76.4%, short by ¥180,000.00',
      'Renewal on probation needs 2 of the expiring presales certificates on Networking renewed before 31 Jan 2027',
    ]);
    expect(within(card).getByRole('link', { name: /Open the renewal review/ })).toHaveAttribute('href', `/portal/renewals/${REVIEW}`);
  });

  it('says what was decided once the review is decided, instead of the outlook', async () => {
    openPortal(`/portal/agreements/${AGREEMENT}`, portalUser('partner_user'), {
      ...agreementRoutes(readiness({ reviewStatus: 'decided', selfAssessed: true })),
      [`GET /api/renewal-reviews/${REVIEW}`]: json(review({ status: 'decided', decision: { outcome: 'renew', rationale: 'Good year.', decidedBy: { id: id(70), name: '张经理' }, decidedAt: '2027-01-10T03:00:00Z', successorAgreementId: id(71), probation: null, terminationEffective: null, depositHandling: 'carry_over' } })),
    });
    const card = await screen.findByTestId('renewal-readiness', {}, { timeout: 5000 });
    expect(await within(card).findByText('Renewed')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: /Read the decision and its rationale/ })).toHaveAttribute('href', `/portal/renewals/${REVIEW}`);
    expect(within(card).queryByText('As things stand:')).not.toBeInTheDocument();
    expect(within(card).queryByText('What would change it')).not.toBeInTheDocument();
  });

  it('words the reasons in Chinese', async () => {
    openPortal(`/portal/agreements/${AGREEMENT}`, portalUser('partner_user', { locale: 'zh-CN' }), agreementRoutes(readiness()), 'zh-CN');
    const card = await screen.findByTestId('renewal-readiness', {}, { timeout: 5000 });
    const reasons = within(card).getAllByTestId('renewal-reason').map((e) => e.textContent);
    expect(reasons).toContain('业绩达成率 76.4%，低于续签门槛 80%，还差 ¥180,000.00');
    expect(reasons).toContain('网络：2 张售前证书将在续签日2027年1月31日之前到期');
    expect(within(card).getAllByTestId('renewal-change')[0]).toHaveTextContent('考察期续签需要业绩达成率 80%：目前 76.4%，还差 ¥180,000.00');
  });
});

const reviewRoutes = (r: RenewalReviewDetail, extra: Record<string, ReturnType<typeof json>> = {}) => ({
  [`GET /api/renewal-reviews/${REVIEW}`]: json(r),
  'GET /api/product-lines': json(productLines),
  ...extra,
});

describe('renewal review page', () => {
  it('shows the facts with their evidence linked to the portal pages that have them', async () => {
    openPortal(`/portal/renewals/${REVIEW}`, portalUser('partner_user'), reviewRoutes(review()));
    const attainment = await screen.findByTestId('fact-attainment', {}, { timeout: 5000 });
    expect(attainment).toHaveTextContent('¥3,820,000.00');
    expect(within(attainment).getByRole('link', { name: /Statement: RS-2026-0042/ })).toHaveAttribute('href', `/portal/statements/${STATEMENT}`);
    expect(within(screen.getByTestId('fact-payments')).getByRole('link', { name: /Invoice: INV-2026-0311/ })).toHaveAttribute('href', '/portal/payments');
    // Records named by codes are worded: a certificate's role and product line, a review's result, an incident's severity and kind.
    expect(await within(screen.getByTestId('fact-qualification')).findByRole('link', { name: 'Certificate: 李娜 · Presales · Networking · 10 Jan 2027' })).toHaveAttribute(
      'href',
      '/portal/learning/certificates',
    );
    // A partner user has no qualification-review page: plain text.
    expect(within(screen.getByTestId('fact-qualification')).getByText('Qualification review: Passed · 14 May 2026')).toBeInTheDocument();
    expect(within(screen.getByTestId('fact-service')).getByText('Incident: Minor · service · 8 Nov 2026')).toBeInTheDocument();
    // The manager's finding has no portal page: plain text.
    expect(within(screen.getByTestId('fact-competition')).queryByRole('link')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('fact-competition')).getByText('Channel manager’s finding: Compliant · 5 Dec 2026')).toBeInTheDocument();
    expect(screen.getAllByTestId('renewal-change')[0]).toHaveTextContent('Renewal on probation needs 80% attainment: now 76.4%, short by ¥180,000.00');
    await waitFor(() => expect(screen.getByTestId('fact-qualification')).toHaveTextContent('Presales · Networking: 2 of 2 certified · 2 expire before the renewal date'));
  });

  it('lets a partner admin submit the self-assessment and rate the vendor: the exact body, ratings as numbers', async () => {
    const submitted = review({
      selfAssessed: true,
      selfAssessment: {
        wentWell: 'Won the Hangzhou metro tender.',
        plan: 'Two more presales engineers.',
        proposedQuota: '1300000.00',
        competitionDeclaration: 'no_competing_products',
        competingProducts: null,
        willRenew: true,
        rating: { product: 4, competitiveness: 3, margin: 2, training: 5, support: 4, likelyToRecommend: 8, comments: 'Faster quotes, please.' },
        submittedBy: { id: USER_ID, name: '王磊' },
        submittedOn: '2026-12-03',
      },
    });
    const { api } = openPortal(
      `/portal/renewals/${REVIEW}`,
      portalUser('partner_admin'),
      reviewRoutes(review(), { [`POST /api/renewal-reviews/${REVIEW}/self-assessment`]: json(submitted) }),
    );
    const form = await screen.findByTestId('self-assessment', {}, { timeout: 5000 });
    // Nothing is sent while a rating is missing; each missing answer is named.
    await userEvent.click(within(form).getByRole('button', { name: 'Submit self-assessment' }));
    expect(await within(form).findAllByText('Choose a rating for the margin')).not.toHaveLength(0);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await fill(within(form).getByRole('textbox', { name: /What went well/ }), 'Won the Hangzhou metro tender.');
    await fill(within(form).getByRole('textbox', { name: /Plan for the next term/ }), 'Two more presales engineers.');
    await fill(within(form).getByRole('textbox', { name: /Proposed quota/ }), '1,300,000');
    await userEvent.click(within(form).getByRole('radio', { name: 'We sell no competing products' }));
    await userEvent.click(within(form).getByRole('radio', { name: 'We will not renew' }));
    expect(within(form).getByTestId('will-not-renew-note')).toHaveTextContent('tells your channel manager at once');
    await userEvent.click(within(form).getByRole('radio', { name: 'We will renew' }));
    const stars = { Product: '4', Competitiveness: '3', Margin: '2', Training: '5', Support: '4' };
    for (const [dimension, value] of Object.entries(stars)) {
      // A star is chosen by its label (the radio itself only previews it, as a hover does).
      const star = within(within(form).getByRole('group', { name: dimension })).getByRole('radio', { name: value }) as HTMLInputElement;
      fireEvent.click(star.labels![0]!);
    }
    fireEvent.click(within(within(form).getByRole('group', { name: /How likely/ })).getByRole('radio', { name: '8' }));
    await fill(within(form).getByRole('textbox', { name: /Comments/ }), 'Faster quotes, please.');
    await userEvent.click(within(form).getByRole('button', { name: 'Submit self-assessment' }));

    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      wentWell: 'Won the Hangzhou metro tender.',
      plan: 'Two more presales engineers.',
      proposedQuota: '1300000',
      competitionDeclaration: 'no_competing_products',
      competingProducts: null,
      willRenew: true,
      rating: { product: 4, competitiveness: 3, margin: 2, training: 5, support: 4, likelyToRecommend: 8, comments: 'Faster quotes, please.' },
    });
    // The answer replaces the review: the form now offers to replace what was sent, prefilled.
    expect(await screen.findByRole('button', { name: 'Replace self-assessment' })).toBeInTheDocument();
    expect(screen.getByText('Submitted by 王磊 on 3 Dec 2026. Submitting again replaces it.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /What went well/ })).toHaveValue('Won the Hangzhou metro tender.');
    // As saved: the quota as the API keeps it.
    expect(screen.getByRole('textbox', { name: /Proposed quota/ })).toHaveValue('1300000.00');
  }, 60_000);

  it('asks which competing products when the partner declares it sells some', async () => {
    const { api } = openPortal(`/portal/renewals/${REVIEW}`, portalUser('partner_admin'), reviewRoutes(review()));
    const form = await screen.findByTestId('self-assessment', {}, { timeout: 5000 });
    expect(within(form).queryByRole('textbox', { name: /Which competing products/ })).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('radio', { name: 'We sell competing products' }));
    expect(within(form).getByRole('textbox', { name: /Which competing products/ })).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows a partner user the review read-only: no form', async () => {
    openPortal(`/portal/renewals/${REVIEW}`, portalUser('partner_user'), reviewRoutes(review()));
    const section = await screen.findByTestId('self-assessment', {}, { timeout: 5000 });
    expect(section).toHaveTextContent('Your partner administrator submits the self-assessment');
    expect(screen.queryByRole('button', { name: /self-assessment/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('shows the decision, its rationale and the probation conditions once decided', async () => {
    const decided = review({
      status: 'decided',
      decision: {
        outcome: 'renew_on_probation',
        rationale: 'Strong pipeline in Hangzhou; attainment short of the threshold.',
        decidedBy: { id: id(70), name: '张经理' },
        decidedAt: '2027-01-10T03:00:00Z',
        successorAgreementId: id(71),
        probation: {
          checkOn: '2027-07-31',
          conditions: [
            { id: id(72), text: 'Renew both presales certificates by March', met: null },
            { id: id(73), text: 'Reach 90% of the Q1 quota', met: true },
          ],
          outcome: null,
        },
        terminationEffective: null,
        depositHandling: 'carry_over',
      },
    });
    openPortal(`/portal/renewals/${REVIEW}`, portalUser('partner_admin'), reviewRoutes(decided));
    const card = await screen.findByTestId('renewal-decision', {}, { timeout: 5000 });
    expect(card).toHaveTextContent('Renewed on probation');
    expect(card).toHaveTextContent('Strong pipeline in Hangzhou; attainment short of the threshold.');
    expect(card).toHaveTextContent('Decided by 张经理 on 10 Jan 2027');
    expect(card).toHaveTextContent('Conditions of the probation, checked on 31 Jul 2027');
    expect(card).toHaveTextContent('Renew both presales certificates by MarchTo be checked');
    expect(card).toHaveTextContent('Reach 90% of the Q1 quotaMet');
    expect(card).toHaveTextContent('Your deposit carries over to the new agreement.');
    // The advice it was decided on stays visible; what would have changed it no longer matters.
    expect(screen.getByText('Recommended at the decision:')).toBeInTheDocument();
    expect(screen.queryByText('What would change it')).not.toBeInTheDocument();
    // Decided: even a partner admin no longer has the form.
    expect(screen.queryByRole('button', { name: /self-assessment/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('self-assessment')).toHaveTextContent('No self-assessment was submitted.');
  });
});
