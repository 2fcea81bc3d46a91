import { Alert, Anchor, Button, Card, FileInput, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { businessDateOf, InvoiceInputSchema, InvoicePaidSchema, PaymentImportRefusalSchema } from '@partnerline/domain';
import { ApiError, ErrorSummary, errorMessage, Fact, fieldPathProps, formatDate, formatNumber, formatPercent, meQueryOptions, Pager, ResponsiveTable, STATUS_COLOR, useLocale, zodForm } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { paymentsQueryOptions, REBATES_PAGE_SIZE, useAddInvoice, useImportPayments, useMarkInvoicePaid } from '../../../api/rebates';
import type { InvoiceView as Invoice } from '@partnerline/domain';
import { canManageRebates } from '../../../nav';
import { fieldSpecs } from '../../../form-fields';
import { useMoney } from './-components/bits';
import { PartnerFilter, PartnerSelect } from './-components/PartnerFilter';
import { RebateDialog } from './-components/RebateDialog';
import { onRefused } from '../../../refusal';
import { RebatesHeader } from './-components/RebatesHeader';

const SearchSchema = z.object({ partnerId: z.uuid().optional(), page: z.number().int().min(1).max(1000).optional() });
type Search = z.infer<typeof SearchSchema>;

export const Route = createFileRoute('/_authed/rebates/payments')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.prefetchQuery(paymentsQueryOptions(deps)),
  component: PaymentsPage,
});


function PaymentsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const set = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page }) });
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const { data, error } = useQuery(paymentsQueryOptions(search));
  const money = useMoney();
  const manage = canManageRebates(me?.role);
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null);
  const [paying, setPaying] = useState<Invoice | null>(null);
  const integrity = data?.integrity;
  const columns = [
    {
      key: 'invoiceNo',
      header: t('rebates.payments.invoiceNo'),
      primary: true,
      cell: (i: Invoice) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {i.invoiceNo}
          </Text>
          <Anchor
            size="xs"
            c="dimmed"
            renderRoot={(props) => <Link {...props} to="/rebates/payments" search={{ partnerId: i.partnerId }} />}
          >
            {i.partnerName}
          </Anchor>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('rebates.status'),
      aside: true,
      cell: (i: Invoice) => (
        <Text size="sm" fw={600} c={STATUS_COLOR.invoice[i.status]} component="span">
          {i.daysOverdue > 0 ? t('rebates.payments.overdueBy', { count: i.daysOverdue }) : t(`rebates.payments.status.${i.status}`)}
        </Text>
      ),
    },
    { key: 'amount', header: t('rebates.payments.amount'), align: 'right' as const, cell: (i: Invoice) => money(i.amount) },
    { key: 'dueOn', header: t('rebates.payments.dueOn'), cell: (i: Invoice) => formatDate(i.dueOn, locale) },
    {
      key: 'paidOn',
      header: t('rebates.payments.paidOn'),
      cell: (i: Invoice) => (i.paidOn ? formatDate(i.paidOn, locale) : t('rebates.payments.unpaid')),
    },
    { key: 'source', header: t('rebates.payments.sourceTitle'), cell: (i: Invoice) => t(`rebates.payments.source.${i.source}`) },
    {
      key: 'action',
      header: '',
      cell: (i: Invoice) =>
        manage && !i.paidOn ? (
          <Button size="xs" variant="light" onClick={() => setPaying(i)}>
            {t('rebates.payments.markPaid')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Stack maw={1300}>
      <RebatesHeader
        active="payments"
        actions={
          manage ? (
            <Group gap="xs">
              <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('add')}>
                {t('rebates.payments.add')}
              </Button>
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setDialog('import')}>
                {t('rebates.payments.import')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <Card p="sm">
        <PartnerFilter value={search.partnerId} onChange={(partnerId) => set({ partnerId })} w={{ base: '100%', sm: 280 }} />
      </Card>
      {integrity && (
        <Card>
          <Text fw={600} mb="xs">
            {t('rebates.payments.integrity')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            <Fact label={t('rebates.payments.onTime')}>
              {formatPercent(integrity.onTimeRatio === null ? null : integrity.onTimeRatio * 100, locale, 1)}
            </Fact>
            <Fact label={t('rebates.payments.onTimeOf')}>
              {t('rebates.payments.onTimeCount', { onTime: integrity.onTime, due: integrity.due })}
            </Fact>
            <Fact label={t('rebates.payments.averageOverdue')}>{formatNumber(integrity.averageDaysOverdue, locale, 1)}</Fact>
            <Fact label={t('rebates.payments.worstOverdue')}>{integrity.worstDaysOverdue}</Fact>
            <Fact label={t('rebates.payments.outstanding')}>
              {money(integrity.outstanding)}
              {integrity.openOverdue > 0 && (
                <Text size="xs" c="red">
                  {t('rebates.payments.overdueAmount', { amount: money(integrity.overdue) })}
                </Text>
              )}
            </Fact>
          </SimpleGrid>
        </Card>
      )}
      {error && <Text c="red">{error.message}</Text>}
      {data && data.items.length === 0 ? (
        <Text c="dimmed">{search.partnerId ? t('rebates.noMatch') : t('rebates.none')}</Text>
      ) : (
        <ResponsiveTable
          label={t('rebates.payments.invoices')}
          columns={columns}
          rows={data?.items ?? []}
          rowKey={(i) => i.id}
          minWidth={900}
        />
      )}
      {data && <Pager total={data.total} pageSize={REBATES_PAGE_SIZE} page={search.page ?? 1} onChange={(page) => set({ page })} />}
      {dialog === 'add' && <AddInvoice partnerId={search.partnerId} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportInvoices onClose={() => setDialog(null)} />}
      {paying && <MarkPaid invoice={paying} onClose={() => setPaying(null)} />}
    </Stack>
  );
}

type InvoiceValues = { partnerId: string | null; invoiceNo: string; amount: string; dueOn: string; paidOn: string };
const invoiceForm = zodForm(InvoiceInputSchema, (v: InvoiceValues) => ({ ...v, paidOn: v.paidOn || undefined }), {}, () => fieldSpecs('invoice'));

function AddInvoice({ partnerId, onClose }: { partnerId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const add = useAddInvoice();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<InvoiceValues>({
    initialValues: { partnerId: partnerId ?? null, invoiceNo: '', amount: '', dueOn: businessDateOf(new Date(), me?.timeZone), paidOn: '' },
    validate: invoiceForm.validate,
    enhanceGetInputProps: fieldPathProps,
  });
  const submit = form.onSubmit((values) =>
    add.mutate(invoiceForm.parse(values), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('rebates.payments.added') });
        onClose();
      },
      onError: onRefused(form, setRefusal, fieldSpecs('invoice')),
    }),
  );
  return (
    <RebateDialog title={t('rebates.payments.addTitle')} onClose={onClose} refusal={refusal} confirm={t('rebates.payments.save')} loading={add.isPending} onConfirm={() => submit()}>
      <ErrorSummary errors={form.errors} fields={fieldSpecs('invoice')} />
      <PartnerSelect required {...form.getInputProps('partnerId')} />
      <TextInput label={t('rebates.payments.invoiceNo')} required maxLength={64} {...form.getInputProps('invoiceNo')} />
      <TextInput
        label={t('rebates.payments.amountCny')}
        required
        inputMode="decimal"
        placeholder={t('rebates.payments.amountHint')}
        {...form.getInputProps('amount')}
      />
      <TextInput type="date" label={t('rebates.payments.dueOn')} required {...form.getInputProps('dueOn')} />
      <TextInput type="date" label={t('rebates.payments.paidOnOptional')} {...form.getInputProps('paidOn')} />
    </RebateDialog>
  );
}

const paidForm = zodForm(InvoicePaidSchema, undefined, {}, () => fieldSpecs('invoicePaid'));

function MarkPaid({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const mark = useMarkInvoicePaid();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm({
    initialValues: { paidOn: businessDateOf(new Date(), me?.timeZone) },
    validate: paidForm.validate,
    enhanceGetInputProps: fieldPathProps,
  });
  const submit = form.onSubmit((values) =>
    mark.mutate(
      { id: invoice.id, ...paidForm.parse(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('rebates.payments.markedPaid') });
          onClose();
        },
        onError: onRefused(form, setRefusal, fieldSpecs('invoicePaid')),
      },
    ),
  );
  return (
    <RebateDialog
      title={t('rebates.payments.markPaidTitle', { no: invoice.invoiceNo })}
      onClose={onClose}
      refusal={refusal}
      confirm={t('rebates.payments.markPaid')}
      loading={mark.isPending}
      disabled={!form.values.paidOn}
      onConfirm={() => submit()}
    >
      <TextInput type="date" label={t('rebates.payments.paidOn')} required {...form.getInputProps('paidOn')} />
    </RebateDialog>
  );
}

