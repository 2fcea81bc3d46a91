import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/**
 * The confirm step of a decision: approve with an optional comment, reject with a required one. The comment is shown
 * to the partner.
 */
export function DecisionDialog({ action, pending, onConfirm, onClose }: { action: 'approve' | 'reject'; pending: boolean; onConfirm: (comment: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { comment: '' },
    validate: { comment: (v) => (action === 'reject' && !v.trim() ? t('review.commentRequired') : null) },
  });
  const approve = action === 'approve';
  return (
    <Modal opened onClose={onClose} title={approve ? t('review.approveTitle') : t('review.rejectTitle')}>
      <form onSubmit={form.onSubmit((v) => onConfirm(v.comment))} noValidate>
        <Stack>
          <Text size="sm">{approve ? t('review.approveHelp') : t('review.rejectHelp')}</Text>
          <Textarea label={t('review.commentLabel')} withAsterisk={!approve} autosize minRows={3} maxLength={2000} data-autofocus {...form.getInputProps('comment')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('review.cancel')}
            </Button>
            <Button type="submit" color={approve ? 'green' : 'red'} loading={pending}>
              {approve ? t('review.confirmApprove') : t('review.confirmReject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
