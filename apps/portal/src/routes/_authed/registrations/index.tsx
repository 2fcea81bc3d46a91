import { Anchor, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { IconPlus } from '@tabler/icons-react';
import { daysUntil, formatMoney, PageHeader, StatusBadge, useStatusOptions } from '@partnerline/ui';
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
        <TextInput label={t('registrations.customer')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} />
        <Select label={t('registrations.status')} clearable w={200} data={statusOptions('registration')} value={status} onChange={setStatus} />
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('registrations.none')}</Text>
      ) : (
        <Card p={0}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registrations.customer')}</Table.Th>
                <Table.Th>{t('registrations.status')}</Table.Th>
                <Table.Th ta="right">{t('registrations.amount')}</Table.Th>
                <Table.Th>{t('registrations.protection')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor fw={600} size="sm" renderRoot={(props) => <Link {...props} to="/registrations/$registrationId" params={{ registrationId: r.id }} />}>
                      {r.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge kind="registration" value={r.status} />
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(r.estimatedAmount, zh ? 'zh-CN' : 'en')}</Table.Td>
                  <Table.Td>{r.status === 'approved' && r.protectionEnds ? (daysUntil(r.protectionEnds) >= 0 ? t('registrations.daysLeft', { count: daysUntil(r.protectionEnds) }) : t('registrations.ended')) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
