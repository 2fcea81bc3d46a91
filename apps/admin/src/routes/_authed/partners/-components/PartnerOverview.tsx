import { Anchor, Card, Group, SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import { auditActionLabel, auditEntityLabel, PartnerOverviewSchema, type PartnerOverview } from '@partnerline/domain';
import { formatDate, formatDateTime, formatMoney, getParsed, StatusBadge, useLocale, useStatusLabel } from '@partnerline/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** GET /partners/:id/overview: the partner 360 assembled by the API from each owning module. */
export const partnerOverviewQueryOptions = (partnerId: string) =>
  queryOptions({ queryKey: ['partner', partnerId, 'overview'], queryFn: () => getParsed(PartnerOverviewSchema, `/partners/${partnerId}/overview`), staleTime: 30_000 });

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

function Section({ title, children, empty }: { title: string; children: ReactNode; empty: boolean }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Text fw={600} mb="sm">
        {title}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('partner360.none')}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

/** Registrations (counts, pipeline, won revenue, the latest ones), agreements, support and reviews. */
export function PartnerOverviewCards({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data } = useQuery(partnerOverviewQueryOptions(partnerId));
  if (!data) return null;
  const r = data.registrations;
  return (
    <Stack>
      <Section title={t('partner360.registrations')} empty={false}>
        <SimpleGrid cols={{ base: 2, sm: 5 }} mb="sm">
          <Stat label={t('partner360.open')} value={r.open} />
          <Stat label={t('partner360.won')} value={r.won} />
          <Stat label={t('partner360.lost')} value={r.lost} />
          <Stat label={t('partner360.pipeline')} value={formatMoney(r.pipelineValue, locale)} />
          <Stat label={t('partner360.wonRevenue')} value={formatMoney(r.wonRevenue, locale)} />
        </SimpleGrid>
        <Stack gap={6}>
          {r.recent.map((x) => (
            <Group key={x.id} justify="space-between" wrap="nowrap" gap="xs">
              <Anchor size="sm" truncate renderRoot={(props) => <Link {...props} to="/registrations/$registrationId" params={{ registrationId: x.id }} />}>
                {x.customerName}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  {formatMoney(x.estimatedAmount, locale)} · {formatDate(x.expectedClose, locale)}
                </Text>
                <StatusBadge kind="registration" value={x.status} size="sm" />
              </Group>
            </Group>
          ))}
        </Stack>
      </Section>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Section title={t('partner360.agreements')} empty={data.agreements.length === 0}>
          <Stack gap={6}>
            {data.agreements.map((a) => (
              <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0}>
                  <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: a.id }} />}>
                    {a.number ?? t(`agreementType.${a.type}`)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`agreementType.${a.type}`)} · {formatDate(a.startDate, locale)} – {formatDate(a.endDate, locale)}
                  </Text>
                </Stack>
                <StatusBadge kind="agreement" value={a.status} size="sm" />
              </Group>
            ))}
          </Stack>
        </Section>
        <Section title={t('partner360.support')} empty={data.supportRequests.length === 0}>
          <Stack gap={6}>
            {data.supportRequests.map((s) => (
              <Group key={s.id} justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0} miw={0}>
                  <Anchor size="sm" truncate renderRoot={(props) => <Link {...props} to="/support/$requestId" params={{ requestId: s.id }} />}>
                    {s.number} · {s.subject}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDate(s.createdAt, locale)}
                  </Text>
                </Stack>
                <StatusBadge kind="support" value={s.status} size="sm" />
              </Group>
            ))}
          </Stack>
        </Section>
        <Section title={t('partner360.reviews')} empty={data.reviews.length === 0}>
          <Stack gap={6}>
            {data.reviews.map((q) => (
              <Group key={q.id} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm">{t('partner360.due', { date: formatDate(q.dueOn, locale) })}</Text>
                {q.result ? <StatusBadge kind="reviewResult" value={q.result} size="sm" /> : <StatusBadge kind="review" value={q.status} size="sm" />}
              </Group>
            ))}
          </Stack>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

/** The activity timeline: audit entries about the partner and its registrations' status changes, newest first. */
export function PartnerActivity({ partnerId, timeZone }: { partnerId: string; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useStatusLabel();
  const { data } = useQuery(partnerOverviewQueryOptions(partnerId));
  if (!data) return null;
  const title = (e: PartnerOverview['timeline'][number]) =>
    e.kind === 'registration' ? t('partner360.registrationTo', { customer: e.detail ?? '', status: status('registration', e.action) }) : `${auditActionLabel(e.action, locale)} · ${auditEntityLabel(e.entity, locale)}`;
  return (
    <Card>
      <Text fw={600} mb="md">
        {t('partner360.activity')}
      </Text>
      {data.timeline.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partner360.none')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {data.timeline.map((e, i) => (
            <Timeline.Item key={i} title={<Text size="sm">{title(e)}</Text>}>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at, locale, timeZone)} · {e.actorName ?? t('partner360.system')}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
