import { Button, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateRebateReversalSchema } from '@partnerline/domain';
import { fieldPathProps, zodForm } from '@partnerline/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReverseDeal } from '../../../../api/rebates';
import { fieldSpecs } from '../../../../form-fields';
import { RebateDialog } from './RebateDialog';
import { onRefused } from '../../../../refusal';

/** "Deal reversed / refunded" on a won registration: takes it out of the rebate basis (POST /rebate-reversals). */
export function ReverseDealButton({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="orange" variant="light" onClick={() => setOpen(true)}>
        {t('rebates.reversal.action')}
      </Button>
      {open && <ReverseDealDialog registrationId={registrationId} onClose={() => setOpen(false)} />}
    </>
  );
}

function ReverseDealDialog({ registrationId, onClose }: { registrationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const reverse = useReverseDeal();
  const [refusal, setRefusal] = useState<string | null>(null);
  const reversalForm = zodForm(CreateRebateReversalSchema, (v: { reason: string }) => ({ registrationId, ...v }), {}, () => fieldSpecs('rebateReversal'));
  const form = useForm({ initialValues: { reason: '' }, validate: reversalForm.validate, enhanceGetInputProps: fieldPathProps });
  const submit = form.onSubmit((values) =>
    reverse.mutate(reversalForm.parse(values), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('rebates.reversal.done') });
        onClose();
      },
      onError: onRefused(form, setRefusal, fieldSpecs('rebateReversal')),
    }),
  );
  return (
    <RebateDialog
      title={t('rebates.reversal.title')}
      onClose={onClose}
      refusal={refusal}
      confirm={t('rebates.reversal.confirm')}
      confirmColor="orange"
      loading={reverse.isPending}
      onConfirm={() => submit()}
    >
      <Text size="sm">{t('rebates.reversal.text')}</Text>
      <Textarea label={t('rebates.reversal.reason')} required autosize minRows={2} maxLength={2000} {...form.getInputProps('reason')} />
    </RebateDialog>
  );
}
