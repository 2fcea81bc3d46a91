import { SupportMessageInputSchema } from '@partnerline/domain';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppProviders } from './AppProviders';
import { zodForm } from './forms';
import { initI18n } from './i18n';
import { STATUS_COLOR } from './status';
import { StageBadge, StatusBadge } from './StatusBadge';
import { uiCatalogue } from './ui.catalogue';

describe('zodForm', () => {
  const schema = z.object({ name: z.string().trim().min(1), lines: z.array(z.object({ qty: z.number().int().min(1) })) });

  it('words a refused field in the UI language, keyed by the schema path', () => {
    initI18n({ en: {}, 'zh-CN': {} }, 'zh-CN');
    const form = zodForm(schema, (v: { name: string; lines: { qty: string }[] }) => ({
      ...v,
      lines: v.lines.map((l) => ({ qty: Number(l.qty) })),
    }));
    const errors = form.validate({ name: ' ', lines: [{ qty: '2' }, { qty: '0' }] });
    expect(Object.keys(errors).sort()).toEqual(['lines.1.qty', 'name']);
    expect(errors.name).toBe('此项为必填项。');
    expect(form.validate({ name: 'x', lines: [{ qty: '3' }] })).toEqual({});
    expect(form.parse({ name: ' x ', lines: [{ qty: '3' }] })).toEqual({ name: 'x', lines: [{ qty: 3 }] });
  });

  it("lets a page word a field's refusal its own way", () => {
    initI18n({ en: {}, 'zh-CN': {} }, 'en');
    const form = zodForm(SupportMessageInputSchema, undefined, { body: 'Write a reply first.' });
    expect(form.validate({ body: '   ' })).toEqual({ body: 'Write a reply first.' });
  });
});

describe('StatusBadge', () => {
  const renderIn = (lang: 'zh-CN' | 'en', node: React.ReactNode) =>
    render(
      <AppProviders i18n={initI18n({ en: {}, 'zh-CN': {} }, lang)} queryClient={new QueryClient()}>
        {node}
      </AppProviders>,
    );

  it('has a word in both languages for every status it colours', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const words = uiCatalogue[lang].status as Record<string, Record<string, string>>;
      for (const [kind, colours] of Object.entries(STATUS_COLOR))
        expect(Object.keys(words[kind] ?? {}).sort(), `${lang} ${kind}`).toEqual(Object.keys(colours).sort());
    }
  });

  it('reads the same for the vendor and the partner', () => {
    renderIn('zh-CN', <StatusBadge kind="registration" value="approved" />);
    expect(screen.getByText('保护中')).toBeInTheDocument();
  });

  it("words the applicant's own stage for the applicant and the pipeline stage for the vendor", () => {
    renderIn(
      'en',
      <>
        <StageBadge stage="applied" />
        <StageBadge stage="applied" audience="vendor" />
      </>,
    );
    expect(screen.getByText('Application received')).toBeInTheDocument();
    expect(screen.getByText('Applied')).toBeInTheDocument();
  });
});
