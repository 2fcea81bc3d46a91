import {
  type AgreementPerformance,
  computeRebate,
  type RebateProgramme,
  type RebateStatement,
  type SellOutReport,
  type WhatIf,
} from '@partnerline/domain';
import { json } from '@partnerline/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPortal, PARTNER_ID, portalUser } from './test/open-portal';

afterEach(() => vi.unstubAllGlobals());

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AGREEMENT = id(10);
const STATEMENT = id(20);
const [LINE1, LINE2, LINE3] = [id(31), id(32), id(33)];

const programme: RebateProgramme = {
  kind: 'attainment',
  method: 'retroactive',
  thresholdPercent: '80',
  tiers: [
    { fromPercent: '80', ratePercent: '2' },
    { fromPercent: '100', ratePercent: '4' },
    { fromPercent: '120', ratePercent: '6' },
  ],
  capAmount: null,
};

/** The engine's own answer for a basis (the API sends exactly this, without the per-line allocation). */
function explained(lines: { id: string; amount: string; share?: string }[], alreadySettled = '0', p: RebateProgramme = programme) {
  const { allocation: _allocation, ...rest } = computeRebate({ programme: p, quota: '1000000', lines, alreadySettled });
  return rest;
}

const agreement = {
  id: AGREEMENT,
  number: 'AGR-2026-0007',
  partnerId: PARTNER_ID,
  partnerName: '华信',
  type: 'exclusive',
  status: 'active',
  version: 1,
  startDate: '2026-02-15',
  endDate: '2027-02-14',
  scope: [],
  quotaPerPeriod: '1000000.00',
  evaluationPeriod: 'quarter',
  pendingAmendment: false,
  updatedAt: '2026-02-01T00:00:00Z',
};

const performance = (result = explained([{ id: LINE1, amount: '1120000' }])): AgreementPerformance => ({
  agreement: {
    id: AGREEMENT,
    number: 'AGR-2026-0007',
    partnerId: PARTNER_ID,
    partnerName: '华信',
    type: 'exclusive',
    status: 'active',
    startDate: '2026-02-15',
    endDate: '2027-02-14',
    evaluationPeriod: 'quarter',
  },
  programme,
  periods: [
    { index: 3, start: '2026-08-15', end: '2026-11-14' },
    { index: 4, start: '2026-11-15', end: '2027-02-14' },
  ],
  period: { index: 4, start: '2026-11-15', end: '2027-02-14' },
  asOf: '2026-11-28',
  final: false,
  quota: { amount: '1000000.00', source: 'terms', editable: false },
  achievement: result.achievement,
  attainmentPercent: result.attainmentPercent,
  elapsedFraction: 14 / 92,
  pacePercent: '15.22',
  result,
  watch: null,
  series: [
    { date: '2026-11-21', achievement: '400000' },
    { date: '2026-11-28', achievement: result.achievement },
  ],
  lines: 1,
  statement: null,
});

