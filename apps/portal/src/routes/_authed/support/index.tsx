import { Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconLifebuoy, IconPlus, IconSearch } from '@tabler/icons-react';
import { SupportKindSchema, SupportStatusSchema } from '@partnerline/domain';
import { EmptyCard, formatDateTime, PageHeader, ResponsiveTable, StatusBadge, useStatusLabel } from '@partnerline/ui';
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
        <TextInput label={t('support.search')} leftSection={<IconSearch size={14} />} placeholder={t('portalFilters.support')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={{ base: '100%', xs: 260 }} />
        <Select label={t('support.kind')} placeholder={t('portalFilters.anyKind')} clearable w={{ base: '100%', xs: 240 }} data={SupportKindSchema.options.map((k) => ({ value: k, label: statusLabel('supportKind', k) }))} value={kind} onChange={setKind} />
        <Select label={t('support.status')} placeholder={t('portalFilters.anyStatus')} clearable w={{ base: '100%', xs: 180 }} data={SupportStatusSchema.options.map((s) => ({ value: s, label: statusLabel('support', s) }))} value={status} onChange={setStatus} />
      </Group>
      {items.length === 0 ? (
        <EmptyCard icon={IconLifebuoy}>{data.length === 0 ? t('support.none') : t('support.noMatch')}</EmptyCard>
      ) : (
        <ResponsiveTable
          label={t('support.title')}
          minWidth={960}
          rows={items}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'number',
              header: t('support.number'),
              primary: true,
              cell: (r) => (
                <Anchor fw={600} size="sm" ff="monospace" renderRoot={(props) => <Link {...props} to="/support/$requestId" params={{ requestId: r.id }} />}>
                  {r.number}
                </Anchor>
              ),
            },
            { key: 'kind', header: t('support.kind'), cell: (r) => <StatusBadge kind="supportKind" value={r.kind} /> },
            {
              key: 'subject',
              header: t('support.subject'),
              cell: (r) => (
                <>
                  <Text size="sm" lineClamp={1}>
                    {r.subject}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.createdByName}
                  </Text>
                </>
              ),
            },
            { key: 'status', header: t('support.status'), aside: true, cell: (r) => <StatusBadge kind="support" value={r.status} /> },
            { key: 'funds', header: t('support.funds'), cell: (r) => <FundsCell r={r} /> },
            { key: 'updated', header: t('support.updated'), cell: (r) => <Text size="sm">{formatDateTime(r.updatedAt, locale)}</Text> },
          ]}
        />
      )}
    </Stack>
  );
}
