import { Anchor, Stack, Text } from '@mantine/core';
import { formatDate, formatMoney, PageHeader, ResponsiveTable, StatusBadge } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { myAgreementsQueryOptions } from '../../../api/portal';

export const Route = createFileRoute('/_authed/agreements/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(myAgreementsQueryOptions()),
  component: MyAgreements,
});

function MyAgreements() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const locale = zh ? 'zh-CN' : 'en';
  const { data } = useSuspenseQuery(myAgreementsQueryOptions());
  return (
    <Stack maw={1200}>
      <PageHeader title={t('agreements.title')} subtitle={t('agreements.subtitle')} />
      {data.items.length === 0 ? (
        <Text c="dimmed">{t('agreements.none')}</Text>
      ) : (
        <ResponsiveTable
          label={t('agreements.title')}
          minWidth={900}
          rows={data.items}
          rowKey={(a) => a.id}
          columns={[
            {
              key: 'number',
              header: t('agreements.number'),
              primary: true,
              cell: (a) => (
                <Anchor fw={600} size="sm" renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: a.id }} />}>
                  {a.number}
                </Anchor>
              ),
            },
            { key: 'type', header: t('agreements.type'), cell: (a) => t(`agreementType.${a.type}`) },
            { key: 'status', header: t('agreements.status'), aside: true, cell: (a) => <StatusBadge kind="agreement" value={a.status} /> },
            {
              key: 'term',
              header: t('agreements.term'),
              cell: (a) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(a.startDate, locale)} – {formatDate(a.endDate, locale)}
                </span>
              ),
            },
            {
              key: 'scope',
              header: t('agreements.scope'),
              cell: (a) =>
                a.scope
                  .map((s) => `${s.industryId ? (zh ? s.industryNameZh : s.industryNameEn) : t('agreements.allIndustries')} × ${s.regionId ? (zh ? s.regionNameZh : s.regionNameEn) : t('agreements.allRegions')}`)
                  .join(zh ? '；' : '; '),
            },
            { key: 'quota', header: t('agreements.quota'), align: 'right', cell: (a) => formatMoney(a.quotaPerPeriod, locale) },
          ]}
        />
      )}
    </Stack>
  );
}
