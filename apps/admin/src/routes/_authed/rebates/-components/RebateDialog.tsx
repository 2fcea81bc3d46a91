import { Alert, Button, type ButtonProps, Group, Modal, type ModalProps, Stack } from '@mantine/core';
import { ApiError, apiFieldErrors, errorMessage, type FieldSpecs } from '@partnerline/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
        {refusal && (
          <Alert color="red" title={t('rebates.statements.refused')} role="alert">
            {refusal}
          </Alert>
        )}
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

/**
 * What a dialog does with a refused request: issues on fields go next to their fields (worded by the form's field
 * specs); any other refusal is shown in the dialog in the API's words.
 */
export function onRefused(form: { setErrors: (errors: Record<string, string>) => void }, setRefusal: (message: string | null) => void, fields: FieldSpecs) {
  return (e: unknown) => {
    if (e instanceof ApiError && e.issues.length) form.setErrors(apiFieldErrors(e, e.message, fields));
    else setRefusal(errorMessage(e));
  };
}
