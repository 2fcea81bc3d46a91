import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { AppProviders, initI18n } from '@partnerline/ui';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../i18n';
import { QuadrantLegend } from './QuadrantLegend';
import { StrategyBadge } from './StrategyBadge';

function renderIn(lang: 'zh-CN' | 'en', ui: React.ReactNode) {
  render(
    <AppProviders i18n={initI18n(catalogue, lang)} queryClient={new QueryClient()}>
      {ui}
    </AppProviders>,
  );
}

describe('channel-strategy pieces', () => {
  it('lays the four quadrants out as a 2×2 of potential and difficulty, in Chinese', () => {
    renderIn('zh-CN', <QuadrantLegend thresholds={{ highPotentialAt: 60, hardDifficultyAt: 40 }} />);
    const [high, low] = screen.getAllByRole('row').slice(1);
    expect(within(high).getByRole('rowheader')).toHaveTextContent('潜力高（≥ 60）');
    expect(within(high).getAllByRole('cell').map((c) => c.textContent)).toEqual([expect.stringContaining('直销'), expect.stringContaining('战略伙伴')]);
    expect(within(low).getAllByRole('cell').map((c) => c.textContent)).toEqual([expect.stringContaining('中小伙伴'), expect.stringContaining('不投入')]);
    expect(screen.getByRole('columnheader', { name: '难拓展（≥ 40）' })).toBeInTheDocument();
  });

  it('labels a strategy badge in the UI language', () => {
    renderIn('en', <StrategyBadge strategy="nurture" />);
    expect(screen.getByText('No investment')).toBeInTheDocument();
  });
});
