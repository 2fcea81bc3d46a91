import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
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
  it('names the four quadrants in Chinese', () => {
    renderIn('zh-CN', <QuadrantLegend />);
    for (const name of ['直销', '战略伙伴', '中小伙伴', '不投入']) expect(screen.getByText(name)).toBeInTheDocument();
  });

  it('labels a strategy badge in the UI language', () => {
    renderIn('en', <StrategyBadge strategy="nurture" />);
    expect(screen.getByText('No investment')).toBeInTheDocument();
  });
});