describe('performance page', () => {
  it('says how much more reaches the next tier and what it would pay, and shows the arithmetic', async () => {
    openPortal('/portal/performance', portalUser('partner_user'), {
      'GET /api/agreements': json({ items: [agreement], total: 1, page: 1, pageSize: 200 }),
      [`GET /api/agreements/${AGREEMENT}/performance`]: json(performance()),
    });
    // 1,120,000 of 1,000,000 = 112 %: tier 2 (4 %); 80,000 more reaches 120 % where 1,200,000 × 6 % = 72,000 (+27,200).
    expect(await screen.findByTestId('next-tier', {}, { timeout: 5000 })).toHaveTextContent(
      '¥80,000.00 more to reach tier 3 (rate 6%), which would pay ¥27,200.00 more (¥72,000.00 for the period).',
    );
    expect(screen.getAllByText('112%').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Tier 2 (from 100%: 4%)').length).toBeGreaterThan(0);
    const explanation = screen.getByTestId('explanation');
    expect(explanation).toHaveTextContent('Retroactive: the whole achievement ¥1,120,000.00 × 4% = ¥44,800.00.');
    expect(explanation).toHaveTextContent('rounded once, to the cent (half up): ¥44,800.00');
    expect(screen.getByTestId('pace-chart')).toHaveTextContent('Ahead of pace');
  });

  it('words incremental bands and the next tier in Chinese', async () => {
    const incremental: RebateProgramme = { ...programme, method: 'incremental' };
    openPortal(
      `/portal/performance?agreementId=${AGREEMENT}`,
      portalUser('partner_user', { locale: 'zh-CN' }),
      {
        'GET /api/agreements': json({ items: [agreement], total: 1, page: 1, pageSize: 200 }),
        [`GET /api/agreements/${AGREEMENT}/performance`]: json({
          ...performance(explained([{ id: LINE1, amount: '1120000' }], '0', incremental)),
          programme: incremental,
        }),
      },
      'zh-CN',
    );
    // Incremental: 200,000 × 2 % + 120,000 × 4 % = 8,800; at 1,200,000 it would be 4,000 + 8,000 = 12,000 (+3,200).
    expect(await screen.findByTestId('next-tier', {}, { timeout: 5000 })).toHaveTextContent(
      '再增加 ¥80,000.00 业绩即达第 3 档（返利率 6%），届时可多得 ¥3,200.00（本期共 ¥12,000.00）。',
    );
    const explanation = screen.getByTestId('explanation');
    expect(explanation).toHaveTextContent('¥800,000.00 至 ¥1,000,000.00：¥200,000.00 × 2% = ¥4,000.00');
    expect(explanation).toHaveTextContent('¥1,000,000.00 至 ¥1,200,000.00：¥120,000.00 × 4% = ¥4,800.00');
    expect(explanation).toHaveTextContent('精确合计 ¥8,800.00 仅在最后一次四舍五入到分：¥8,800.00');
  });

  it('says when reaching the threshold itself earns nothing more (incremental), instead of promising ¥0.00', async () => {
    const incremental: RebateProgramme = { ...programme, method: 'incremental' };
    openPortal('/portal/performance', portalUser('partner_user'), {
      'GET /api/agreements': json({ items: [agreement], total: 1, page: 1, pageSize: 200 }),
      [`GET /api/agreements/${AGREEMENT}/performance`]: json({
        ...performance(explained([{ id: LINE1, amount: '700000' }], '0', incremental)),
        programme: incremental,
      }),
    });
    expect(await screen.findByTestId('next-tier', {}, { timeout: 5000 })).toHaveTextContent(
      '¥100,000.00 more to reach tier 1; from there every further ¥1 of achievement earns 2%.',
    );
    expect(screen.getByTestId('explanation')).toHaveTextContent(
      'The threshold is not reached yet, so nothing is earned for this period so far.',
    );
  });
});

const statement = (): RebateStatement => {
  const lines = [
    { id: LINE1, amount: '300000' },
    { id: LINE2, amount: '1250000', share: '1' },
  ];
  const result = explained(lines);
  return {
    id: STATEMENT,
    number: 'RS-2026-Q4-0001',
    agreementId: AGREEMENT,
    agreementType: 'exclusive',
    partnerId: PARTNER_ID,
    partnerName: '华信智联科技有限公司',
    periodStart: '2026-08-15',
    periodEnd: '2026-11-14',
    status: 'approved',
    final: true,
    quota: '1000000',
    achievement: result.achievement,
    attainmentPercent: result.attainmentPercent,
    tierIndex: result.tierIndex,
    ratePercent: result.ratePercent,
    earned: result.earned,
    alreadySettled: '0.00',
    adjustments: '-18000.00',
    payable: '75000.00',
    asOf: '2026-11-20',
    payableFrom: '2026-12-20',
    approvedAt: '2026-11-21T02:00:00Z',
    paidOn: null,
    openDisputes: 0,
    method: 'retroactive',
    explanation: result,
    programme,
    lines: [
      {
        id: LINE1,
        lineNo: 1,
        kind: 'deal',
        sourceId: id(41),
        sourcePeriodStart: null,
        description: 'REG-2026-0101 · 杭州市第一医院',
        occurredOn: '2026-09-02',
        amount: '300000.00',
        share: '1',
        coefficient: '1',
        achievement: '300000.00',
        rebate: '18000.00',
        dispute: null,
      },
      {
        id: LINE2,
        lineNo: 2,
        kind: 'deal',
        sourceId: id(42),
        sourcePeriodStart: null,
        description: 'REG-2026-0102 · 宁波港集团',
        occurredOn: '2026-10-11',
        amount: '1250000.00',
        share: '1',
        coefficient: '1',
        achievement: '1250000.00',
        rebate: '75000.00',
        dispute: { id: id(51), status: 'open', comment: 'Split should be 100 %', resolution: null, adjustment: null },
      },
      {
        id: LINE3,
        lineNo: 3,
        kind: 'clawback',
        sourceId: id(43),
        sourcePeriodStart: '2026-05-15',
        description: 'REG-2026-0042 reversed',
        occurredOn: '2026-11-02',
        amount: null,
        share: null,
        coefficient: null,
        achievement: null,
        rebate: '-18000.00',
        dispute: null,
      },
    ],
    approvedBy: { id: id(61), name: '李经理' },
    paidBy: null,
    paymentReference: null,
  };
};

describe('statement page', () => {
  it('lists every line with its kind, rebate and dispute state, the totals and the explanation', async () => {
    openPortal(`/portal/statements/${STATEMENT}`, portalUser('partner_admin'), {
      [`GET /api/rebate-statements/${STATEMENT}`]: json(statement()),
    });
    expect(await screen.findByRole('heading', { name: 'RS-2026-Q4-0001' }, { timeout: 5000 })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Lines' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('1. REG-2026-0101 · 杭州市第一医院');
    expect(rows[0]).toHaveTextContent('Deal');
    expect(rows[0]).toHaveTextContent('¥18,000.00');
    expect(rows[1]).toHaveTextContent('Disputed');
    expect(rows[2]).toHaveTextContent('Clawback');
    expect(rows[2]).toHaveTextContent('-¥18,000.00');
    expect(rows[2]).toHaveTextContent('for the period from 15 May 2026');
    // 1,550,000 is 155 %: tier 3 at 6 % on the whole achievement.
    expect(screen.getByTestId('explanation')).toHaveTextContent('Retroactive: the whole achievement ¥1,550,000.00 × 6% = ¥93,000.00.');
    expect(screen.getByText(/3 lines, total/)).toHaveTextContent('3 lines, total ¥75,000.00');
    expect(screen.getByText('¥75,000.00', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByText(/Payable from 20 Dec 2026 \(holding period\)/)).toBeInTheDocument();
  });

  it('lets a partner admin dispute a line with a comment', async () => {
    const { api } = openPortal(`/portal/statements/${STATEMENT}`, portalUser('partner_admin'), {
      [`GET /api/rebate-statements/${STATEMENT}`]: json(statement()),
      [`POST /api/rebate-statements/${STATEMENT}/lines/${LINE1}/dispute`]: () => ({ status: 201, body: { id: id(52), status: 'open' } }),
    });
    const table = await screen.findByRole('table', { name: 'Lines' }, { timeout: 5000 });
    const first = within(table).getAllByRole('row')[1];
    await userEvent.click(within(first).getByRole('button', { name: 'Dispute' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Send the dispute' }));
    expect(await screen.findByText('Write what is wrong with the line.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /What is wrong/ }), 'This deal was 100 % ours.');
    await userEvent.click(screen.getByRole('button', { name: 'Send the dispute' }));
    await waitFor(() => expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ comment: 'This deal was 100 % ours.' }));
  });

  it('offers a dispute again after a rejected one, and on adjustment lines, but not on a line with an open dispute', async () => {
    const s = statement();
    s.lines[0] = { ...s.lines[0], dispute: { id: id(53), status: 'rejected', comment: 'Split', resolution: 'The split stands.', adjustment: null } };
    s.lines[2] = { ...s.lines[2], kind: 'adjustment', description: 'Dispute adjustment' };
    openPortal(`/portal/statements/${STATEMENT}`, portalUser('partner_admin'), {
      [`GET /api/rebate-statements/${STATEMENT}`]: json(s),
    });
    const table = await screen.findByRole('table', { name: 'Lines' }, { timeout: 5000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Rejected');
    expect(within(rows[0]).getByRole('button', { name: 'Dispute' })).toBeInTheDocument();
    expect(within(rows[1]).queryByRole('button', { name: 'Dispute' })).not.toBeInTheDocument();
    expect(within(rows[2]).getByRole('button', { name: 'Dispute' })).toBeInTheDocument();
  });

  it('offers no dispute to a partner user', async () => {
    openPortal(`/portal/statements/${STATEMENT}`, portalUser('partner_user'), {
      [`GET /api/rebate-statements/${STATEMENT}`]: json(statement()),
    });
    await screen.findByRole('table', { name: 'Lines' }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Dispute' })).not.toBeInTheDocument();
  });
});

describe('sell-out upload', () => {
  const report: SellOutReport = {
    id: id(70),
    agreementId: AGREEMENT,
    agreementNumber: 'AGR-2026-0009',
    partnerId: PARTNER_ID,
    partnerName: '华信',
    periodStart: '2026-11-15',
    periodEnd: '2027-02-14',
    fileName: 'november.csv',
    rowCount: 3,
    importedCount: 2,
    skippedRows: [3],
    issues: [{ row: 3, field: 'amount', code: 'not_an_amount' }],
    issueCount: 1,
    quantity: 20,
    amount: '24000.00',
    submittedBy: { id: id(2), name: '王磊' },
    createdAt: '2026-11-28T03:00:00Z',
    supersededAt: null,
    supersededBy: null,
  };

  it('names each bad row and why, and imports the good rows only as an explicit second step', async () => {
    let accepted: string[] = [];
    const { api } = openPortal('/portal/sell-out', portalUser('partner_user'), {
      'GET /api/agreements': json({
        items: [{ ...agreement, type: 'distribution', number: 'AGR-2026-0009' }],
        total: 1,
        page: 1,
        pageSize: 200,
      }),
      [`GET /api/agreements/${AGREEMENT}/performance`]: json({
        ...performance(),
        agreement: { ...performance().agreement, type: 'distribution' },
      }),
      'GET /api/sell-out-reports': json({ items: [], total: 0, page: 1, pageSize: 25 }),
      'POST /api/sell-out-reports': () =>
        accepted.length === 0
          ? {
              status: 422,
              body: {
                statusCode: 422,
                code: 'SELL_OUT_ROWS_INVALID',
                message: 'Some rows are invalid.',
                details: {
                  issues: [
                    { row: 3, field: 'amount', code: 'not_an_amount' },
                    { row: 4, field: 'product', code: 'unknown_product' },
                  ],
                  issueCount: 2,
                  badRows: [3, 4],
                  rowCount: 5,
                },
              },
            }
          : { status: 201, body: report },
    });
    await screen.findByRole('button', { name: 'Check and import' }, { timeout: 5000 });
    await userEvent.upload(
      document.querySelector<HTMLInputElement>('input[type=file]')!,
      new File(['date,customer,product,quantity,amount\n'], 'november.csv', { type: 'text/csv' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check and import' }));
    const rowReport = await screen.findByTestId('row-report');
    expect(rowReport).toHaveTextContent('2 of 5 rows have problems — nothing was imported');
    const rows = within(within(rowReport).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('3AmountNot an amount (digits, at most two decimals)');
    expect(rows[1]).toHaveTextContent('4ProductNot a product code this agreement covers');
    expect(rowReport).toHaveTextContent('adds 3 rows');
    accepted = ['yes'];
    await userEvent.click(within(rowReport).getByRole('button', { name: 'Import only the good rows' }));
    await waitFor(() => expect(screen.queryByTestId('row-report')).not.toBeInTheDocument());
    const posts = vi.mocked(fetch).mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts.map(([, init]) => (init?.body as FormData).get('acceptGoodRows'))).toEqual(['false', 'true']);
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('asks before replacing the period’s existing report, then sends replace=true', async () => {
    let replaced = false;
    let posted = 0;
    openPortal('/portal/sell-out', portalUser('partner_user'), {
      'GET /api/agreements': json({ items: [{ ...agreement, type: 'distribution', number: 'AGR-2026-0009' }], total: 1, page: 1, pageSize: 200 }),
      [`GET /api/agreements/${AGREEMENT}/performance`]: json({ ...performance(), agreement: { ...performance().agreement, type: 'distribution' } }),
      'GET /api/sell-out-reports': () => ({
        json: {
          items: replaced ? [{ ...report, id: id(71) }, { ...report, supersededAt: '2026-11-28T04:00:00Z', supersededBy: id(71) }] : [report],
          total: replaced ? 2 : 1,
          page: 1,
          pageSize: 25,
        },
      }),
      'POST /api/sell-out-reports': () => {
        posted += 1;
        if (posted === 1)
          return {
            status: 409,
            body: {
              statusCode: 409,
              code: 'SELL_OUT_REPORT_EXISTS',
              message: 'exists',
              details: { reportId: report.id, fileName: 'november.csv', createdAt: '2026-11-28T03:00:00Z' },
            },
          };
        replaced = true;
        return { status: 201, body: { ...report, id: id(71) } };
      },
    });
    await screen.findByRole('button', { name: 'Check and import' }, { timeout: 5000 });
    await userEvent.upload(
      document.querySelector<HTMLInputElement>('input[type=file]')!,
      new File(['date,customer,product,quantity,amount\n'], 'november-fixed.csv', { type: 'text/csv' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check and import' }));
    const question = await screen.findByTestId('report-exists');
    expect(question).toHaveTextContent('A report for this period exists — replace it?');
    expect(question).toHaveTextContent('november.csv');
    await userEvent.click(within(question).getByRole('button', { name: 'Replace the report' }));
    await waitFor(() => expect(screen.queryByTestId('report-exists')).not.toBeInTheDocument());
    const posts = vi.mocked(fetch).mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts.map(([, init]) => (init?.body as FormData).get('replace'))).toEqual(['false', 'true']);
    expect(await screen.findByText('Replaced')).toBeInTheDocument();
  });
});

describe('payments page', () => {
  it('shows each invoice with due and paid dates and the on-time ratio', async () => {
    openPortal('/portal/payments', portalUser('partner_admin'), {
      'GET /api/payments': json({
        items: [
          {
            id: id(81),
            partnerId: PARTNER_ID,
            partnerName: '华信',
            invoiceNo: 'INV-0001',
            amount: '120000.00',
            dueOn: '2026-09-30',
            paidOn: '2026-09-28',
            source: 'manual',
            status: 'paid',
            daysOverdue: 0,
            createdAt: '2026-09-01T00:00:00Z',
          },
          {
            id: id(82),
            partnerId: PARTNER_ID,
            partnerName: '华信',
            invoiceNo: 'INV-0002',
            amount: '80000.00',
            dueOn: '2026-10-31',
            paidOn: '2026-11-12',
            source: 'import',
            status: 'paid_late',
            daysOverdue: 12,
            createdAt: '2026-10-01T00:00:00Z',
          },
        ],
        total: 2,
        page: 1,
        pageSize: 100,
        integrity: {
          asOf: '2026-11-28',
          due: 2,
          onTime: 1,
          onTimeRatio: 0.5,
          worstDaysOverdue: 12,
          averageDaysOverdue: 12,
          openOverdue: 0,
          outstanding: '0.00',
          overdue: '0.00',
        },
      }),
    });
    expect(await screen.findByText('1 of 2 invoices due', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('50%')).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Payments' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows[1]).toHaveTextContent('INV-0002');
    expect(rows[1]).toHaveTextContent('Paid late');
    expect(rows[1]).toHaveTextContent('12 days');
  });
});

describe('what-if on the registration form', () => {
  it('asks once the amount settles and says what the deal would do to the tier', async () => {
    const answer: WhatIf = {
      agreementId: AGREEMENT,
      periodStart: '2026-11-15',
      periodEnd: '2027-02-14',
      amount: '200000',
      before: '38000.00',
      after: '66000.00',
      increase: '28000.00',
      tierBefore: 0,
      tierAfter: 1,
      rateBefore: '2',
      rateAfter: '4',
      attainmentBefore: '95.00',
      attainmentAfter: '115.00',
    };
    const { api } = openPortal('/portal/registrations/new', portalUser('partner_user'), {
      'GET /api/industries': json([{ id: id(91), code: 'HEALTH', nameZh: '医疗', nameEn: 'Healthcare', parentId: null }]),
      'GET /api/regions': json([{ id: id(92), code: 'ZJ', nameZh: '浙江', nameEn: 'Zhejiang', parentId: null, level: 'province' }]),
      'GET /api/products': json([]),
      'GET /api/deal-registrations/requirements': json({
        covered: true,
        agreement: { id: AGREEMENT, type: 'exclusive' },
        evidence: { proofOfCommunication: false, customerFeedback: false, customerDetails: false },
      }),
      'GET /api/rebates/what-if': json(answer),
    });
    await userEvent.click(await screen.findByRole('combobox', { name: /Industry/ }, { timeout: 5000 }));
    await userEvent.click(await screen.findByRole('option', { name: 'Healthcare' }));
    await userEvent.click(screen.getByRole('combobox', { name: /Region/ }));
    await userEvent.click(await screen.findByRole('option', { name: /Zhejiang/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /Estimated amount/ }), '200000');
    expect(await screen.findByTestId('what-if', {}, { timeout: 3000 })).toHaveTextContent(
      'Won, a deal of ¥200,000.00 would lift you from tier 1 (2%) to tier 2 (4%) this period and earn ¥28,000.00 more rebate.',
    );
    const asked = api.calls.filter((c) => c.url.pathname === '/api/rebates/what-if');
    // Debounced: one question for the settled amount, not one per keystroke.
    expect(asked.map((c) => c.url.searchParams.get('amount'))).toEqual(['200000']);
    expect(asked[0].url.searchParams.get('agreementId')).toBe(AGREEMENT);
  });
});
