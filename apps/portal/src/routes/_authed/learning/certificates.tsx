import { Anchor, Button, Code, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCertificate, IconPrinter, IconSearch, IconShieldCheck } from '@tabler/icons-react';
import type { CertificationStatus } from '@partnerline/domain';
import { daysUntil, EmptyCard, formatDate, meQueryOptions, PageHeader, ResponsiveTable, useStatusLabel } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productLinesQueryOptions } from '../../../api/portal';
import { certificateDocumentUrl, certificationsQueryOptions } from '../../../api/training';
import { CertStatusBadge, productLineName, useLocale } from '../../../components/training';

export const Route = createFileRoute('/_authed/learning/certificates')({
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(certificationsQueryOptions()), context.queryClient.ensureQueryData(productLinesQueryOptions())]),
  component: CertificatesPage,
});

const STATUSES: CertificationStatus[] = ['active', 'expiring', 'expired', 'revoked'];

function CertificatesPage() {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = useLocale();
  const zh = locale === 'zh-CN';
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: certs } = useSuspenseQuery(certificationsQueryOptions());
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const isAdmin = user?.role === 'partner_admin';
  const [status, setStatus] = useState<string>('all');
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const items = certs
    .filter((c) => (status === 'all' || c.status === status) && (!needle || [c.name, c.holderName, c.code].some((s) => s.toLowerCase().includes(needle))))
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
  const count = (s: CertificationStatus) => certs.filter((c) => c.status === s).length;

  return (
    <Stack maw={1280}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/learning" />}>
        ← {t('learning.back')}
      </Anchor>
      <PageHeader title={isAdmin ? t('certificates.teamTitle') : t('certificates.title')} subtitle={isAdmin ? t('certificates.teamSubtitle') : t('certificates.subtitle')} />
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={[{ value: 'all', label: `${t('certificates.all')} (${certs.length})` }, ...STATUSES.map((s) => ({ value: s, label: `${statusLabel('certificate', s)} (${count(s)})` }))]}
        />
        <TextInput placeholder={t('certificates.search')} aria-label={t('certificates.search')} leftSection={<IconSearch size={14} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={280} />
      </Group>
      {items.length === 0 ? (
        <EmptyCard
          icon={IconCertificate}
          action={
            certs.length === 0 && (
              <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/learning" />}>
                {t('certificates.browse')}
              </Anchor>
            )
          }
        >
          {certs.length === 0 ? t('certificates.none') : t('learning.noMatch')}
        </EmptyCard>
      ) : (
        <ResponsiveTable
          label={t('certificates.title')}
          minWidth={1100}
          rows={items}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'name',
              header: t('certificates.certification'),
              primary: true,
              cell: (c) => (
                <>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`jobRoles.${c.jobRole}`, { ns: 'ui' })}
                  </Text>
                </>
              ),
            },
            {
              key: 'holder',
              header: t('certificates.holder'),
              cell: (c) => (
                <>
                  <Text size="sm">{c.holderName}</Text>
                  <Text size="xs" c="dimmed">
                    {c.holderEmail}
                  </Text>
                </>
              ),
            },
            { key: 'line', header: t('certificates.productLine'), cell: (c) => <span style={{ whiteSpace: 'nowrap' }}>{productLineName(lines, c.productLineId, c.productLineCode, zh)}</span> },
            { key: 'earned', header: t('certificates.earned'), cell: (c) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(c.earnedOn, locale)}</span> },
            {
              key: 'expires',
              header: t('certificates.expires'),
              cell: (c) => {
                const days = daysUntil(c.expiresOn);
                return (
                  <>
                    <Text size="sm">{formatDate(c.expiresOn, locale)}</Text>
                    {c.status !== 'revoked' && (
                      <Text size="xs" c={days < 0 ? 'red' : c.status === 'expiring' ? 'orange' : 'dimmed'}>
                        {days < 0 ? t('certificates.expiredAgo', { count: -days }) : t('certificates.daysLeft', { count: days })}
                      </Text>
                    )}
                    {c.status === 'revoked' && c.revokedReason && (
                      <Text size="xs" c="red" lineClamp={2}>
                        {c.revokedReason}
                      </Text>
                    )}
                  </>
                );
              },
            },
            { key: 'status', header: t('certificates.status'), aside: true, cell: (c) => <CertStatusBadge status={c.status} /> },
            { key: 'code', header: t('certificates.code'), cell: (c) => <Code style={{ whiteSpace: 'nowrap' }}>{c.code}</Code> },
            {
              key: 'actions',
              header: '',
              cell: (c) => (
                <Group gap={6} wrap="nowrap" justify="flex-end">
                  <Button size="compact-sm" variant="light" component="a" href={certificateDocumentUrl(c.id, locale)} target="_blank" rel="noopener" leftSection={<IconPrinter size={14} />}>
                    {t('certificates.print')}
                  </Button>
                  <Button size="compact-sm" variant="subtle" leftSection={<IconShieldCheck size={14} />} renderRoot={(props) => <Link {...props} to="/verify/$code" params={{ code: c.code }} target="_blank" />}>
                    {t('certificates.verify')}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      )}
      <Text size="xs" c="dimmed">
        {t('certificates.verifyHint')}
      </Text>
    </Stack>
  );
}
