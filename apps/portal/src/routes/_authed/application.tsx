import { Alert, Badge, Button, Card, Grid, Group, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ApiError, formatDate, formatDateTime, meQueryOptions, useStatusLabel } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { myPartnerQueryOptions, useAnswer } from '../../api/portal';
import { StageBadge } from '@partnerline/ui';

export const Route = createFileRoute('/_authed/application')({
  loader: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData(meQueryOptions());
    if (user?.partnerId) await context.queryClient.ensureQueryData(myPartnerQueryOptions(user.partnerId));
  },
  component: ApplicationPage,
});

function ApplicationPage() {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: p } = useSuspenseQuery(myPartnerQueryOptions(user!.partnerId!));
  const tz = user?.timeZone;
  const rejection = p.decisions.find((d) => d.decision === 'reject');

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2}>{t('application.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('application.reference')} PL-{p.id.slice(0, 8).toUpperCase()} · {t('application.submitted')} {formatDate(p.appliedAt, locale, tz)}
          </Text>
        </Stack>
        <StageBadge stage={p.stage} size="lg" />
      </Group>
      {rejection?.text && (
        <Alert color="red" title={t('application.rejection')}>
          {rejection.text}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Card>
              <Text fw={600} mb="sm">
                {t('application.questions')}
              </Text>
              {p.infoRequests.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('application.noQuestions')}
                </Text>
              )}
              <Stack>
                {p.infoRequests.map((q) => (
                  <Question key={q.id} partnerId={p.id} request={q} locale={locale} tz={tz} canAnswer={user?.role === 'partner_admin'} />
                ))}
              </Stack>
            </Card>
            {p.trials.map((tr) => (
              <Card key={tr.id}>
                <Group justify="space-between" mb="xs">
                  <Text fw={600}>{t('application.trial')}</Text>
                  {tr.outcome ? <Badge color={tr.outcome === 'success' ? 'green' : 'red'}>{t(`application.${tr.outcome}`)}</Badge> : <Badge color="violet">{t('application.inProgress')}</Badge>}
                </Group>
                <Text size="sm">
                  {t('application.trialCustomer')}: {tr.customer}
                </Text>
                <Text size="sm">
                  {t('application.trialScope')}: {tr.scope}
                </Text>
                <Text size="sm">
                  {t('application.trialEnd')}: {formatDate(tr.endDate, locale)}
                </Text>
                {tr.outcomeNotes && (
                  <Text size="sm" mt="xs" c="dimmed">
                    {tr.outcomeNotes}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Card>
              <Text fw={600} mb="md">
                {t('application.timeline')}
              </Text>
              <Timeline active={p.statusHistory.length} bulletSize={16}>
                {p.statusHistory.map((h, i) => (
                  <Timeline.Item key={i} title={statusLabel('partnerStatus', h.toStatus)}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(h.occurredAt, locale, tz)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
            <Card>
              <Text fw={600} mb="xs">
                {t('application.segments')}
              </Text>
              {p.segments.map((s) => (
                <Text key={`${s.industryId}${s.regionId}`} size="sm">
                  {locale === 'zh-CN' ? `${s.industryNameZh} · ${s.regionNameZh}` : `${s.industryNameEn} · ${s.regionNameEn}`}
                </Text>
              ))}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Question({ partnerId, request, locale, tz, canAnswer }: { partnerId: string; request: { id: string; question: string; askedBy: string; askedAt: string; answer: string | null; answeredAt: string | null }; locale: 'zh-CN' | 'en'; tz?: string; canAnswer: boolean }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { answer: '' } });
  const answer = form.values.answer;
  const send = useAnswer(partnerId);
  const error = send.error instanceof ApiError ? (send.error.fieldErrors().answer ?? send.error.message) : undefined;
  return (
    <Stack gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Text size="sm" fw={500}>
        {request.question}
      </Text>
      <Text size="xs" c="dimmed">
        {request.askedBy} · {formatDateTime(request.askedAt, locale, tz)}
      </Text>
      {request.answer ? (
        <>
          <Badge color="green" variant="light" w="fit-content">
            {t('application.answered')}
          </Badge>
          <Text size="sm">{request.answer}</Text>
        </>
      ) : (
        canAnswer && (
          <>
            <Textarea label={t('application.answer')} withAsterisk autosize minRows={3} {...form.getInputProps('answer')} error={error} />
            <Button
              w="fit-content"
              disabled={!answer.trim()}
              loading={send.isPending}
              onClick={() => send.mutate({ requestId: request.id, answer: answer.trim() }, { onSuccess: () => notifications.show({ color: 'green', message: t('application.sent') }) })}
            >
              {t('application.send')}
            </Button>
          </>
        )
      )}
    </Stack>
  );
}