/** CSV/XLSX import: all rows or none; a refusal lists every bad row, its field and why. */
function ImportInvoices({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const run = useImportPayments();
  const refusal = run.error instanceof ApiError ? PaymentImportRefusalSchema.safeParse(run.error.details) : null;
  return (
    <Modal opened onClose={onClose} title={t('rebates.payments.importTitle')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('rebates.payments.importHelp')}
        </Text>
        <FileInput
          label={t('rebates.payments.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
        />
        <Button disabled={!file} loading={run.isPending} onClick={() => file && run.mutate({ file })} w="fit-content">
          {t('rebates.payments.importRun')}
        </Button>
        {run.data && (
          <Alert color="green" title={t('rebates.payments.imported', { count: run.data.rowCount })}>
            {t('rebates.payments.importOutcome', { created: run.data.created, paid: run.data.paid, unchanged: run.data.unchanged })}
          </Alert>
        )}
        {run.error && (
          <Alert color="red" title={refusal?.success ? t('rebates.payments.badRows') : t('rebates.statements.refused')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{errorMessage(run.error)}</Text>
              {refusal?.success && (
                <Table.ScrollContainer minWidth={320}>
                  <Table verticalSpacing={2} aria-label={t('rebates.payments.badRows')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('rebates.payments.rowTitle')}</Table.Th>
                        <Table.Th>{t('rebates.payments.field')}</Table.Th>
                        <Table.Th>{t('rebates.payments.problem')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {refusal.data.issues.map((i, n) => (
                        <Table.Tr key={n}>
                          <Table.Td>{t('rebates.payments.row', { row: i.row })}</Table.Td>
                          <Table.Td>{i.field}</Table.Td>
                          <Table.Td>{t(`rebates.payments.issues.${i.code}`)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
