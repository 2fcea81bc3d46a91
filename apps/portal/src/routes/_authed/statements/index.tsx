import { Anchor, Badge, Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconReceipt } from '@tabler/icons-react';
import {
  EmptyCard,
  errorMessage,
  formatDate,
  formatMoney,
  formatPercent,
  PageHeader,
  Pager,
  ResponsiveTable,
  useLocale,
} from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ledgerPage, statementsQueryOptions } from '../../../api/rebates';
import { download, StatementStatus, toCsv } from '../../../components/rebates';
import { ledgerRows } from './-components/rows';

const PAGE_SIZE = 50;
const Search = z.object({ page: z.coerce.number().int().min(1).optional().catch(undefined) });

export const Route = createFileRoute('/_authed/statements/')({
  validateSearch: Search,
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(statementsQueryOptions(deps.page, PAGE_SIZE)),
  component: StatementsPage,
});

function StatementsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate({ from: '/statements/' });
  const page = Route.useSearch().page ?? 1;
  const { data } = useSuspenseQuery(statementsQueryOptions(page, PAGE_SIZE));
  const [exporting, setExporting] = useState(false);

  /** Reads every page of the organisation's ledger and saves it as CSV (the reconciliation export). */
  const exportLedger = async () => {
    setExporting(true);
    try {
      const size = 200;
      const first = await ledgerPage(1, size);
      const items = [...first.items];
      for (let p = 2; items.length < first.total && p <= Math.ceil(first.total / size); p++)
        items.push(...(await ledgerPage(p, size)).items);
      // Oldest first, in booking order: the order an accountant reconciles in.
      items.sort((a, b) => a.bookedOn.localeCompare(b.bookedOn) || Number(a.id) - Number(b.id));
      download(`ledger-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(ledgerRows(items, first.totals, t)));
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack maw={1200}>
      <PageHeader
        title={t('rebates.statements.title')}
        subtitle={t('rebates.statements.subtitle')}
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void exportLedger()}>
            {t('rebates.statements.reconciliation')}
          </Button>
        }
      />
      {data.items.length === 0 ? (
        <EmptyCard icon={IconReceipt}>{t('rebates.statements.none')}</EmptyCard>
      ) : (
        <ResponsiveTable
          label={t('rebates.statements.title')}
          minWidth={820}
          rows={data.items}
          rowKey={(s) => s.id}
          columns={[
            {
              key: 'number',
              header: t('rebates.statement.number'),
              primary: true,
              cell: (s) => (
                <Anchor
                  fw={600}
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                  renderRoot={(props) => <Link {...props} to="/statements/$statementId" params={{ statementId: s.id }} />}
                >
                  {s.number}
                </Anchor>
              ),
            },
            { key: 'status', header: t('rebates.statement.status'), aside: true, cell: (s) => <StatementStatus status={s.status} /> },
            {
              key: 'period',
              header: t('rebates.statement.period'),
              cell: (s) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(s.periodStart, locale)} – {formatDate(s.periodEnd, locale)}
                </span>
              ),
            },
            {
              key: 'attainment',
              header: t('rebates.statement.attainment'),
              align: 'right',
              cell: (s) => formatPercent(s.attainmentPercent, locale),
            },
            {
              key: 'tier',
              header: t('rebates.statement.tier'),
              cell: (s) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {s.tierIndex === null
                    ? t('performance.noTier')
                    : t('rebates.statement.tierRate', { n: s.tierIndex + 1, rate: formatPercent(s.ratePercent, locale) })}
                </span>
              ),
            },
            {
              key: 'payable',
              header: t('rebates.statement.payable'),
              align: 'right',
              cell: (s) => <b>{formatMoney(s.payable, locale)}</b>,
            },
            {
              key: 'disputes',
              header: t('rebates.statement.disputes'),
              cell: (s) =>
                s.openDisputes > 0 ? (
                  <Badge color="orange" variant="light">
                    {t('rebates.statements.openDisputes', { count: s.openDisputes })}
                  </Badge>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      <Pager
        total={data.total}
        pageSize={PAGE_SIZE}
        page={page}
        onChange={(p) => void navigate({ search: { page: p } })}
        justify="center"
        size="md"
      />
    </Stack>
  );
}
