import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import type { RegistrationReview } from '@partnerline/domain';
import { ApiError, Fact, formatDate, formatDateTime, formatMoney, meQueryOptions, NotFound, orNotFound, StatusBadge, useLocale, useStatusLabel, uuidParam } from '@partnerline/ui';
import { notifications } from '@mantine/notifications';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewQueryOptions, useDecision } from '../../../api/registration-review';
import { conflictQueryOptions, registrationQueryOptions } from '../../../api/registrations';
import { ReverseDealButton } from '../rebates/-components/ReverseDealButton';
import { DecisionDialog } from './-components/DecisionDialog';
import { EvidencePanel } from './-components/EvidencePanel';
import { RelatedList } from './-components/RelatedList';

export const Route = createFileRoute('/_authed/registrations/$registrationId')({
  // A malformed or unknown id is the not-found page (no raw id, no retry).
  params: { parse: (p) => ({ registrationId: uuidParam(p.registrationId) }), stringify: (p) => p },
  loader: ({ context, params }) =>
    orNotFound(Promise.all([context.queryClient.ensureQueryData(reviewQueryOptions(params.registrationId)), context.queryClient.ensureQueryData(registrationQueryOptions(params.registrationId))])),
  notFoundComponent: RegistrationNotFound,
  component: ReviewDesk,
});

function RegistrationNotFound() {
  const { t } = useTranslation();
  return <NotFound home="/admin/registrations" message={t('review.notFound')} />;
}

