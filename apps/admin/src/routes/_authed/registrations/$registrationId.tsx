import { Alert, Anchor, Button, Card, Grid, Group, Modal, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ApiError, formatDateTime, formatMoney, meQueryOptions, StatusBadge, useStatusLabel } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { conflictQueryOptions, registrationQueryOptions, useReview } from '../../../api/registrations';

export const Route = createFileRoute('/_authed/registrations/$registrationId')({
  params: { parse: (p) => ({ registrationId: z.uuid().parse(p.registrationId) }), stringify: (p) => p },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(registrationQueryOptions(params.registrationId)),
  component: RegistrationPage,
});

function RegistrationPage() {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { registrationId } = Route.useParams();
  const { data: r } = useSuspenseQuery(registrationQueryOptions(registrationId));
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const review = useReview(registrationId);
  const [rejecting, setRejecting] = useState(false);
  const form = useForm({ initialValues: { reason: '' } });
  const { reason } = form.values;
  const canReview = user?.role === 'vendor_admin' || user?.role === 'channel_manager';
  const act = (action: 'approve' | 'reject') =>
    review.mutate(
      { action, reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('registrations.done') });
          setRejecting(false);
        },
        onError: (e) => notifications.show({ color: 'red', message: e instanceof ApiError ? e.message : String(e) }),
      },
    );
  const openConflict = r.conflicts.find((c) => c.status === 'open');
  // Only the case's resolution decides a registration in an open case (the API answers 409 REGISTRATION_IN_OPEN_CASE).
  const { data: openCase } = useQuery({ ...conflictQueryOptions(openConflict?.id ?? ''), enabled: !!openConflict });
  return (
    <Stack maw={1200}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/registrations" />}>
        ← {t('registrations.back')}
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{r.customerName}</Title>
          <StatusBadge kind="registration" value={r.status} size="lg" />
        </Group>
        {canReview && r.status === 'in_review' && !openConflict && (
          <Group gap="xs">
            <Button color="green" loading={review.isPending} onClick={() => act('approve')}>
              {t('registrations.approve')}
            </Button>
            <Button color="red" variant="light" onClick={() => setRejecting(true)}>
              {t('registrations.reject')}
            </Button>
          </Group>
        )}
      </Group>
      {openConflict && (
        <Alert color="orange">
          <Group justify="space-between">
            <Text size="sm">{t('registrations.conflictOpen')}</Text>
            <Button size="xs" renderRoot={(props) => <Link {...props} to="/conflicts/$conflictId" params={{ conflictId: openConflict.id }} />}>
              {openCase ? t('registrations.openCaseNumber', { number: openCase.number }) : t('registrations.openCase')}
            </Button>
          </Group>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Stack gap={6}>
              <Text size="sm"><b>{t('registrations.amount')}:</b> {formatMoney(r.estimatedAmount, locale)}</Text>
              {r.slaDue && <Text size="sm"><b>{t('registrations.slaDue')}:</b> {r.slaDue}</Text>}
              {r.protectionEnds && <Text size="sm"><b>{t('registrations.protection')}:</b> {r.protectionEnds}</Text>}
              <Text size="sm"><b>{t('registrations.need')}:</b> {r.details.need}</Text>
              <Text size="sm" fw={600} mt="sm">{t('registrations.contacts')}</Text>
              {r.details.contacts.map((c, i) => (
                <Text key={i} size="sm">{c.name}{c.title ? `（${c.title}）` : ''} · {c.decisionLevel}</Text>
              ))}
              <Text size="sm" fw={600} mt="sm">{t('registrations.evidence')}</Text>
              {Object.entries(r.details.evidence).map(([k, v]) => (
                <Text key={k} size="sm">{t(`agreementForm.${k}`)}: {v}</Text>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card>
            <Text fw={600} mb="md">{t('registrations.timeline')}</Text>
            <Timeline active={r.history.length} bulletSize={16}>
              {r.history.map((h, i) => (
                <Timeline.Item key={i} title={statusLabel('registration', h.toStatus)}>
                  <Text size="xs" c="dimmed">{formatDateTime(h.occurredAt, locale, user?.timeZone)}</Text>
                  {h.note && <Text size="xs">{h.note}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
        </Grid.Col>
      </Grid>
      {rejecting && (
        <Modal opened onClose={() => setRejecting(false)} title={t('registrations.reject')}>
          <Stack>
            <Textarea label={t('registrations.reason')} autosize minRows={3} {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button color="red" loading={review.isPending} disabled={!reason.trim()} onClick={() => act('reject')}>
                {t('registrations.reject')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
