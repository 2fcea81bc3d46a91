import { Button, type ButtonProps, Group, Modal, type ModalProps, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Refusal } from '../../../../refusal';

/**
 * The rebates screens' dialog: its fields, the API's refusal in words (it stays in the dialog, not only in a passing
 * toast), and Cancel / the confirming action.
 */
export function RebateDialog({
  title,
  onClose,
  opened = true,
  size,
  refusal,
  confirm,
  confirmColor,
  onConfirm,
  loading,
  disabled,
  children,
}: {
  title: ReactNode;
  onClose: () => void;
  opened?: boolean;
  size?: ModalProps['size'];
  refusal?: string | null;
  /** The confirming button's words. */
  confirm: ReactNode;
  confirmColor?: ButtonProps['color'];
  onConfirm: () => void;
  loading?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <Stack>
        {children}
        <Refusal title={t('rebates.statements.refused')} message={refusal} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('rebates.cancel')}
          </Button>
          <Button color={confirmColor} loading={loading} disabled={disabled} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
