import { Anchor, Badge, Button, Card, Grid, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { AgreementTerms } from '@partnerline/domain';
import { formatMoney } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { agreementQueryOptions, productLinesQueryOptions, productsQueryOptions } from '../../../api/portal';
import { STATUS_COLOR } from './index';

export const Route = createFileRoute('/_authed/agreements/$agreementId')({
  params: { parse: (p) => ({ agreementId: z.uuid().parse(p.agreementId) }), stringify: (p) => p },
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(agreementQueryOptions(params.agreementId)),
      context.queryClient.ensureQueryData(productsQueryOptions()),
      context.queryClient.ensureQueryData(productLinesQueryOptions()),
    ]),
  component: AgreementPage,
});

function AgreementPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const { agreementId } = Route.useParams();
  const { data: a } = useSuspenseQuery(agreementQueryOptions(agreementId));
  const { data: products } = useSuspenseQuery(productsQueryOptions());
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const terms = a.terms as AgreementTerms;
  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th w="32%" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack maw={1100}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/agreements" />}>
        ← {t('agreements.back')}
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{a.number}</Title>
          <Badge variant="outline">{t(`agreementType.${a.type}`)}</Badge>
          <Badge color={STATUS_COLOR[a.status]} variant="light" styles={{ label: { overflow: 'visible' } }}>
            {t(`agreementStatus.${a.status}`)}
          </Badge>
        </Group>
        <Button component="a" href={`/api/agreements/${a.id}/document?lang=${zh ? 'zh-CN' : 'en'}`} target="_blank" variant="default" leftSection={<IconPrinter size={16} />}>
          {t('agreements.document')}
        </Button>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Table>
              <Table.Tbody>
                {row(t('agreements.term'), `${a.startDate} – ${a.endDate}`)}
                {row(
                  t('agreements.scope'),
                  a.scope.map((s, i) => (
                    <Text key={i} size="sm">
                      {s.industryId ? (zh ? s.industryNameZh : s.industryNameEn) : t('agreements.allIndustries')} × {s.regionId ? (zh ? s.regionNameZh : s.regionNameEn) : t('agreements.allRegions')}
                    </Text>
                  )),
                )}
                {row(t('agreements.products'), terms.productIds.map((id) => products.find((p) => p.id === id)).filter(Boolean).map((p) => (zh ? p!.nameZh : p!.nameEn)).join(zh ? '、' : ', ') || '—')}
                {row(t('agreements.period'), terms.evaluationPeriod ? t(`agreements.periods.${terms.evaluationPeriod}`) : '—')}
                {row(t('agreements.quota'), formatMoney(terms.quotaPerPeriod, zh ? 'zh-CN' : 'en'))}
                {row(t('agreements.renewalThreshold'), `${terms.renewalThresholdPercent}%`)}
                {row(t('agreements.payment'), terms.paymentTerms || '—')}
                {terms.deposit && row(t('agreements.deposit'), `${formatMoney(terms.deposit.amount, zh ? 'zh-CN' : 'en')} · ${terms.deposit.dueDate}`)}
                {row(t('agreements.renewalTerms'), terms.renewalTerms || '—')}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Card>
              <Text fw={600} mb="xs">
                {t('agreements.qualification')}
              </Text>
              <List size="sm" spacing={4}>
                {terms.qualificationRequirements.map((q, i) => {
                  const line = lines.find((l) => l.id === q.productLineId);
                  return <List.Item key={i}>{t('agreements.requirement', { count: q.headcount, role: t(`jobRoles.${q.jobRole}`, { ns: 'ui' }), line: line ? (zh ? line.nameZh : line.nameEn) : '' })}</List.Item>;
                })}
              </List>
            </Card>
            {terms.evidenceStandard && (
              <Card>
                <Text fw={600} mb="xs">
                  {t('agreements.evidence')}
                </Text>
                <List size="sm">
                  {(['proofOfCommunication', 'customerFeedback', 'customerDetails'] as const)
                    .filter((k) => terms.evidenceStandard![k])
                    .map((k) => (
                      <List.Item key={k}>{t(`agreements.${k}`)}</List.Item>
                    ))}
                </List>
              </Card>
            )}
            <Card>
              <Stack gap={6}>
                <Text size="sm"><b>{t('agreements.vendorService')}:</b> {terms.serviceDivision.vendor || '—'}</Text>
                <Text size="sm"><b>{t('agreements.partnerService')}:</b> {terms.serviceDivision.partner || '—'}</Text>
                <Text size="sm"><b>{t('agreements.vendorObligations')}:</b> {terms.obligations.vendor || '—'}</Text>
                <Text size="sm"><b>{t('agreements.partnerObligations')}:</b> {terms.obligations.partner || '—'}</Text>
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
