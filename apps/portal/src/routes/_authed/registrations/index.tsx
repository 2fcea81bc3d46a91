import { Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { IconPlus } from '@tabler/icons-react';
import { daysUntil, formatMoney, PageHeader, ResponsiveTable, StatusBadge, useStatusOptions } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { myRegistrationsQueryOptions } from '../../../api/portal';

export const Route = createFileRoute('/_authed/registrations/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(myRegistrationsQueryOptions()),
  component: MyRegistrations,
});


function MyRegistrations() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const statusOptions = useStatusOptions();
  const { data } = useSuspenseQuery(myRegistrationsQueryOptions());
  const [status, setStatus] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const items = data.items.filter((r) => (!status || r.status === status) && (!q.trim() || r.customerName.includes(q.trim())));
  return (
    <Stack maw={1200}>
      <PageHeader
        title={t('registrations.title')}
        subtitle={t('registrations.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} renderRoot={(props) => <Link {...props} to="/registrations/new" />}>
            {t('registrations.new')}
          </Button>
        }
      />
      <Group>
        <TextInput label={t('registrations.customer')} placeholder={t('portalFilters.customer')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={{ base: '100%', xs: 260 }} />
        <Select label={t('registrations.status')} placeholder={t('portalFilters.anyStatus')} clearable w={{ base: '100%', xs: 200 }} data={statusOptions('registration')} value={status} onChange={setStatus} />
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('registrations.none')}</Text>
      ) : (
        <ResponsiveTable
          label={t('registrations.title')}
          rows={items}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'customer',
              header: t('registrations.customer'),
              primary: true,
              cell: (r) => (
                <Anchor fw={600} size="sm" renderRoot={(props) => <Link {...props} to="/registrations/$registrationId" params={{ registrationId: r.id }} />}>
                  {r.customerName}
                </Anchor>
              ),
            },
            { key: 'status', header: t('registrations.status'), aside: true, cell: (r) => <StatusBadge kind="registration" value={r.status} /> },
            { key: 'amount', header: t('registrations.amount'), align: 'right', cell: (r) => formatMoney(r.estimatedAmount, zh ? 'zh-CN' : 'en') },
            {
              key: 'protection',
              header: t('registrations.protection'),
              cell: (r) =>
                r.status === 'approved' && r.protectionEnds ? (daysUntil(r.protectionEnds) >= 0 ? t('registrations.daysLeft', { count: daysUntil(r.protectionEnds) }) : t('registrations.ended')) : '—',
            },
          ]}
        />
      )}
    </Stack>
  );
}
