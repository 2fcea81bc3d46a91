import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n';

/** Switches the UI language; `onChange` lets a signed-in app persist the choice on the user. */
export function LanguageSwitch({ onChange, size = 'xs' }: { onChange?: (lang: 'zh-CN' | 'en') => void; size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation('ui');
  return (
    <Select
      aria-label={t('layout.language')}
      label={size === 'sm' ? t('layout.language') : undefined}
      size={size}
      w={size === 'sm' ? undefined : 120}
      leftSection={<IconLanguage size={14} />}
      data={LANGUAGES}
      value={i18n.language}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      onChange={(v) => {
        if (v === 'zh-CN' || v === 'en') {
          void i18n.changeLanguage(v);
          onChange?.(v);
        }
      }}
    />
  );
}
