import { Alert, Anchor, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * The errors of a form, at its top: one line per field, each a link that moves the focus to the field (found by the
 * `data-path` attribute that `fieldProps` sets, else by the input's name). A form-level error (no field) is shown as is.
 */
export function ErrorSummary({ errors, labels = {} }: { errors: Record<string, unknown>; labels?: Record<string, string> }) {
  const { t } = useTranslation('ui');
  const entries = Object.entries(errors).filter(([, v]) => typeof v === 'string' && v);
  if (!entries.length) return null;
  const focus = (path: string) => {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ?? document.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };
  const fieldEntries = entries.filter(([path]) => path !== 'form');
  const formError = entries.find(([path]) => path === 'form');
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title={fieldEntries.length ? t('formErrors.summary', { count: fieldEntries.length }) : undefined} role="alert">
      {formError && <div>{String(formError[1])}</div>}
      {fieldEntries.length > 0 && (
        <List size="sm" spacing={2}>
          {fieldEntries.map(([path, message]) => (
            <List.Item key={path}>
              <Anchor component="button" type="button" size="sm" onClick={() => focus(path)}>
                {labels[path] && !String(message).includes(labels[path]) ? `${labels[path]}: ` : ''}
                {String(message)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
