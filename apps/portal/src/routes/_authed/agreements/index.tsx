import { Anchor, Card, Stack, Table, Text } from '@mantine/core';
import { formatMoney, StatusBadge } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { myAgreementsQueryOptions } from '../../../api/portal';
import { PageHeader } from '@partnerline/ui';

export const Route = createFileRoute('/_authed/agreements/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(myAgreementsQueryOptions()),
  component: MyAgreements,
});


function MyAgreements() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const { data } = useSuspenseQuery(myAgreementsQueryOptions());
  return (
    <Stack maw={1200}>
      <PageHeader title={t('agreements.title')} subtitle={t('agreements.subtitle')} />
      {data.items.length === 0 ? (
        <Text c="dimmed">{t('agreements.none')}</Text>
      ) : (
        <Card p={0}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agreements.number')}</Table.Th>
                <Table.Th>{t('agreements.type')}</Table.Th>
                <Table.Th>{t('agreements.status')}</Table.Th>
                <Table.Th>{t('agreements.term')}</Table.Th>
                <Table.Th>{t('agreements.scope')}</Table.Th>
                <Table.Th ta="right">{t('agreements.quota')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor fw={600} size="sm" renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: a.id }} />}>
                      {a.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`agreementType.${a.type}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge kind="agreement" value={a.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {a.startDate} – {a.endDate}
                  </Table.Td>
                  <Table.Td>{a.scope.map((s) => `${s.industryId ? (zh ? s.industryNameZh : s.industryNameEn) : t('agreements.allIndustries')} × ${s.regionId ? (zh ? s.regionNameZh : s.regionNameEn) : t('agreements.allRegions')}`).join('；')}</Table.Td>
                  <Table.Td ta="right">{formatMoney(a.quotaPerPeriod, zh ? 'zh-CN' : 'en')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
