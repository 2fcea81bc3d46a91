import { errorMessage } from '@partnerline/ui';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReverseDeal } from '../../../../api/rebates';

/** "Deal reversed / refunded" on a won registration: takes it out of the rebate basis (POST /rebate-reversals). */
export function ReverseDealButton({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const reverse = useReverseDeal();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = () => {
    setTouched(true);
    if (!reason.trim()) return;
    reverse.mutate(
      { registrationId, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('rebates.reversal.done') });
          setOpen(false);
        },
        onError: (e) => setRefusal(errorMessage(e)),
      },
    );
  };
  return (
    <>
      <Button color="orange" variant="light" onClick={() => setOpen(true)}>
        {t('rebates.reversal.action')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('rebates.reversal.title')}>
        <Stack>
          <Text size="sm">{t('rebates.reversal.text')}</Text>
          <Textarea
            label={t('rebates.reversal.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            error={touched && !reason.trim() ? t('rebates.reversal.reasonRequired') : undefined}
          />
          {refusal && (
            <Alert color="red" title={t('rebates.statements.refused')} role="alert">
              {refusal}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('rebates.cancel')}
            </Button>
            <Button color="orange" loading={reverse.isPending} onClick={submit}>
              {t('rebates.reversal.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
