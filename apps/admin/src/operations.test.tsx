import type { JobRun, Locale, Role, User } from '@partnerline/domain';
import { AppProviders, createAppRouter, fakeApi, type FakeRoute, initI18n, json } from '@partnerline/ui';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from './i18n';
import { routeTree } from './routeTree.gen';

const user = (role: Role, locale: Locale = 'en'): User => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: `${role}@partnerline.demo`,
  displayName: 'Liu Yang',
  role,
  jobRole: null,
  partnerId: null,
  partnerName: null,
  locale,
  timeZone: 'Asia/Shanghai',
  disabled: false,
});

const run = (over: Partial<JobRun>): JobRun => ({
  id: crypto.randomUUID(),
  kind: 'registration-sweep',
  key: '2026-11-28T09:00',
  trigger: 'schedule',
  status: 'succeeded',
  queuedAt: '2026-11-28T01:00:02Z',
  startedAt: '2026-11-28T01:00:03Z',
  finishedAt: '2026-11-28T01:00:05Z',
  processed: 12,
  total: 12,
  cursor: null,
  lastError: null,
  instanceId: 'api-1:4242',
  attempt: 1,
  requestedBy: null,
  ...over,
});

const running = run({ kind: 'training-sweep', status: 'running', processed: 40, total: 100, finishedAt: null });
const failed = run({ kind: 'agreement-sweep', status: 'failed', lastError: 'connection terminated', attempt: 3 });
const done = run({});

function openOperations(role: Role, locale: Locale, runs: JobRun[], extra: Record<string, FakeRoute> = {}) {
  const api = fakeApi({
    'GET /api/auth/me': json(user(role, locale)),
    'GET /api/notifications': json({ items: [], unread: 0 }),
    'GET /api/reporting/home': json({
      partners: { applied: 0, screening: 0, trial: 0, active: 0 },
      registrationsInReview: 0,
      openConflicts: 0,
      overdueReviews: 0,
      newSupportRequests: 0,
    }),
    'GET /api/operations/jobs': json({
      items: [
        { kind: 'agreement-sweep', schedule: '0 * * * *', timeZone: 'Asia/Shanghai', enabled: true, lastRun: failed },
        { kind: 'registration-sweep', schedule: '0 * * * *', timeZone: 'Asia/Shanghai', enabled: true, lastRun: done },
        { kind: 'training-sweep', schedule: '0 * * * *', timeZone: 'Asia/Shanghai', enabled: true, lastRun: running },
      ],
    }),
    'GET /api/operations/job-runs': json({ items: runs }),
    ...extra,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const { router, queryClient } = createAppRouter(routeTree, '/admin', {
    history: createMemoryHistory({ initialEntries: ['/admin/operations'] }),
  });
  render(
    <AppProviders i18n={initI18n(catalogue, locale)} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, api };
}

afterEach(() => vi.unstubAllGlobals());

describe('the Operations page', () => {
  it('shows each job with its schedule and last run, and recent runs with progress, duration and errors', async () => {
    openOperations('vendor_admin', 'en', [running, failed, done]);
    expect(await screen.findByRole('heading', { name: 'Operations' })).toBeInTheDocument();
    const jobs = screen.getByRole('table', { name: 'Scheduled jobs' });
    const agreementRow = within(jobs).getByText('Agreement sweep').closest('tr')!;
    expect(within(agreementRow).getByText('Every hour, on the hour')).toBeInTheDocument();
    expect(within(agreementRow).getByText('Failed')).toBeInTheDocument();
    const recent = screen.getByRole('table', { name: 'Recent runs' });
    const trainingRow = within(recent).getByText('Training sweep').closest('tr')!;
    expect(within(trainingRow).getByText('40 of 100')).toBeInTheDocument();
    expect(within(trainingRow).getByRole('progressbar', { name: '40 of 100' })).toHaveAttribute('aria-valuenow', '40');
    const failedRow = within(recent).getByText('Agreement sweep').closest('tr')!;
    expect(within(failedRow).getByText('connection terminated')).toBeInTheDocument();
    expect(within(failedRow).getByText('2 s')).toBeInTheDocument();
    expect(within(failedRow).getByText(/attempt 3/)).toBeInTheDocument();
  });

  it('"Run now" posts a fresh key for that job and says it is queued', async () => {
    const posted: { kind: string; key: unknown }[] = [];
    openOperations('vendor_admin', 'en', [done], {
      'POST /api/operations/jobs/agreement-sweep/run': (req) => {
        posted.push({ kind: 'agreement-sweep', key: (req.body as { key?: string }).key });
        return {
          status: 202,
          body: run({ kind: 'agreement-sweep', trigger: 'manual', key: 'manual:x', status: 'queued', startedAt: null, finishedAt: null }),
        };
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Run Agreement sweep now' }));
    expect(await screen.findByText('Agreement sweep is queued and starts within seconds.')).toBeInTheDocument();
    expect(posted).toHaveLength(1);
    expect(posted[0].key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refreshes every few seconds while a run is active', async () => {
    const active = openOperations('vendor_admin', 'en', [running]);
    await screen.findByRole('heading', { name: 'Operations' });
    const runCalls = () => active.api.calls.filter((c) => c.url.pathname === '/api/operations/job-runs').length;
    const before = runCalls();
    await waitFor(() => expect(runCalls()).toBeGreaterThan(before), { timeout: 6000 });
  });

  it('does not poll when every run has finished', async () => {
    const idle = openOperations('vendor_admin', 'en', [done, failed]);
    await screen.findByRole('heading', { name: 'Operations' });
    const runCalls = () => idle.api.calls.filter((c) => c.url.pathname === '/api/operations/job-runs').length;
    const before = runCalls();
    await new Promise((r) => setTimeout(r, 4000));
    expect(runCalls()).toBe(before);
  });

  it('reads Chinese end to end', async () => {
    openOperations('vendor_admin', 'zh-CN', [running, failed]);
    expect(await screen.findByRole('heading', { name: '运维' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^立即运行/ })).toHaveLength(3);
    expect(screen.getAllByText('运行中').length).toBeGreaterThan(0);
    expect(screen.getByText('40 / 100')).toBeInTheDocument();
  });

  it('is for vendor admins only: a channel manager is told so, with the role named (issue #13: no silent redirect)', async () => {
    const { router } = openOperations('channel_manager', 'en', []);
    expect(await screen.findByRole('heading', { name: 'You don’t have access to this page' })).toBeInTheDocument();
    expect(screen.getByText('Your role (Channel manager) cannot use this page. Ask an administrator if you need it.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/operations');
    expect(within(await screen.findByRole('navigation', { name: 'Navigation' })).queryByRole('link', { name: 'Operations' })).toBeNull();
  });
});
