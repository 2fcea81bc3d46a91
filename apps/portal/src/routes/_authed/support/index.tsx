import { Anchor, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconLifebuoy, IconPlus, IconSearch } from '@tabler/icons-react';
import { SupportKindSchema, SupportStatusSchema } from '@partnerline/domain';
import { formatDateTime, PageHeader, StatusBadge, useStatusLabel } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supportRequestsQueryOptions } from '../../../api/training';
import { FundsCell } from '../../../components/support';
import { useLocale } from '../../../components/training';

export const Route = createFileRoute('/_authed/support/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(supportRequestsQueryOptions()),
  component: SupportList,
});

function SupportList() {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = useLocale();
  const { data } = useSuspenseQuery(supportRequestsQueryOptions());
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const items = data
    .filter((r) => (!status || r.status === status) && (!kind || r.kind === kind) && (!needle || [r.number, r.subject].some((s) => s.toLowerCase().includes(needle))))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  return (
    <Stack maw={1280}>
      <PageHeader
        title={t('support.title')}
        subtitle={t('support.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} renderRoot={(props) => <Link {...props} to="/support/new" />}>
            {t('support.new')}
          </Button>
        }
      />
      <Group align="flex-end">
        <TextInput label={t('support.search')} leftSection={<IconSearch size={14} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} />
        <Select label={t('support.kind')} clearable w={240} data={SupportKindSchema.options.map((k) => ({ value: k, label: statusLabel('supportKind', k) }))} value={kind} onChange={setKind} />
        <Select label={t('support.status')} clearable w={180} data={SupportStatusSchema.options.map((s) => ({ value: s, label: statusLabel('support', s) }))} value={status} onChange={setStatus} />
      </Group>
      {items.length === 0 ? (
        <Card>
          <Stack align="center" py="xl" gap="xs">
            <IconLifebuoy size={36} color="var(--mantine-color-gray-5)" />
            <Text c="dimmed">{data.length === 0 ? t('support.none') : t('support.noMatch')}</Text>
          </Stack>
        </Card>
      ) : (
        <Card p={0}>
          <Table.ScrollContainer minWidth={960}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('support.number')}</Table.Th>
                  <Table.Th>{t('support.kind')}</Table.Th>
                  <Table.Th>{t('support.subject')}</Table.Th>
                  <Table.Th>{t('support.status')}</Table.Th>
                  <Table.Th>{t('support.funds')}</Table.Th>
                  <Table.Th>{t('support.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor fw={600} size="sm" ff="monospace" renderRoot={(props) => <Link {...props} to="/support/$requestId" params={{ requestId: r.id }} />}>
                        {r.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge kind="supportKind" value={r.kind} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={1}>
                        {r.subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.createdByName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge kind="support" value={r.status} />
                    </Table.Td>
                    <Table.Td>
                      <FundsCell r={r} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(r.updatedAt, locale)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
