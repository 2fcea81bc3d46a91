import { Anchor, Badge, Button, Card, Grid, Group, List, SimpleGrid, Stack, Table, Tabs, Text, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { criteriaFor, type PartnerDetail } from '@partnerline/domain';
import { formatDate, formatDateTime, formatMoney, meQueryOptions, placeName, useStatusLabel, uuidParam } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { policiesQueryOptions } from '../../../api/catalog';
import { managersQueryOptions, partnerQueryOptions } from '../../../api/partners';
import { StageBadge } from '@partnerline/ui';
import { StrategyBadge } from '../-components/StrategyBadge';
import { PartnerRebatesCard } from '../rebates/-components/PartnerRebatesCard';
import { CertificationsCard } from './-components/CertificationsCard';
import { DecisionPanel } from './-components/DecisionPanel';
import { Incidents } from './-components/Incidents';
import { PartnerActivity, PartnerOverviewCards } from './-components/PartnerOverview';
import { ScorecardForm } from './-components/ScorecardForm';

export const Route = createFileRoute('/_authed/partners/$partnerId')({
  params: { parse: (p) => ({ partnerId: uuidParam(p.partnerId) }), stringify: (p) => p },
  validateSearch: z.object({ tab: z.enum(['profile', 'screening', 'history', 'users']).optional() }),
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(partnerQueryOptions(params.partnerId)),
      context.queryClient.ensureQueryData(policiesQueryOptions()),
      context.queryClient.ensureQueryData(managersQueryOptions()),
    ]),
  component: PartnerPage,
});

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function PartnerPage() {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { partnerId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: p } = useSuspenseQuery(partnerQueryOptions(partnerId));
  const { data: policies } = useSuspenseQuery(policiesQueryOptions());
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const tz = user?.timeZone ?? 'Asia/Shanghai';
  const canScreen = user?.role === 'vendor_admin' || user?.role === 'channel_manager';
  const [scoring, setScoring] = useState(false);
  const tab = search.tab ?? (['applied', 'screening', 'info_requested', 'trial'].includes(p.stage) ? 'screening' : 'profile');

  return (
    <Stack maw={1300}>
      <Anchor component={Link} to="/partners" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('partner.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{p.name}</Title>
            <Badge variant="outline" color={p.type === 'strategic' ? 'grape' : 'teal'}>
              {t(`partnerType.${p.type}`)}
            </Badge>
            <StageBadge stage={p.stage} audience="vendor" />
          </Group>
          {p.nameEn && <Text c="dimmed">{p.nameEn}</Text>}
          <Text size="sm" c="dimmed">
            {t('partner.reference')} PL-{p.id.slice(0, 8).toUpperCase()} · {t('partners.applied')} {formatDate(p.appliedAt, locale, tz)} · {t('partners.manager')}: {p.managerName ?? t('partner.noManager')}
          </Text>
        </Stack>
      </Group>

      <Tabs value={tab} onChange={(v) => void navigate({ search: { tab: (v ?? 'profile') as 'profile' } })}>
        <Tabs.List>
          <Tabs.Tab value="profile">{t('partner.overview')}</Tabs.Tab>
          <Tabs.Tab value="screening">{t('partner.screening')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('partner.history')}</Tabs.Tab>
          <Tabs.Tab value="users">{t('partner.team')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="profile" pt="md">
          <Stack mb="md">
            <PartnerOverviewCards partnerId={p.id} />
          </Stack>
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Card>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <Fact label={p.taxIdKind === 'uscc' ? t('partner.uscc') : t('partner.otherTaxId')}>{p.taxId}</Fact>
                  <Fact label={t('partner.domain')}>{p.domain ?? '—'}</Fact>
                  <Fact label={t('partners.city')}>{placeName(p.city, p.cityEn, locale)}</Fact>
                  <Fact label={t('partner.headcount')}>{p.headcount ?? '—'}</Fact>
                  <Fact label={t('partner.revenue')}>{formatMoney(p.annualRevenue, locale)}</Fact>
                  <Fact label={t('partner.years')}>{p.yearsTrading ?? '—'}</Fact>
                  <Fact label={t('partner.businessLines')}>{p.businessLines.join('、') || '—'}</Fact>
                  <Fact label={t('partner.vendors')}>{p.existingVendors.join('、') || '—'}</Fact>
                  <Fact label={t('partner.cashFlow')}>
                    {p.cashFlow ? `${t(p.cashFlow.positiveLastYear ? 'partner.positive' : 'partner.negative')} · ${t('partner.receivables', { days: p.cashFlow.receivablesDays })}` : '—'}
                  </Fact>
                  <Fact label={t('partner.personInCharge')}>{p.personInCharge ? `${p.personInCharge.name}${p.personInCharge.title ? `（${p.personInCharge.title}）` : ''} · ${p.personInCharge.email}` : '—'}</Fact>
                </SimpleGrid>
                {p.declarations && (
                  <List mt="md" size="sm" spacing={4} icon={<IconCircleCheck size={16} color="var(--mantine-color-green-6)" />}>
                    {p.declarations.integrity && <List.Item>{t('partner.integrityDeclared')}</List.Item>}
                    {p.declarations.noConflictingCompetitorProducts && <List.Item>{t('partner.noCompetitorsDeclared')}</List.Item>}
                  </List>
                )}
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack>
                <SegmentsCard partner={p} />
                {['active', 'trial', 'suspended', 'terminated'].includes(p.status) && <CertificationsCard partnerId={p.id} />}
                {['active', 'suspended', 'terminated'].includes(p.status) && <PartnerRebatesCard partnerId={p.id} />}
                {['active', 'trial', 'suspended', 'terminated'].includes(p.status) && <Incidents partnerId={p.id} canManage={canScreen} timeZone={tz} />}
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>

        <Tabs.Panel value="screening" pt="md">
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                {canScreen && <DecisionPanel partner={p} />}
                {canScreen && ['applied', 'screening', 'trial'].includes(p.status) && !scoring && (
                  <Button variant="light" w="fit-content" onClick={() => setScoring(true)}>
                    {t('partner.newScorecard')}
                  </Button>
                )}
                {scoring && <ScorecardForm partnerId={p.id} type={p.type} policies={policies.policies} onDone={() => setScoring(false)} />}
                <Card>
                  <Text fw={600} mb="sm">
                    {t('partner.scorecards')}
                  </Text>
                  {p.screenings.length === 0 && <Text c="dimmed" size="sm">{t('partner.noScorecards')}</Text>}
                  <Stack>
                    {p.screenings.map((s) => (
                      <Stack key={s.id} gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
                        <Group justify="space-between">
                          <Text size="sm">
                            {t('partner.total')} <b>{s.total}</b> · {t('partner.passMark', { mark: s.passMark })} · {formatDateTime(s.createdAt, locale, tz)} · {t('partner.scoredBy', { name: s.scoredBy })}
                          </Text>
                          {s.passed ? <Badge color="green">{t('partner.passed')}</Badge> : <Badge color="red">{s.knockedOut ? t('partner.knockedOut') : t('partner.failed')}</Badge>}
                        </Group>
                        <Table withRowBorders={false} verticalSpacing={2}>
                          <Table.Tbody>
                            {criteriaFor(s.type).map((c) => [c, s.scores[c]] as const).map(([c, v]) => (
                              <Table.Tr key={c}>
                                <Table.Td w="40%">{t(`partner.criteria.${c}`)}</Table.Td>
                                <Table.Td w={50}>{v}/5</Table.Td>
                                <Table.Td c="dimmed">{s.evidence[c] ?? ''}</Table.Td>
                              </Table.Tr>
                            ))}
                            {s.integrity !== null && (
                              <Table.Tr>
                                <Table.Td>{t('partner.integrity')}</Table.Td>
                                <Table.Td>{s.integrity}/5</Table.Td>
                                <Table.Td />
                              </Table.Tr>
                            )}
                          </Table.Tbody>
                        </Table>
                        {s.notes && <Text size="sm" c="dimmed">{s.notes}</Text>}
                      </Stack>
                    ))}
                  </Stack>
                </Card>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack>
                <SegmentsCard partner={p} />
                <Card>
                  <Text fw={600} mb="sm">
                    {t('partner.infoRequests')}
                  </Text>
                  {p.infoRequests.length === 0 && <Text size="sm" c="dimmed">—</Text>}
                  <Stack>
                    {p.infoRequests.map((q) => (
                      <Stack key={q.id} gap={4}>
                        <Text size="sm" fw={500}>
                          {q.question}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {q.askedBy} · {formatDateTime(q.askedAt, locale, tz)}
                        </Text>
                        {q.answer ? (
                          <Text size="sm" p="xs" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 6 }}>
                            {q.answer}
                          </Text>
                        ) : (
                          <Badge color="orange" variant="light" w="fit-content">
                            {t('partner.awaitingAnswer')}
                          </Badge>
                        )}
                      </Stack>
                    ))}
                  </Stack>
                </Card>
                <Card>
                  <Text fw={600} mb="sm">
                    {t('partner.trials')}
                  </Text>
                  {p.trials.length === 0 && <Text size="sm" c="dimmed">—</Text>}
                  {p.trials.map((tr) => (
                    <Stack key={tr.id} gap={2} mb="sm">
                      <Group gap="xs">
                        <Text size="sm" fw={500}>
                          {tr.customer}
                        </Text>
                        {tr.outcome ? (
                          <Badge color={tr.outcome === 'success' ? 'green' : 'red'}>{t(`partner.${tr.outcome}`)}</Badge>
                        ) : (
                          <Badge color="violet" variant="light">
                            {t('partner.inProgress', { date: formatDate(tr.endDate, locale) })}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" c="dimmed">
                        {tr.scope}
                      </Text>
                      {tr.outcomeNotes && <Text size="sm">{tr.outcomeNotes}</Text>}
                    </Stack>
                  ))}
                </Card>
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>

        <Tabs.Panel value="history" pt="md">
          <Stack mb="md">
            <PartnerActivity partnerId={p.id} timeZone={tz} />
          </Stack>
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card>
                <Text fw={600} mb="md">
                  {t('partner.statusHistory')}
                </Text>
                <Timeline active={p.statusHistory.length} bulletSize={18} lineWidth={2}>
                  {p.statusHistory.map((h, i) => (
                    <Timeline.Item key={i} title={statusLabel('partnerStatus', h.toStatus)}>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(h.occurredAt, locale, tz)} · {h.actorName ?? '—'}
                      </Text>
                      {h.reason && <Text size="sm">{h.reason}</Text>}
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card>
                <Text fw={600} mb="md">
                  {t('partner.decisionLog')}
                </Text>
                <Stack>
                  {p.decisions.map((d) => (
                    <Stack key={d.id} gap={2}>
                      <Text size="sm" fw={500}>
                        {t(`partner.decisions.${d.decision}`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {d.decidedBy} · {formatDateTime(d.createdAt, locale, tz)}
                      </Text>
                      {d.text && <Text size="sm">{d.text}</Text>}
                    </Stack>
                  ))}
                </Stack>
              </Card>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>

        <Tabs.Panel value="users" pt="md">
          <Card>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('users.email')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.users.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>{u.displayName}</Table.Td>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>
                      {t(`roles.${u.role}`, { ns: 'ui' })}
                      {u.jobRole ? ` · ${t(`jobRoles.${u.jobRole}`, { ns: 'ui' })}` : ''}
                    </Table.Td>
                    <Table.Td>
                      {u.disabled ? <Badge color="gray">{t('users.disabled')}</Badge> : u.invitationPending ? <Badge color="orange">{t('partner.invitationPending')}</Badge> : <Badge color="green">{t('users.active')}</Badge>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function SegmentsCard({ partner }: { partner: PartnerDetail }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  return (
    <Card>
      <Text fw={600} mb="sm">
        {t('partner.requestedSegments')}
      </Text>
      <Stack gap="sm">
        {partner.segments.map((s) => (
          <Stack key={`${s.industryId}-${s.regionId}`} gap={4}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {zh ? s.industryNameZh : s.industryNameEn} · {zh ? s.regionNameZh : s.regionNameEn}
              </Text>
              {s.strategy && <StrategyBadge strategy={s.strategy} size="sm" />}
            </Group>
            {s.fitWarning ? (
              <Group gap={4} wrap="nowrap">
                <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" />
                <Text size="xs" c="orange.8">
                  {t(`partner.fit.${s.fitWarning}`)}
                </Text>
              </Group>
            ) : (
              <Text size="xs" c="green.8">
                {s.strategy ? t('partner.fit.ok') : t('partner.fit.unknown')}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
