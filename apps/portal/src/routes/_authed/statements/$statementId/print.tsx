import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { basisLineCount, type Locale, statementLinesTotal } from '@partnerline/domain';
import { formatDate, formatDateTime, formatMoney, formatPercent, orNotFound, useLocale, uuidParam } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { statementQueryOptions } from '../../../../api/rebates';
import { Explanation, useTierName } from '../../../../components/rebates';
import { shareTimesCoefficient } from '../-components/rows';

export const Route = createFileRoute('/_authed/statements/$statementId/print')({
  params: { parse: (p) => ({ statementId: uuidParam(p.statementId) }), stringify: (p) => p },
  loader: ({ context, params }) => orNotFound(context.queryClient.ensureQueryData(statementQueryOptions(params.statementId))),
  component: PrintableStatement,
});

/** On paper only the statement: the app's header and navigation and this page's own controls are left out. */
const PRINT_CSS = `@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, [data-print-hide] { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; background: white !important; }
  [data-print-sheet] { box-shadow: none !important; border: none !important; padding: 0 !important; }
  .mantine-ScrollArea-viewport, .mantine-Table-scrollContainer { overflow: visible !important; }
}`;

/**
 * The printable statement in either language (chosen here, independent of the UI language): figures with thousands
 * separators, the explanation and every line. "Print" opens the browser's dialog (save as PDF there).
 */
function PrintableStatement() {
  const { t, i18n } = useTranslation();
  const uiLocale = useLocale();
  const [lang, setLang] = useState<Locale>(uiLocale);
  const { statementId } = Route.useParams();
  // The sheet's own language: a clone of the app's instance (same catalogue), so switching it leaves the UI as it is.
  const printI18n = useMemo(() => (lang === i18n.language ? i18n : i18n.cloneInstance({ lng: lang })), [i18n, lang]);
  return (
    <Stack maw={1000}>
      <style>{PRINT_CSS}</style>
      <Group justify="space-between" data-print-hide>
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/statements/$statementId" params={{ statementId }} />}>
          ← {t('rebates.statement.backToStatement')}
        </Anchor>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('rebates.print.language')}
            value={lang}
            onChange={(v) => setLang(v as Locale)}
            data={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
            {t('rebates.print.print')}
          </Button>
        </Group>
      </Group>
      <I18nextProvider i18n={printI18n}>
        <Sheet statementId={statementId} locale={lang} />
      </I18nextProvider>
    </Stack>
  );
}

function Sheet({ statementId, locale }: { statementId: string; locale: Locale }) {
  const { t } = useTranslation();
  const tierName = useTierName();
  const { data: s } = useSuspenseQuery(statementQueryOptions(statementId));
  const money = (x: string | null | undefined) => formatMoney(x, locale);
  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th w="40%">{label}</Table.Th>
      <Table.Td ta="right">{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Paper p={{ base: 'md', sm: 'xl' }} withBorder data-print-sheet lang={locale}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3}>{t('rebates.print.title')}</Title>
            <Text size="sm">{s.partnerName}</Text>
          </Stack>
          <Stack gap={2} align="flex-end">
            <Text fw={600}>{s.number}</Text>
            <Text size="sm">{t(`rebates.status.${s.status}`)}</Text>
          </Stack>
        </Group>
        <Text size="sm">
          {t('rebates.statement.periodLine', {
            type: t(`agreementType.${s.agreementType}`),
            start: formatDate(s.periodStart, locale),
            end: formatDate(s.periodEnd, locale),
            asOf: formatDate(s.asOf, locale),
          })}
        </Text>
        <Table withTableBorder withColumnBorders fz="sm" maw={520}>
          <Table.Tbody>
            {row(t('rebates.statement.quota'), money(s.quota))}
            {row(t('rebates.statement.achievement'), money(s.achievement))}
            {row(t('rebates.statement.attainment'), formatPercent(s.attainmentPercent, locale))}
            {row(t('rebates.statement.tier'), tierName(s.programme, s.tierIndex))}
            {row(t('rebates.statement.earned'), money(s.earned))}
            {row(t('rebates.statement.alreadySettled'), money(s.alreadySettled))}
            {row(t('rebates.statement.adjustments'), money(s.adjustments))}
            {row(t('rebates.statement.payable'), <b>{money(s.payable)}</b>)}
            {s.approvedAt && row(t('rebates.statement.approvedAt'), formatDateTime(s.approvedAt, locale))}
            {s.paidOn && row(t('rebates.statement.paidAt'), `${formatDate(s.paidOn, locale)} · ${s.paymentReference ?? ''}`)}
          </Table.Tbody>
        </Table>
        <Title order={5}>{t('rebates.statement.explanation')}</Title>
        <Explanation result={s.explanation} programme={s.programme} lines={basisLineCount(s.lines)} />
        <Title order={5}>{t('rebates.statement.lines')}</Title>
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder fz="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('rebates.statement.kind')}</Table.Th>
                <Table.Th>{t('rebates.statement.description')}</Table.Th>
                <Table.Th>{t('rebates.statement.occurredOn')}</Table.Th>
                <Table.Th ta="right">{t('rebates.statement.amount')}</Table.Th>
                <Table.Th ta="right">{t('rebates.statement.shareCoefficient')}</Table.Th>
                <Table.Th ta="right">{t('rebates.statement.rebate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.lines.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.lineNo}</Table.Td>
                  <Table.Td>{t(`rebates.kind.${l.kind}`)}</Table.Td>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(l.occurredOn, locale)}</Table.Td>
                  <Table.Td ta="right">{money(l.amount)}</Table.Td>
                  <Table.Td ta="right">{shareTimesCoefficient(l, locale)}</Table.Td>
                  <Table.Td ta="right">{money(l.rebate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={6} ta="right">
                  {t('rebates.statement.total')}
                </Table.Th>
                <Table.Th ta="right">{money(statementLinesTotal(s.lines))}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">
          {t('rebates.statement.allocationNote')}
        </Text>
      </Stack>
    </Paper>
  );
}
