import { Alert, Anchor, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type FieldSpecs, specFor } from './form-errors';

/**
 * The errors of a form, at its top: one line per field, each a link that moves the focus to the field (found by the
 * `data-path` attribute that `fieldPathProps` sets, else by the input's name). A form-level error (no field) is shown as is.
 * With `fields`, a line whose message does not name its field (a rule's own words: "Scores run from 0 to 100") is
 * prefixed with the field's label.
 */
export function ErrorSummary({ errors, labels = {}, fields = {} }: { errors: Record<string, unknown>; labels?: Record<string, string>; fields?: FieldSpecs }) {
  const { t, i18n } = useTranslation('ui');
  const colon = i18n.language === 'zh-CN' ? '：' : ': ';
  const labelOf = (path: string): string | undefined => labels[path] ?? specFor(fields, path)?.label;
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
              <Anchor component="button" type="button" size="sm" ta="left" style={{ verticalAlign: 'top' }} onClick={() => focus(path)}>
                {named(labelOf(path), String(message), colon)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** "Label: message", unless the message already names the field (a label may be a phrase: "the start date"). */
function named(label: string | undefined, message: string, colon: string): string {
  if (!label) return message;
  const capital = `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
  return message.includes(label) || message.startsWith(capital) ? message : `${capital}${colon}${message}`;
}
