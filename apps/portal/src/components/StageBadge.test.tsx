import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { AppProviders, initI18n } from '@partnerline/ui';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../i18n';
import { StageBadge } from '@partnerline/ui';

describe('StageBadge', () => {
  it('tells the applicant where it stands, in its language', () => {
    render(
      <AppProviders i18n={initI18n(catalogue, 'zh-CN')} queryClient={new QueryClient()}>
        <StageBadge stage="info_requested" />
      </AppProviders>,
    );
    expect(screen.getByText('待补充信息')).toBeInTheDocument();
  });
});
