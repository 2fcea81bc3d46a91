import type { Locale, RebateRun, RebateStatement, Role } from '@partnerline/domain';
import { type FakeRoute, json } from '@partnerline/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminUser, openAdmin } from './test/open-admin';

const RUN_ID = '00000000-0000-4000-8000-0000000000a1';
const STATEMENT_ID = '00000000-0000-4000-8000-0000000000b1';
const PARTNER_ID = '00000000-0000-4000-8000-0000000000c1';

const run = (over: Partial<RebateRun> = {}): RebateRun => ({
  id: RUN_ID,
  period: '2026-Q3',
  periodStart: '2026-07-01',
  periodEnd: '2026-09-30',
  asOf: '2026-11-28',
  status: 'running',
  total: 50,
  done: 20,
  errors: 0,
  errorDetails: [],
  created: 12,
  updated: 5,
  unchanged: 2,
  locked: 1,
  diff: [],
  startedBy: { id: '00000000-0000-4000-8000-000000000001', name: 'Liu Yang' },
  createdAt: '2026-11-28T02:00:00Z',
  startedAt: '2026-11-28T02:00:01Z',
  finishedAt: null,
  heartbeatAt: '2026-11-28T02:00:05Z',
  percent: 40,
  ...over,
});

const statement = (over: Partial<RebateStatement> = {}): RebateStatement => ({
  id: STATEMENT_ID,
  number: 'RS-2026-0007',
  agreementId: '00000000-0000-4000-8000-0000000000d1',
  agreementType: 'exclusive',
  partnerId: PARTNER_ID,
  partnerName: '华信智联科技有限公司',
  periodStart: '2026-07-01',
  periodEnd: '2026-09-30',
  status: 'draft',
  final: true,
  quota: '1000000.00',
  achievement: '1050000.000000',
  attainmentPercent: '105.00',
  tierIndex: 1,
  ratePercent: '4.0000',
  earned: '42000.00',
  alreadySettled: '0.00',
  adjustments: '0.00',
  payable: '42000.00',
  asOf: '2026-11-28',
  payableFrom: null,
  approvedAt: null,
  paidOn: null,
  openDisputes: 0,
  method: 'retroactive',
  explanation: {
    achievement: '1050000.000000',
    quota: '1000000.00',
    attainmentPercent: '105.00',
    tierIndex: 1,
    ratePercent: '4',
    method: 'retroactive',
    bands: [{ from: '0', to: null, ratePercent: '4', base: '1050000', amount: '42000' }],
    uncapped: '42000',
    capped: false,
    earned: '42000.00',
    alreadySettled: '0.00',
    payable: '42000.00',
    next: { tierIndex: 2, ratePercent: '6', moreNeeded: '150000.00', earnedThen: '72000.00', increase: '30000.00' },
  },
  programme: {
    kind: 'attainment',
    method: 'retroactive',
    thresholdPercent: '80',
    tiers: [
      { fromPercent: '80', ratePercent: '2' },
      { fromPercent: '100', ratePercent: '4' },
      { fromPercent: '120', ratePercent: '6' },
    ],
    capAmount: null,
  },
  lines: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      lineNo: 1,
      kind: 'deal',
      sourceId: null,
      sourcePeriodStart: null,
      description: '招商银行 · 核心系统',
      occurredOn: '2026-08-12',
      amount: '1050000.00',
      share: '1',
      coefficient: '1',
      achievement: '1050000.000000',
      rebate: '42000.00',
      dispute: null,
    },
  ],
  approvedBy: null,
  paidBy: null,
  paymentReference: null,
  ...over,
});

const open = (path: string, role: Role, routes: Record<string, FakeRoute>, locale: Locale = 'en') => openAdmin(path, adminUser(role, { locale }), routes);

afterEach(() => vi.unstubAllGlobals());

