import { Badge, Button, Card, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Quota, SetQuotaSchema } from '@partnerline/domain';
import { fieldPathProps, formatDate, ResponsiveTable, useLocale, zodForm } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { quotasQueryOptions, useSetQuota } from '../../../../api/rebates';
import { fieldSpecs } from '../../../../form-fields';
import { useMoney } from '../../rebates/-components/bits';
import { RebateDialog } from '../../rebates/-components/RebateDialog';
import { onRefused } from '../../../../refusal';

/**
 * The quota of each evaluation period (issue #14): editable until the period starts; afterwards only as an amendment
 * with a reason (the API enforces both; the dialog asks for the reason when the period has started).
 */
export function QuotaEditor({ agreementId, canEdit }: { agreementId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = useMoney();
  const { data, error } = useQuery({ ...quotasQueryOptions(agreementId), retry: false });
  const [editing, setEditing] = useState<Quota | null>(null);
  if (error || !data || data.items.length === 0) return null;
  const columns = [
    {
      key: 'period',
      header: t('rebates.period'),
      primary: true,
      cell: (q: Quota) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {t('rebates.quotas.periodN', { n: q.periodIndex })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('rebates.periodRange', { start: formatDate(q.periodStart, locale), end: formatDate(q.periodEnd, locale) })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'state',
      header: t('rebates.status'),
      aside: true,
      cell: (q: Quota) => (
        <Badge variant="light" color={q.editable ? 'blue' : 'gray'} size="sm">
          {q.editable ? t('rebates.quotas.upcoming') : t('rebates.quotas.started')}
        </Badge>
      ),
    },
    {
      key: 'quota',
      header: t('rebates.quota'),
      align: 'right' as const,
      cell: (q: Quota) => (
        <Stack gap={0} align="flex-end">
          <Text size="sm" fw={600} component="span">
            {money(q.quota)}
          </Text>
          <Text size="xs" c="dimmed" component="span">
            {t(`rebates.quotas.source.${q.source}`)}
          </Text>
          {q.amendmentReason && (
            <Text size="xs" component="span">
              {t('rebates.quotas.amendment', { reason: q.amendmentReason })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'action',
      header: '',
      aside: true,
      cell: (q: Quota) =>
        canEdit ? (
          <Button
            size="xs"
            variant="light"
            onClick={() => setEditing(q)}
            aria-label={`${t('rebates.quotas.edit')} ${t('rebates.quotas.periodN', { n: q.periodIndex })}`}
          >
            {t('rebates.quotas.edit')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card>
      <Title order={4} mb={4}>
        {t('rebates.quotas.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('rebates.quotas.help')}
      </Text>
      <ResponsiveTable label={t('rebates.quotas.title')} columns={columns} rows={data.items} rowKey={(q) => q.periodStart} phone />
      {editing && <QuotaDialog agreementId={agreementId} quota={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function QuotaDialog({ agreementId, quota, onClose }: { agreementId: string; quota: Quota; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSetQuota(agreementId);
  const [refusal, setRefusal] = useState<string | null>(null);
  // After the period started a change is an amendment, and an amendment needs its reason.
  const amendment = !quota.editable;
  const quotaForm = zodForm(
    amendment ? SetQuotaSchema.extend({ amendmentReason: z.string().trim().min(1).max(2000) }) : SetQuotaSchema.omit({ amendmentReason: true }),
    (v: { quota: string; amendmentReason: string }) => (amendment ? v : { quota: v.quota }),
    {},
    () => fieldSpecs('quota'),
  );
  const form = useForm({
    initialValues: { quota: quota.quota, amendmentReason: '' },
    validate: quotaForm.validate,
    enhanceGetInputProps: fieldPathProps,
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      { periodStart: quota.periodStart, ...quotaForm.parse(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('rebates.quotas.saved') });
          onClose();
        },
        onError: onRefused(form, setRefusal, fieldSpecs('quota')),
      },
    ),
  );
  return (
    <RebateDialog
      title={t('rebates.quotas.editTitle', { start: formatDate(quota.periodStart, locale), end: formatDate(quota.periodEnd, locale) })}
      onClose={onClose}
      refusal={refusal}
      confirm={t('rebates.quotas.save')}
      loading={save.isPending}
      onConfirm={() => submit()}
    >
      <TextInput label={t('rebates.quotas.quota')} inputMode="decimal" {...form.getInputProps('quota')} />
      {amendment && (
        <Textarea
          label={t('rebates.quotas.reason')}
          description={t('rebates.quotas.reasonHelp')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('amendmentReason')}
        />
      )}
    </RebateDialog>
  );
}
