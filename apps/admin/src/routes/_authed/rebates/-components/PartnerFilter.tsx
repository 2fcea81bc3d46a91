import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { partnersQueryOptions } from '@partnerline/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A partner picked by name: searches the partners (20 at a time, by name) as the user types. */
export function PartnerSelect(props: Omit<SelectProps, 'data' | 'onSearchChange' | 'searchable'>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 300);
  const partners =
    useQuery(partnersQueryOptions({ page: 1, pageSize: 20, sort: 'name', order: 'asc', q: q || undefined })).data?.items ?? [];
  return (
    <Select
      label={t('rebates.partner')}
      searchable
      onSearchChange={setText}
      data={partners.map((p) => ({ value: p.id, label: p.name }))}
      {...props}
    />
  );
}

/** The rebates lists' "Partner" filter ("Any partner" when cleared). */
export function PartnerFilter({
  value,
  onChange,
  w = { base: '100%', sm: 240 },
}: {
  value: string | undefined;
  onChange: (partnerId: string | undefined) => void;
  w?: SelectProps['w'];
}) {
  const { t } = useTranslation();
  return (
    <PartnerSelect placeholder={t('rebates.anyPartner')} clearable value={value ?? null} onChange={(v) => onChange(v ?? undefined)} w={w} />
  );
}
