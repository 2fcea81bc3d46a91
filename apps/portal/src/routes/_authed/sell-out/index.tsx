import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconFileSpreadsheet, IconReplace, IconUpload } from '@tabler/icons-react';
import { IMPORT_MAX_BYTES, SELL_OUT_COLUMNS, SellOutRefusalSchema, SellOutReportExistsSchema } from '@partnerline/domain';
import { ApiError, EmptyCard, formatDate, formatDateTime, formatMoney, PageHeader, ResponsiveTable, useLocale } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { myAgreementsQueryOptions } from '../../../api/portal';
import { performanceQueryOptions, type SellOutRefusal, sellOutReportsQueryOptions, useUploadSellOut } from '../../../api/rebates';
import { download, toCsv } from '../../../components/rebates';

export const Route = createFileRoute('/_authed/sell-out/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(myAgreementsQueryOptions()),
  component: SellOutPage,
});

function SellOutPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: agreements } = useSuspenseQuery(myAgreementsQueryOptions());
  const distribution = agreements.items.filter((a) => a.type === 'distribution' && ['active', 'expired'].includes(a.status));
  const [agreementId, setAgreementId] = useState<string | null>(distribution[0]?.id ?? null);
  const { data: perf } = useQuery({ ...performanceQueryOptions(agreementId ?? ''), enabled: !!agreementId });
  const [periodStart, setPeriodStart] = useState<string | null>(null);
  const period = periodStart ?? perf?.period?.start ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [rejected, setRejected] = useState<SellOutRefusal | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // 409 SELL_OUT_REPORT_EXISTS: the period has a report; the partner may replace it (the old one stops counting).
  const [exists, setExists] = useState<{ fileName: string; createdAt: string; acceptGoodRows: boolean } | null>(null);
  const upload = useUploadSellOut();
  const reports = useQuery(sellOutReportsQueryOptions(agreementId));

  const pick = (f: File | null) => {
    setRejected(null);
    setExists(null);
    upload.reset();
    setFileError(
      f && f.size > IMPORT_MAX_BYTES ? t('rebates.sellOut.tooBig') : f && !/\.(csv|xlsx)$/i.test(f.name) ? t('rebates.sellOut.wrongType') : null,
    );
    setFile(f);
  };

  const send = (acceptGoodRows: boolean, replace = false) => {
    if (!agreementId || !period || !file || fileError) return;
    upload.mutate(
      { agreementId, periodStart: period, file, acceptGoodRows, replace },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'green',
            message: t('rebates.sellOut.imported', { count: r.importedCount, amount: formatMoney(r.amount, locale) }),
          });
          setRejected(null);
          setExists(null);
          setFile(null);
        },
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          // The row report (every bad row and why): nothing was stored; the partner fixes the file or imports the good rows.
          const refusal = e.code === 'SELL_OUT_ROWS_INVALID' ? SellOutRefusalSchema.safeParse(e.details) : null;
          if (refusal?.success) setRejected(refusal.data);
          if (e.code === 'SELL_OUT_REPORT_EXISTS') {
            const current = SellOutReportExistsSchema.safeParse(e.details);
            setExists({ fileName: current.data?.fileName ?? '', createdAt: current.data?.createdAt ?? '', acceptGoodRows });
          }
        },
      },
    );
  };

  const template = () =>
    download(
      'sell-out-template.csv',
      toCsv([
        Object.keys(SELL_OUT_COLUMNS),
        [period ?? '2026-01-01', t('rebates.sellOut.templateCustomer'), 'SKU-CODE', 10, '12000.00'],
      ]),
    );

  if (!distribution.length) {
    return (
      <Stack maw={1000}>
        <PageHeader title={t('rebates.sellOut.title')} subtitle={t('rebates.sellOut.subtitle')} />
        <EmptyCard icon={IconFileSpreadsheet}>{t('rebates.sellOut.noDistribution')}</EmptyCard>
      </Stack>
    );
  }

  return (
    <Stack maw={1000}>
      <PageHeader title={t('rebates.sellOut.title')} subtitle={t('rebates.sellOut.subtitle')} />
      <Card>
        <Stack>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('performance.agreement')}
              allowDeselect={false}
              w={{ base: '100%', xs: 300 }}
              data={distribution.map((a) => ({ value: a.id, label: a.number }))}
              value={agreementId}
              onChange={(v) => {
                setAgreementId(v);
                setPeriodStart(null);
                pick(null);
              }}
            />
            <Select
              label={t('performance.period')}
              allowDeselect={false}
              w={{ base: '100%', xs: 340 }}
              data={(perf?.periods ?? []).map((p) => ({
                value: p.start,
                label: t('performance.periodOption', { n: p.index, start: formatDate(p.start, locale), end: formatDate(p.end, locale) }),
              }))}
              value={period}
              onChange={(v) => {
                setPeriodStart(v);
                pick(null);
              }}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('rebates.sellOut.format')}{' '}
            <Button variant="subtle" size="compact-sm" leftSection={<IconDownload size={14} />} onClick={template}>
              {t('rebates.sellOut.template')}
            </Button>
          </Text>
          <FileInput
            label={t('rebates.sellOut.file')}
            placeholder={t('rebates.sellOut.filePlaceholder')}
            leftSection={<IconFileSpreadsheet size={16} />}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            clearable
            value={file}
            onChange={pick}
            error={fileError}
          />
          <Group justify="flex-end">
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={!file || !period || !!fileError || !!rejected || !!exists}
              loading={upload.isPending && upload.variables?.acceptGoodRows === false}
              onClick={() => send(false)}
            >
              {t('rebates.sellOut.upload')}
            </Button>
          </Group>
          {exists && (
            <Alert color="yellow" icon={<IconReplace size={16} />} title={t('rebates.sellOut.existsTitle')} data-testid="report-exists">
              <Stack gap="sm">
                <Text size="sm">
                  {t('rebates.sellOut.existsBody', {
                    file: exists.fileName,
                    at: exists.createdAt ? formatDateTime(exists.createdAt, locale) : '—',
                  })}
                </Text>
                <Group justify="flex-end" gap="sm">
                  <Button variant="default" onClick={() => pick(null)}>
                    {t('rebates.sellOut.keepReport')}
                  </Button>
                  <Button color="yellow" leftSection={<IconReplace size={16} />} loading={upload.isPending} onClick={() => send(exists.acceptGoodRows, true)}>
                    {t('rebates.sellOut.replaceReport')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {upload.isError && !rejected && !exists && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />}>
              {upload.error.message}
            </Alert>
          )}
        </Stack>
      </Card>
      {rejected && (
        <Card withBorder style={{ borderColor: 'var(--mantine-color-orange-4)' }} data-testid="row-report">
          <Stack>
            <Alert
              color="orange"
              icon={<IconAlertTriangle size={16} />}
              title={t('rebates.sellOut.rejectedTitle', { count: rejected.badRows.length, rows: rejected.rowCount })}
            >
              {t('rebates.sellOut.rejectedBody')}
            </Alert>
            <Table.ScrollContainer minWidth={360}>
              <Table fz="sm" aria-label={t('rebates.sellOut.rowReport')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rebates.sellOut.row')}</Table.Th>
                    <Table.Th>{t('rebates.sellOut.field')}</Table.Th>
                    <Table.Th>{t('rebates.sellOut.why')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rejected.issues.map((i, k) => (
                    <Table.Tr key={k}>
                      <Table.Td>{i.row}</Table.Td>
                      <Table.Td>{t(`rebates.sellOut.fields.${i.field}`)}</Table.Td>
                      <Table.Td>{t(`rebates.sellOut.codes.${i.code}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rejected.issueCount > rejected.issues.length && (
              <Text size="sm" c="dimmed">
                {t('rebates.sellOut.moreIssues', { shown: rejected.issues.length, count: rejected.issueCount })}
              </Text>
            )}
            <Text size="sm">
              {t('rebates.sellOut.secondStep', { count: rejected.rowCount - rejected.badRows.length })}
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => pick(null)}>
                {t('rebates.sellOut.fixFile')}
              </Button>
              <Button
                color="orange"
                disabled={rejected.rowCount - rejected.badRows.length <= 0}
                loading={upload.isPending && upload.variables?.acceptGoodRows === true}
                onClick={() => send(true)}
              >
                {t('rebates.sellOut.importGood')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Title order={4}>{t('rebates.sellOut.reports')}</Title>
      {reports.data && reports.data.items.length > 0 ? (
        <ResponsiveTable
          label={t('rebates.sellOut.reports')}
          minWidth={700}
          rows={reports.data.items}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'file',
              header: t('rebates.sellOut.fileName'),
              primary: true,
              cell: (r) => (
                <Text size="sm" fw={500}>
                  {r.fileName}
                </Text>
              ),
            },
            { key: 'period', header: t('performance.period'), cell: (r) => formatDate(r.periodStart, locale) },
            { key: 'lines', header: t('rebates.sellOut.lines'), align: 'right', cell: (r) => `${r.importedCount} / ${r.rowCount}` },
            { key: 'skipped', header: t('rebates.sellOut.skipped'), cell: (r) => (r.skippedRows.length ? r.skippedRows.join(', ') : '—') },
            { key: 'amount', header: t('rebates.sellOut.amount'), align: 'right', cell: (r) => formatMoney(r.amount, locale) },
            { key: 'at', header: t('rebates.sellOut.uploadedAt'), cell: (r) => formatDateTime(r.createdAt, locale) },
            {
              key: 'state',
              header: t('rebates.sellOut.state'),
              cell: (r) =>
                r.supersededAt ? (
                  <Badge color="gray" variant="light" title={formatDateTime(r.supersededAt, locale)}>
                    {t('rebates.sellOut.superseded')}
                  </Badge>
                ) : (
                  <Badge color="green" variant="light">
                    {t('rebates.sellOut.current')}
                  </Badge>
                ),
            },
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('rebates.sellOut.noReports')}
        </Text>
      )}
      {perf && (
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/performance" search={{ agreementId: agreementId ?? undefined }} />}>
          {t('rebates.sellOut.toPerformance')}
        </Anchor>
      )}
    </Stack>
  );
}
