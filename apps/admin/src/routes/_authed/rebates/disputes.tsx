import { Anchor, Button, Group, Radio, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type RebateDispute, ResolveRebateDisputeSchema } from '@partnerline/domain';
import { fieldPathProps, formatDate, formatDateTime, meQueryOptions, ResponsiveTable, StatusBadge, useLocale, zodForm } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { rebateDisputesQueryOptions, useResolveDispute } from '../../../api/rebates';
import { canManageRebates } from '../../../nav';
import { fieldSpecs } from '../../../form-fields';
import { useMoney } from './-components/bits';
import { RebateDialog } from './-components/RebateDialog';
import { onRefused } from '../../../refusal';
import { RebatesHeader } from './-components/RebatesHeader';

const SearchSchema = z.object({ show: z.enum(['open', 'all']).optional() });

export const Route = createFileRoute('/_authed/rebates/disputes')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => context.queryClient.prefetchQuery(rebateDisputesQueryOptions(deps.show ?? 'open')),
  component: DisputesPage,
});

function DisputesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const show = search.show ?? 'open';
  const { data, error } = useQuery(rebateDisputesQueryOptions(show));
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const money = useMoney();
  const [resolving, setResolving] = useState<RebateDispute | null>(null);
  const columns = [
    {
      key: 'line',
      header: t('rebates.statements.line'),
      primary: true,
      cell: (d: RebateDispute) => (
        <Stack gap={0}>
          <Anchor
            size="sm"
            fw={600}
            renderRoot={(props) => <Link {...props} to="/rebates/statements/$statementId" params={{ statementId: d.statementId }} />}
          >
            {d.statementNumber}
          </Anchor>
          <Text size="xs">{t('rebates.disputes.line', { n: d.lineNo, description: d.lineDescription })}</Text>
          <Text size="xs" c="dimmed">
            {d.partnerName} · {formatDate(d.periodStart, locale)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('rebates.status'),
      aside: true,
      cell: (d: RebateDispute) => <StatusBadge kind="rebateDispute" value={d.status} />,
    },
    { key: 'rebate', header: t('rebates.statements.rebate'), align: 'right' as const, cell: (d: RebateDispute) => money(d.lineRebate) },
    {
      key: 'comment',
      header: t('rebates.disputes.comment'),
      cell: (d: RebateDispute) => (
        <Stack gap={0}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {d.comment}
          </Text>
          <Text size="xs" c="dimmed">
            {t('rebates.disputes.raised', { who: d.raisedBy.name, date: formatDateTime(d.raisedAt, locale, me?.timeZone) })}
          </Text>
          {d.resolution && (
            <Text size="xs">
              {t('rebates.statements.resolution', { resolution: d.resolution })}
              {d.adjustment ? ` (${money(d.adjustment)})` : ''}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'action',
      header: '',
      cell: (d: RebateDispute) =>
        d.status === 'open' && canManageRebates(me?.role) ? (
          <Button size="xs" onClick={() => setResolving(d)}>
            {t('rebates.disputes.resolve')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Stack maw={1300}>
      <RebatesHeader active="disputes" />
      <Group>
        <SegmentedControl
          aria-label={t('rebates.disputes.show')}
          value={show}
          onChange={(v) => void navigate({ search: { show: v === 'all' ? 'all' : undefined } })}
          data={[
            { value: 'open', label: t('rebates.disputes.openOnly') },
            { value: 'all', label: t('rebates.disputes.resolvedToo') },
          ]}
        />
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      {data && data.items.length === 0 ? (
        <Text c="dimmed">{t('rebates.disputes.none')}</Text>
      ) : (
        <ResponsiveTable
          label={t('rebates.disputes.list')}
          columns={columns}
          rows={data?.items ?? []}
          rowKey={(d) => d.id}
          minWidth={900}
        />
      )}
      {resolving && <ResolveDialog dispute={resolving} onClose={() => setResolving(null)} />}
    </Stack>
  );
}

const resolveSpecs = () => fieldSpecs('disputeResolution');
/** An adjustment needs its amount (the domain schema leaves it optional for a rejection). */
const AdjustSchema = ResolveRebateDisputeSchema.extend({ amount: ResolveRebateDisputeSchema.shape.amount.unwrap() });
type ResolveValues = { outcome: 'adjusted' | 'rejected'; amount: string; resolution: string };
const adjustForm = zodForm(AdjustSchema, (v: ResolveValues) => v, {}, resolveSpecs);
const rejectForm = zodForm(ResolveRebateDisputeSchema, (v: ResolveValues) => ({ outcome: v.outcome, resolution: v.resolution }), {}, resolveSpecs);
const formFor = (v: ResolveValues) => (v.outcome === 'adjusted' ? adjustForm : rejectForm);

function ResolveDialog({ dispute, onClose }: { dispute: RebateDispute; onClose: () => void }) {
  const { t } = useTranslation();
  const resolve = useResolveDispute();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<ResolveValues>({
    initialValues: { outcome: 'adjusted', amount: '', resolution: '' },
    validate: (v) => formFor(v).validate(v),
    enhanceGetInputProps: fieldPathProps,
  });
  const submit = form.onSubmit((values) =>
    resolve.mutate(
      { id: dispute.id, ...formFor(values).parse(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('rebates.disputes.resolved') });
          onClose();
        },
        onError: onRefused(form, setRefusal, resolveSpecs()),
      },
    ),
  );
  return (
    <RebateDialog
      title={t('rebates.disputes.resolveTitle', { number: dispute.statementNumber, n: dispute.lineNo })}
      onClose={onClose}
      refusal={refusal}
      confirm={t('rebates.disputes.resolve')}
      loading={resolve.isPending}
      onConfirm={() => submit()}
    >
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
        {dispute.comment}
      </Text>
      <Radio.Group label={t('rebates.disputes.outcome')} {...form.getInputProps('outcome')}>
        <Group mt={4}>
          <Radio value="adjusted" label={t('rebates.disputes.adjust')} />
          <Radio value="rejected" label={t('rebates.disputes.reject')} />
        </Group>
      </Radio.Group>
      {form.values.outcome === 'adjusted' && (
        <TextInput
          label={t('rebates.disputes.amount')}
          description={t('rebates.disputes.amountHelp')}
          inputMode="decimal"
          {...form.getInputProps('amount')}
        />
      )}
      <Textarea label={t('rebates.disputes.resolution')} autosize minRows={2} maxLength={2000} {...form.getInputProps('resolution')} />
    </RebateDialog>
  );
}
