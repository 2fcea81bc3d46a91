import { businessDateOf } from '@partnerline/domain';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCash } from '@tabler/icons-react';
import { errorMessage, formatDate, useLocale } from '@partnerline/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApproveStatement, usePayStatement } from '../../../../api/rebates';
import type { RebateStatement } from '@partnerline/domain';
import { useMoney } from './bits';

/**
 * Approve (a draft, by a different user than the run's) and record payment (an approved one), each behind a
 * confirmation. A refusal stays on the page in words the API chose, not only in a passing toast.
 */
export function StatementActions({ statement, timeZone }: { statement: RebateStatement; timeZone?: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const approve = useApproveStatement(statement.id);
  const pay = usePayStatement(statement.id);
  const [dialog, setDialog] = useState<'approve' | 'pay' | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const locale = useLocale();
  const [paidOn, setPaidOn] = useState(businessDateOf(new Date(), timeZone));
  // Holding period (policy): no payment may be dated before payableFrom.
  const held = statement.payableFrom !== null && businessDateOf(new Date(), timeZone) < statement.payableFrom;
  const [touched, setTouched] = useState(false);
  const close = () => setDialog(null);
  const failed = (e: unknown) => {
    setRefusal(errorMessage(e));
    close();
  };
  const doApprove = () =>
    approve.mutate(
      {},
      {
        onSuccess: () => {
          setRefusal(null);
          close();
          notifications.show({ color: 'green', message: t('rebates.statements.approved') });
        },
        onError: failed,
      },
    );
  const doPay = () => {
    setTouched(true);
    if (!reference.trim() || !paidOn) return;
    pay.mutate(
      { paidOn, reference: reference.trim() },
      {
        onSuccess: () => {
          setRefusal(null);
          close();
          notifications.show({ color: 'green', message: t('rebates.statements.paid') });
        },
        onError: failed,
      },
    );
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {statement.status === 'draft' && (
          <Button color="green" leftSection={<IconCheck size={16} />} onClick={() => setDialog('approve')}>
            {t('rebates.statements.approve')}
          </Button>
        )}
        {statement.status === 'approved' && (
          <Button leftSection={<IconCash size={16} />} disabled={held} onClick={() => setDialog('pay')}>
            {t('rebates.statements.pay')}
          </Button>
        )}
        {statement.status === 'approved' && statement.payableFrom && (
          <Text size="sm" c={held ? 'orange' : 'dimmed'}>
            {t('rebates.statements.payableFrom', { date: formatDate(statement.payableFrom, locale) })}
          </Text>
        )}
      </Group>
      {refusal && (
        <Alert color="red" title={t('rebates.statements.refused')} role="alert" withCloseButton onClose={() => setRefusal(null)}>
          {refusal}
        </Alert>
      )}
      <Modal opened={dialog === 'approve'} onClose={close} title={t('rebates.statements.approveTitle', { number: statement.number })}>
        <Stack>
          <Text size="sm">{t('rebates.statements.approveText', { amount: money(statement.payable) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('rebates.cancel')}
            </Button>
            <Button color="green" loading={approve.isPending} onClick={doApprove}>
              {t('rebates.statements.approve')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={dialog === 'pay'} onClose={close} title={t('rebates.statements.payTitle', { number: statement.number })}>
        <Stack>
          <Text size="sm">{t('rebates.statements.payText', { amount: money(statement.payable) })}</Text>
          <TextInput
            label={t('rebates.statements.reference')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            maxLength={200}
            required
            error={touched && !reference.trim() ? t('rebates.statements.referenceRequired') : undefined}
          />
          <TextInput
            type="date"
            label={t('rebates.statements.paidOn')}
            value={paidOn}
            min={statement.payableFrom ?? undefined}
            onChange={(e) => setPaidOn(e.currentTarget.value)}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('rebates.cancel')}
            </Button>
            <Button loading={pay.isPending} onClick={doPay}>
              {t('rebates.statements.pay')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