describe('a rebate run’s progress', () => {
  it('shows percent, counts and "as of" while running, polls, and shows the finished run with its diff against the last run', async () => {
    let calls = 0;
    const { api } = open(`/admin/rebates/runs/${RUN_ID}`, 'channel_manager', {
      [`GET /api/rebate-runs/${RUN_ID}`]: () => {
        calls += 1;
        return calls < 2
          ? { json: run() }
          : {
              json: run({
                status: 'succeeded',
                done: 50,
                percent: 100,
                created: 30,
                updated: 15,
                unchanged: 4,
                locked: 1,
                finishedAt: '2026-11-28T02:00:09Z',
                diff: [
                  { partnerId: PARTNER_ID, partnerName: '华信智联科技有限公司', before: '30000.00', after: '42000.00' },
                  { partnerId: '00000000-0000-4000-8000-0000000000c2', partnerName: '兰亭科技有限公司', before: null, after: '1500.00' },
                ],
              }),
            };
      },
    });
    expect(await screen.findByRole('heading', { name: 'Rebate run Q3 2026' })).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByText('40%')).toBeInTheDocument();
    expect(screen.getByText('20 of 50 agreements')).toBeInTheDocument();
    expect(screen.getByTestId('run-count-created')).toHaveTextContent('12');
    expect(screen.getByTestId('run-count-locked')).toHaveTextContent('1');
    expect(screen.getByText('Running')).toBeInTheDocument();
    expect(screen.getByText('28 Nov 2026')).toBeInTheDocument();
    expect(screen.getByText('Final (period ended)')).toBeInTheDocument();

    // The page polls on its own; the finished run shows 100%, the counts and the diff against the last run.
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '100'), {
      timeout: 6000,
    });
    expect(screen.getByText('Succeeded')).toBeInTheDocument();
    expect(screen.getByTestId('run-count-created')).toHaveTextContent('30');
    const diff = screen.getByRole('table', { name: 'Change against the last run' });
    const huaxin = within(diff).getByText('华信智联科技有限公司').closest('tr')!;
    expect(within(huaxin).getByText('+¥12,000.00')).toBeInTheDocument();
    const lanting = within(diff).getByText('兰亭科技有限公司').closest('tr')!;
    expect(within(lanting).getByText('new')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '45 statements created or updated by this run' })).toHaveAttribute(
      'href',
      `/admin/rebates/statements?runId=${RUN_ID}`,
    );
    expect(screen.getByRole('link', { name: 'Statements' })).toHaveAttribute('href', '/admin/rebates/statements');

    // Finished: no more polling.
    const settled = api.calls.filter((c) => c.url.pathname === `/api/rebate-runs/${RUN_ID}`).length;
    await new Promise((r) => setTimeout(r, 3500));
    expect(api.calls.filter((c) => c.url.pathname === `/api/rebate-runs/${RUN_ID}`).length).toBe(settled);
  });

  it('starts a run for the chosen period and opens it; a second active run of the period is refused in words on the page', async () => {
    const posted: unknown[] = [];
    let refuse = false;
    const { router } = open('/admin/rebates/runs', 'channel_manager', {
      'GET /api/rebate-runs': json({ items: [] }),
      'POST /api/rebate-runs': (req) => {
        posted.push(req.body);
        return refuse
          ? {
              status: 409,
              body: {
                statusCode: 409,
                code: 'REBATE_RUN_ACTIVE',
                message: 'A run of 2026-H2 is already in progress.',
                details: { runId: RUN_ID },
              },
            }
          : { status: 201, body: run({ period: (req.body as { period: string }).period, status: 'queued', done: 0, percent: 0 }) };
      },
      [`GET /api/rebate-runs/${RUN_ID}`]: json(run({ period: '2026-H2', status: 'queued', done: 0, percent: 0 })),
    });
    await screen.findByRole('heading', { name: 'Rebates' });
    expect(screen.getByText('No run yet. Start one above.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'Period to run' }));
    await userEvent.click(await screen.findByRole('option', { name: 'H2 2026' }));
    refuse = true;
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect((await screen.findByText('A run of 2026-H2 is already in progress.')).closest('[role="alert"]')).toHaveTextContent('Refused');
    expect(screen.getByRole('link', { name: 'Open the active run' })).toBeInTheDocument();
    refuse = false;
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/rebates/runs/${RUN_ID}`));
    expect(posted).toEqual([{ period: '2026-H2' }, { period: '2026-H2' }]);
    expect(await screen.findByRole('heading', { name: 'Rebate run H2 2026' })).toBeInTheDocument();
  });

  it('reads Chinese', async () => {
    open(
      `/admin/rebates/runs/${RUN_ID}`,
      'vendor_admin',
      { [`GET /api/rebate-runs/${RUN_ID}`]: json(run({ status: 'succeeded', done: 50, percent: 100 })) },
      'zh-CN',
    );
    expect(await screen.findByRole('heading', { name: '返利计算 2026 年第 3 季度' })).toBeInTheDocument();
    expect(screen.getByText('已处理 50 / 50 份协议')).toBeInTheDocument();
    expect(screen.getByText('成功')).toBeInTheDocument();
    expect(screen.getByText('与上次计算相比没有变化。')).toBeInTheDocument();
  });
});

describe('statement approval', () => {
  const routes = (approve: FakeRoute): Record<string, FakeRoute> => ({
    [`GET /api/rebate-statements/${STATEMENT_ID}`]: json(statement()),
    [`POST /api/rebate-statements/${STATEMENT_ID}/approve`]: approve,
  });

  it('explains the figures: basis, tier, bands, rounding and the next tier', async () => {
    open(`/admin/rebates/statements/${STATEMENT_ID}`, 'channel_manager', routes(json(statement())));
    expect(await screen.findByRole('heading', { name: 'RS-2026-0007' })).toBeInTheDocument();
    expect(
      screen.getByText('Basis: 1 line, achievement ¥1,050,000.00 against a quota of ¥1,000,000.00 = 105% attainment.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Tier reached: Tier 2 · 4% \(retroactive: the whole basis at the reached rate\)/)).toBeInTheDocument();
    expect(
      screen.getByText('Next tier: ¥150,000.00 more achievement reaches 6% and would earn ¥72,000.00 (+¥30,000.00).'),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Band arithmetic' })).toHaveTextContent('from ¥0.00');
    expect(screen.getByText('1. 招商银行 · 核心系统')).toBeInTheDocument();
  });

  it('the run’s starter is refused: the API’s words stay on the page and the statement stays a draft', async () => {
    const approvals: unknown[] = [];
    open(
      `/admin/rebates/statements/${STATEMENT_ID}`,
      'channel_manager',
      routes((req) => {
        approvals.push(req.body);
        return {
          status: 403,
          body: {
            statusCode: 403,
            code: 'REBATE_SAME_APPROVER',
            message: 'You started the run that computed this statement: another user must approve it.',
          },
        };
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve statement RS-2026-0007?' });
    expect(within(dialog).getByText(/books the settlement of ¥42,000.00/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    const words = await screen.findByText('You started the run that computed this statement: another user must approve it.');
    expect(words.closest('[role="alert"]')).toHaveTextContent('Refused');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(approvals).toHaveLength(1);
    expect(screen.getByText('Draft')).toBeInTheDocument();
  });

  it('a second manager approves after confirming; the statement reads approved, with who and when, and offers payment', async () => {
    // The API's state: a draft until the approval, approved from then on.
    let current = statement();
    open(`/admin/rebates/statements/${STATEMENT_ID}`, 'vendor_admin', {
      [`GET /api/rebate-statements/${STATEMENT_ID}`]: () => ({ json: current }),
      [`POST /api/rebate-statements/${STATEMENT_ID}/approve`]: () => {
        current = statement({
          status: 'approved',
          approvedAt: '2026-11-28T03:00:00Z',
          approvedBy: { id: '00000000-0000-4000-8000-000000000002', name: 'Chen Jing' },
        });
        return { json: current };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Statement approved')).toBeInTheDocument();
    expect(await screen.findByText('Approved by Chen Jing on 28 Nov 2026, 11:00')).toBeInTheDocument();
    expect(screen.getByText('Approved')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeInTheDocument();
  });

  it('payment needs a reference, then books it with the date', async () => {
    const paid: unknown[] = [];
    const approved = { approvedAt: '2026-11-28T03:00:00Z', approvedBy: { id: 'x', name: 'Chen Jing' } };
    let current = statement({ status: 'approved', ...approved });
    open(`/admin/rebates/statements/${STATEMENT_ID}`, 'channel_manager', {
      [`GET /api/rebate-statements/${STATEMENT_ID}`]: () => ({ json: current }),
      [`POST /api/rebate-statements/${STATEMENT_ID}/pay`]: (req) => {
        paid.push(req.body);
        current = statement({ status: 'paid', paidOn: '2026-11-28', paymentReference: 'BOC-7781', ...approved });
        return { json: current };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Record payment' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(within(dialog).getByText('Enter the payment reference')).toBeInTheDocument();
    expect(paid).toHaveLength(0);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Payment reference' }), 'BOC-7781');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await screen.findByText('Paid on 28 Nov 2026 · reference BOC-7781')).toBeInTheDocument();
    expect(paid).toEqual([{ paidOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reference: 'BOC-7781' }]);
  });

  it('in its holding period the statement says from when it is payable and payment cannot be recorded yet', async () => {
    const held = statement({ status: 'approved', approvedAt: '2026-11-28T03:00:00Z', approvedBy: { id: 'x', name: 'Chen Jing' }, payableFrom: '2999-01-01' });
    open(`/admin/rebates/statements/${STATEMENT_ID}`, 'channel_manager', { [`GET /api/rebate-statements/${STATEMENT_ID}`]: json(held) });
    expect(await screen.findByText(/^Payable from .*2999 \(holding period\)$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeDisabled();
  });

  it('leadership reads the statement without approve or pay', async () => {
    open(`/admin/rebates/statements/${STATEMENT_ID}`, 'leadership', routes(json(statement())));
    expect(await screen.findByRole('heading', { name: 'RS-2026-0007' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });
});
