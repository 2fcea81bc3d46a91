import { Anchor, Badge, Button, Card, Grid, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { type AgreementTerms, hasPerformance } from '@partnerline/domain';
import { formatDate, formatMoney, StatusBadge } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { agreementQueryOptions, productLinesQueryOptions, productsQueryOptions } from '../../../api/portal';
import { agreementQualificationQueryOptions } from '../../../api/training';
import { QualificationBadge, QualificationLineView } from '../../../components/qualification';
import { productLineName, useLocale } from '../../../components/training';
import { PerformanceCard } from '../performance/-components/PerformanceCard';
import { RenewalReadinessCard } from '../../../components/renewals';

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
          <StatusBadge kind="agreement" value={a.status} />
        </Group>
        <Button component="a" href={`/api/agreements/${a.id}/document?lang=${zh ? 'zh-CN' : 'en'}`} target="_blank" variant="default" leftSection={<IconPrinter size={16} />}>
          {t('agreements.document')}
        </Button>
      </Group>
      {a.status === 'active' && <RenewalReadinessCard agreementId={a.id} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Table>
              <Table.Tbody>
                {row(t('agreements.term'), `${formatDate(a.startDate, zh ? 'zh-CN' : 'en')} – ${formatDate(a.endDate, zh ? 'zh-CN' : 'en')}`)}
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
                {terms.deposit && row(t('agreements.deposit'), `${formatMoney(terms.deposit.amount, zh ? 'zh-CN' : 'en')} · ${formatDate(terms.deposit.dueDate, zh ? 'zh-CN' : 'en')}`)}
                {row(t('agreements.renewalTerms'), terms.renewalTerms || '—')}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            {hasPerformance(a.status) && <PerformanceCard agreementId={a.id} />}
            <QualificationCard agreementId={a.id} active={a.status === 'active'} requirements={terms.qualificationRequirements} />
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

/**
 * The agreement's qualification requirements with the live status of each (certified people held / required),
 * computed by the API from the team's valid certificates.
 */
function QualificationCard({ agreementId, active, requirements }: { agreementId: string; active: boolean; requirements: AgreementTerms['qualificationRequirements'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zh = locale === 'zh-CN';
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const { data: q, isPending, isError } = useQuery(agreementQualificationQueryOptions(agreementId));
  const lineFor = (r: AgreementTerms['qualificationRequirements'][number]) => q?.lines.find((l) => l.jobRole === r.jobRole && l.productLineId === r.productLineId);
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('agreements.qualification')}</Text>
        {q && requirements.length > 0 && <QualificationBadge compliant={q.compliant} />}
        {isPending && <Loader size="xs" />}
      </Group>
      {requirements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('qualification.noRequirements')}
        </Text>
      ) : q && !isError ? (
        <Stack gap="sm">
          {requirements.map((r, i) => {
            const line = lineFor(r);
            return line ? (
              <QualificationLineView key={i} line={line} lineName={productLineName(lines, r.productLineId, line.productLineCode, zh)} />
            ) : (
              <Text key={i} size="sm">
                {t('agreements.requirement', { count: r.headcount, role: t(`jobRoles.${r.jobRole}`, { ns: 'ui' }), line: productLineName(lines, r.productLineId, '', zh) })}
              </Text>
            );
          })}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('qualification.asOf', { date: formatDate(q.asOf, locale) })}
              {!active ? ` · ${t('qualification.inactiveNote')}` : ''}
            </Text>
            <Anchor size="xs" renderRoot={(props) => <Link {...props} to="/learning" />}>
              {t('qualification.toLearning')}
            </Anchor>
          </Group>
        </Stack>
      ) : (
        <List size="sm" spacing={4}>
          {requirements.map((r, i) => (
            <List.Item key={i}>{t('agreements.requirement', { count: r.headcount, role: t(`jobRoles.${r.jobRole}`, { ns: 'ui' }), line: productLineName(lines, r.productLineId, '', zh) })}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
