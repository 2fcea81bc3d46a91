import type { Segment } from '@partnerline/domain';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppProviders, fakeApi, initI18n } from '@partnerline/ui';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../../i18n';
import { EditSegmentModal } from './EditSegmentModal';

const segment: Segment = {
  id: '00000000-0000-4000-8000-0000000000aa',
  industryId: '00000000-0000-4000-8000-0000000000b1',
  regionId: '00000000-0000-4000-8000-0000000000c1',
  industryNameZh: '教育',
  industryNameEn: 'Education',
  regionNameZh: '合肥市',
  regionNameEn: 'Hefei',
  regionLevel: 'city',
  marketPotential: 36,
  expansionDifficulty: 49,
  strategy: 'smb',
  notes: null,
  updatedAt: '2026-11-22T19:00:00Z',
};

function renderModal(routes: Parameters<typeof fakeApi>[0] = {}, lang: 'en' | 'zh-CN' = 'en') {
  const api = fakeApi(routes);
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const onClose = vi.fn();
  render(
    <AppProviders i18n={initI18n(catalogue, lang)} queryClient={new QueryClient()}>
      <EditSegmentModal segment={segment} thresholds={{ highPotentialAt: 50, hardDifficultyAt: 50 }} onClose={onClose} />
    </AppProviders>,
  );
  return { api, onClose, preview: () => screen.getByTestId('quadrant-preview') };
}

async function setScore(label: string, value: string) {
  const input = screen.getByRole('textbox', { name: label });
  await userEvent.clear(input);
  if (value) await userEvent.type(input, value);
}

afterEach(() => vi.unstubAllGlobals());

describe('EditSegmentModal', () => {
  it('previews the quadrant as the scores change, before anything is saved', async () => {
    const { api, preview } = renderModal();
    expect(within(preview()).getAllByText('SMB partners')).toHaveLength(2); // now, and after saving
    await setScore('Market potential', '90');
    expect(within(preview()).getByText('Direct sales')).toBeInTheDocument();
    await setScore('Expansion difficulty', '80');
    expect(within(preview()).getByText('Strategic partners')).toBeInTheDocument();
    await setScore('Market potential', '10');
    expect(within(preview()).getByText('No investment')).toBeInTheDocument();
    // The legend marks the same quadrant.
    expect(screen.getByRole('cell', { current: true })).toHaveTextContent('No investment');
    expect(api.calls).toHaveLength(0);
  });

  it('refuses an out-of-range score at the field, without calling the server', async () => {
    const { api } = renderModal({}, 'zh-CN');
    await setScore('市场潜力', '150');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('分值范围为 0 到 100。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '市场潜力' })).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls).toHaveLength(0);
  });

  it("shows the server's field errors next to the fields", async () => {
    const { api, onClose } = renderModal({
      'PATCH /api/segments/00000000-0000-4000-8000-0000000000aa': () => ({
        status: 400,
        body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Invalid input', issues: [{ path: 'expansionDifficulty', code: 'validation.segment_score', message: 'Scores run from 0 to 100 (server).' }] },
      }),
    });
    await setScore('Expansion difficulty', '70');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Scores run from 0 to 100 (server).')).toBeInTheDocument();
    expect(api.calls[0].body).toEqual({ marketPotential: 36, expansionDifficulty: 70, notes: null });
    expect(api.calls[0].headers['Accept-Language']).toBe('en');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes after a successful save', async () => {
    const { onClose } = renderModal({ 'PATCH /api/segments/00000000-0000-4000-8000-0000000000aa': (req) => ({ json: { ...segment, ...(req.body as object), strategy: 'direct' } }) });
    await setScore('Market potential', '80');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
