import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage, formatDate, ResponsiveTable, useLocale } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quotasQueryOptions, useSetQuota } from '../../../../api/rebates';
import type { Quota } from '@partnerline/domain';
import { POSITIVE_AMOUNT, useMoney } from '../../rebates/-components/bits';

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
  const [value, setValue] = useState(quota.quota);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const amendment = !quota.editable;
  const valueError = !POSITIVE_AMOUNT.test(value.trim()) ? t('rebates.quotas.quotaRequired') : undefined;
  const reasonError = amendment && !reason.trim() ? t('rebates.quotas.reasonRequired') : undefined;
  const submit = () => {
    setTouched(true);
    if (valueError || reasonError) return;
    save.mutate(
      { periodStart: quota.periodStart, quota: value.trim(), amendmentReason: amendment ? reason.trim() : undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('rebates.quotas.saved') });
          onClose();
        },
        onError: (e) => setRefusal(errorMessage(e)),
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('rebates.quotas.editTitle', { start: formatDate(quota.periodStart, locale), end: formatDate(quota.periodEnd, locale) })}
    >
      <Stack>
        <TextInput
          label={t('rebates.quotas.quota')}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={touched ? valueError : undefined}
        />
        {amendment && (
          <Textarea
            label={t('rebates.quotas.reason')}
            description={t('rebates.quotas.reasonHelp')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            error={touched ? reasonError : undefined}
          />
        )}
        {refusal && (
          <Alert color="red" title={t('rebates.statements.refused')} role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('rebates.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={submit}>
            {t('rebates.quotas.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
