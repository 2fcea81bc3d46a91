import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { businessDateOf, PayRebateStatementSchema, type RebateStatement } from '@partnerline/domain';
import { IconCash, IconCheck } from '@tabler/icons-react';
import { errorMessage, fieldPathProps, formatDate, useLocale, zodForm } from '@partnerline/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApproveStatement, usePayStatement } from '../../../../api/rebates';
import { fieldSpecs } from '../../../../form-fields';
import { useMoney } from './bits';
import { RebateDialog } from './RebateDialog';

const payForm = zodForm(PayRebateStatementSchema, undefined, {}, () => fieldSpecs('rebatePay'));

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
  const locale = useLocale();
  const form = useForm({
    initialValues: { reference: '', paidOn: businessDateOf(new Date(), timeZone) },
    validate: payForm.validate,
    enhanceGetInputProps: fieldPathProps,
  });
  // Holding period (policy): no payment may be dated before payableFrom.
  const held = statement.payableFrom !== null && businessDateOf(new Date(), timeZone) < statement.payableFrom;
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
  const doPay = form.onSubmit((values) =>
    pay.mutate(payForm.parse(values), {
      onSuccess: () => {
        setRefusal(null);
        close();
        notifications.show({ color: 'green', message: t('rebates.statements.paid') });
      },
      onError: failed,
    }),
  );
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
      <RebateDialog
        opened={dialog === 'approve'}
        onClose={close}
        title={t('rebates.statements.approveTitle', { number: statement.number })}
        confirm={t('rebates.statements.approve')}
        confirmColor="green"
        loading={approve.isPending}
        onConfirm={doApprove}
      >
        <Text size="sm">{t('rebates.statements.approveText', { amount: money(statement.payable) })}</Text>
      </RebateDialog>
      {/* A refusal closes the dialog and stays on the page (above), in the API's words. */}
      <RebateDialog
        opened={dialog === 'pay'}
        onClose={close}
        title={t('rebates.statements.payTitle', { number: statement.number })}
        confirm={t('rebates.statements.pay')}
        loading={pay.isPending}
        onConfirm={() => doPay()}
      >
        <Text size="sm">{t('rebates.statements.payText', { amount: money(statement.payable) })}</Text>
        <TextInput label={t('rebates.statements.reference')} maxLength={200} required {...form.getInputProps('reference')} />
        <TextInput
          type="date"
          label={t('rebates.statements.paidOn')}
          min={statement.payableFrom ?? undefined}
          required
          {...form.getInputProps('paidOn')}
        />
      </RebateDialog>
    </Stack>
  );
}
