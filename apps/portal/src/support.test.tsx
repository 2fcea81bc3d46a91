import { json } from '@partnerline/ui';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPortal, portalUser } from './test/open-portal';

afterEach(() => vi.unstubAllGlobals());

const REQUEST = '00000000-0000-4000-8000-000000000b01';

describe('support requests', () => {
  it('checks the requested funds before sending a marketing request', async () => {
    const { api } = openPortal('/portal/support/new', portalUser('partner_user'), {
      'POST /api/support-requests': () => ({ status: 201, body: { id: REQUEST } }),
      'GET /api/support-requests': json([]),
      [`GET /api/support-requests/${REQUEST}`]: json({
        id: REQUEST, number: 'SR-2026-0001', partnerId: '00000000-0000-4000-8000-0000000000a1', partnerName: 'Huaxin', kind: 'marketing_support', subject: 'Spring roadshow', status: 'open',
        requestedFunds: '50000.00', approvedFunds: null, fundsStatus: 'requested', activityDate: '2026-05-20', assigneeId: null, assigneeName: null, createdByName: '王磊',
        createdAt: '2026-03-01T02:00:00Z', updatedAt: '2026-03-01T02:00:00Z', messages: [{ id: '00000000-0000-4000-8000-000000000c01', authorName: '王磊', authorSide: 'partner', body: 'Roadshow in Hangzhou.', createdAt: '2026-03-01T02:00:00Z' }],
      }),
    });
    await userEvent.click(await screen.findByRole('radio', { name: 'Marketing activity support' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Subject' }), 'Spring roadshow');
    await userEvent.type(screen.getByRole('textbox', { name: /Description/ }), 'Roadshow in Hangzhou.');
    await userEvent.type(screen.getByRole('textbox', { name: /Requested funds/ }), 'lots');
    await userEvent.click(screen.getByRole('button', { name: 'Submit request' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Requested funds/ })).toHaveAttribute('aria-invalid', 'true'));
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.clear(screen.getByRole('textbox', { name: /Requested funds/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /Requested funds/ }), '50000');
    await userEvent.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByRole('heading', { name: 'Spring roadshow' })).toBeInTheDocument();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ kind: 'marketing_support', subject: 'Spring roadshow', requestedFunds: '50000', activityDate: null });
    expect(screen.getByText('Roadshow in Hangzhou.')).toBeInTheDocument();
    expect(screen.getByText('Funds requested')).toBeInTheDocument();
  });
});