/** The reviewer's desk: everything a decision needs, and the decision with a comment the partner sees. */
function ReviewDesk() {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = useLocale();
  const { registrationId } = Route.useParams();
  const { data: r } = useSuspenseQuery(reviewQueryOptions(registrationId));
  const { data: detail } = useSuspenseQuery(registrationQueryOptions(registrationId));
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const decide = useDecision(registrationId);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const canReview = user?.role === 'vendor_admin' || user?.role === 'channel_manager';
  const openConflict = r.conflicts.find((c) => c.status === 'open');
  // Only the case's resolution decides a registration in an open case (the API answers 409 REGISTRATION_IN_OPEN_CASE).
  const { data: openCase } = useQuery({ ...conflictQueryOptions(openConflict?.id ?? ''), enabled: !!openConflict });
  const confirm = (comment: string) =>
    decide.mutate(
      { action: deciding!, comment },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: deciding === 'approve' ? t('review.approved') : t('review.rejected') });
          setDeciding(null);
        },
        onError: (e) => notifications.show({ color: 'red', message: e instanceof ApiError ? e.message : String(e) }),
      },
    );
  const zh = locale === 'zh-CN';
  const name = (n: { nameZh: string; nameEn: string } | null) => (n ? (zh ? n.nameZh : n.nameEn) : '—');

  return (
    <Stack maw={1300}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/registrations" />}>
        ← {t('review.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm">
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {r.customer.name}
            </Title>
            <StatusBadge kind="registration" value={r.status} size="lg" />
          </Group>
          <Text c="dimmed" size="sm">
            {r.partner.name} · {name(r.customer.industry)} · {name(r.customer.region)}
          </Text>
        </Stack>
        {canReview && r.status === 'won' && <ReverseDealButton registrationId={registrationId} />}
        {canReview && r.status === 'in_review' && !openConflict && (
          <Group gap="xs">
            <Button color="green" onClick={() => setDeciding('approve')}>
              {t('review.approve')}
            </Button>
            <Button color="red" variant="light" onClick={() => setDeciding('reject')}>
              {t('review.reject')}
            </Button>
          </Group>
        )}
      </Group>
      <SlaBar r={r} />
      {openConflict && (
        <Alert color="orange">
          <Group justify="space-between">
            <Text size="sm">{t('registrations.conflictOpen')}</Text>
            <Button size="xs" renderRoot={(props) => <Link {...props} to="/conflicts/$conflictId" params={{ conflictId: openConflict.id }} />}>
              {openCase ? t('registrations.openCaseNumber', { number: openCase.number }) : t('review.openCase')}
            </Button>
          </Group>
        </Alert>
      )}
      {r.reviewComment && (
        <Alert color={r.status === 'rejected' ? 'red' : 'green'} title={t('review.comment')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.reviewComment}
          </Text>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <DealCard r={r} name={name} />
            <EvidencePanel r={r} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <PartnerCard r={r} />
            <Card>
              <Title order={4} mb="sm">
                {t('review.history')}
              </Title>
              <RelatedList items={r.history} empty={t('review.noHistory')} showPartner={false} />
            </Card>
            <Card>
              <Title order={4} mb="sm">
                {t('review.similar')}
              </Title>
              <RelatedList items={r.similar} empty={t('review.noSimilar')} showPartner />
            </Card>
            <Card>
              <Title order={4} mb="md">
                {t('review.timeline')}
              </Title>
              <Timeline active={detail.history.length} bulletSize={16}>
                {detail.history.map((h, i) => (
                  <Timeline.Item key={i} title={statusLabel('registration', h.toStatus)}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(h.occurredAt, locale, user?.timeZone)}
                    </Text>
                    {h.note && <Text size="xs">{h.note}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      {deciding && <DecisionDialog action={deciding} pending={decide.isPending} onConfirm={confirm} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}

function SlaBar({ r }: { r: RegistrationReview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card py="sm">
      <Group gap="xl" wrap="wrap">
        <Fact label={t('review.submitted')}>{formatDateTime(r.sla.submittedAt, locale)}</Fact>
        <Fact label={t('review.dueBy')}>{formatDate(r.sla.dueBy, locale)}</Fact>
        {r.sla.dueBy && (
          <Fact label={t('review.sla')}>
            {r.sla.overdueDays > 0 ? (
              <Badge color="red">{t('review.overdueBy', { count: r.sla.overdueDays })}</Badge>
            ) : (
              <Badge color="green" variant="light">
                {t('review.onTime')}
              </Badge>
            )}
          </Fact>
        )}
        <Fact label={t('review.amount')}>{formatMoney(r.estimatedAmount, locale)}</Fact>
        {r.protectionEnds && <Fact label={t('review.protection')}>{formatDate(r.protectionEnds, locale)}</Fact>}
      </Group>
    </Card>
  );
}

function DealCard({ r, name }: { r: RegistrationReview; name: (n: { nameZh: string; nameEn: string } | null) => string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zh = locale === 'zh-CN';
  return (
    <Card>
      <Stack gap="sm">
        <Title order={4}>{t('review.customer')}</Title>
        <Group gap="xl" wrap="wrap">
          <Fact label={t('review.industry')}>{name(r.customer.industry)}</Fact>
          <Fact label={t('review.region')}>{name(r.customer.region)}</Fact>
          {r.customer.taxId && <Fact label={t('review.taxId')}>{r.customer.taxId}</Fact>}
          {r.customer.domain && <Fact label={t('review.domain')}>{r.customer.domain}</Fact>}
          {r.customer.address && <Fact label={t('review.address')}>{r.customer.address}</Fact>}
        </Group>
        <Title order={4} mt="xs">
          {t('review.deal')}
        </Title>
        <Group gap="xl" wrap="wrap">
          <Fact label={t('review.amount')}>{formatMoney(r.estimatedAmount, locale)}</Fact>
          <Fact label={t('review.stage')}>{t(`review.stages.${r.stage}`)}</Fact>
          <Fact label={t('review.expectedClose')}>{formatDate(r.expectedCloseDate, locale)}</Fact>
        </Group>
        <Table.ScrollContainer minWidth={240}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('review.product')}</Table.Th>
                <Table.Th ta="right">{t('review.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.products.map((p) => (
                <Table.Tr key={p.productId}>
                  <Table.Td>{zh ? p.nameZh : p.nameEn}</Table.Td>
                  <Table.Td ta="right">{p.quantity}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Fact label={t('review.need')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {r.need}
          </Text>
        </Fact>
        <Title order={4} mt="xs">
          {t('review.contacts')}
        </Title>
        {r.contacts.map((c, i) => (
          <Group key={i} gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {c.name}
              {c.title ? ` · ${c.title}` : ''}
            </Text>
            <Badge size="sm" variant="light" color={c.decisionLevel === 'decision_maker' ? 'teal' : 'gray'}>
              {t(`review.levels.${c.decisionLevel}`)}
            </Badge>
            {c.email && <Anchor size="sm" href={`mailto:${c.email}`}>{c.email}</Anchor>}
            {c.phone && <Text size="sm">{c.phone}</Text>}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function PartnerCard({ r }: { r: RegistrationReview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = r.partner;
  return (
    <Card>
      <Stack gap="sm">
        <Title order={4}>{t('review.partner')}</Title>
        <Anchor fw={600} renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: p.id }} />}>
          {p.name}
        </Anchor>
        {p.nameEn && (
          <Text size="xs" c="dimmed">
            {p.nameEn}
          </Text>
        )}
        <Group gap="xl" wrap="wrap">
          <Fact label={t('review.partnerType')}>{t(`partnerType.${p.type}`, { defaultValue: p.type })}</Fact>
          <Fact label={t('review.partnerStatus')}>
            <StatusBadge kind="partnerStatus" value={p.status} size="sm" />
          </Fact>
          <Fact label={t('review.manager')}>{p.managerName ?? t('review.noManager')}</Fact>
        </Group>
        <Text size="sm" fw={600}>
          {t('review.agreements')}
        </Text>
        {p.agreements.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('review.noAgreements')}
          </Text>
        )}
        {p.agreements.map((a) => (
          <Group key={a.id} gap="xs">
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: a.id }} />}>
              {t(`agreementType.${a.type}`)}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('review.term', { start: formatDate(a.startDate, locale), end: formatDate(a.endDate, locale) })}
            </Text>
            {r.agreement?.id === a.id && (
              <Badge size="xs" variant="light">
                {t('review.agreement')}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
