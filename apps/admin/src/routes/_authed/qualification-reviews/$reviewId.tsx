import { Alert, Anchor, Badge, Card, Grid, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconX } from '@tabler/icons-react';
import type { QualificationReview } from '@partnerline/domain';
import { ApiError, Fact, formatDate, formatDateTime, meQueryOptions, StatusBadge } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { partnerQualificationQueryOptions, reviewQueryOptions, useCompleteReview } from '../../../api/training';
import { canManageTraining } from '../../../nav';
import { ComplianceBadge, gapText, QualificationLines } from '../-components/QualificationPanel';
import { ResultBadge } from '../training/-components/TrainingBadges';
import { CHECKS, ReviewChecklistForm } from './-components/ReviewChecklistForm';

export const Route = createFileRoute('/_authed/qualification-reviews/$reviewId')({
  params: { parse: (p) => ({ reviewId: z.uuid().parse(p.reviewId) }), stringify: (p) => p },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(reviewQueryOptions(params.reviewId)),
  component: ReviewPage,
});

function ReviewPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { reviewId } = Route.useParams();
  const { data: r } = useSuspenseQuery(reviewQueryOptions(reviewId));
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const live = useQuery(partnerQualificationQueryOptions(r.partnerId));
  const complete = useCompleteReview(reviewId);
  const canEdit = canManageTraining(user?.role);
  const livePass = live.data ? live.data.every((q) => q.compliant) : null;

  return (
    <Stack maw={1300}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/qualification-reviews" />}>
        ← {t('reviews.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('reviews.reviewOf')}
          </Text>
          <Group gap="sm">
            <Title order={2}>{r.partnerName}</Title>
            <StatusBadge kind="review" value={r.status} size="lg" />
            {r.overdue && r.status === 'scheduled' && (
              <Badge color="red" size="lg">
                {t('reviews.overdue')}
              </Badge>
            )}
            {r.result && <ResultBadge result={r.result} size="lg" />}
          </Group>
        </Stack>
      </Group>
      <Card>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact label={t('reviews.partner')}>
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: r.partnerId }} />}>
              {r.partnerName}
            </Anchor>
          </Fact>
          <Fact label={t('reviews.due')}>{formatDate(r.dueOn, locale)}</Fact>
          <Fact label={t('reviews.reviewer')}>{r.reviewerName ?? '—'}</Fact>
          <Fact label={t('reviews.completedAt')}>{r.completedAt ? formatDateTime(r.completedAt, locale, user?.timeZone) : '—'}</Fact>
        </SimpleGrid>
      </Card>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Group justify="space-between" mb={4}>
              <Title order={4}>{t('reviews.liveQualification')}</Title>
              {livePass !== null && (
                <Badge color={livePass ? 'green' : 'red'} variant="light">
                  {t(livePass ? 'reviews.livePass' : 'reviews.liveFail')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" mb="md">
              {t('reviews.liveHint')}
            </Text>
            {live.isLoading && <Loader size="sm" />}
            {live.error && <Alert color="red">{live.error instanceof ApiError ? live.error.message : String(live.error)}</Alert>}
            {live.data?.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('reviews.noActiveAgreements')}
              </Text>
            )}
            <Stack gap="lg">
              {live.data?.map((q) => (
                <Stack key={q.agreementId} gap="xs">
                  <Group justify="space-between">
                    <Anchor fw={600} size="sm" renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: q.agreementId }} />}>
                      {q.agreementNumber}
                    </Anchor>
                    <ComplianceBadge qualification={q} size="sm" />
                  </Group>
                  <QualificationLines qualification={q} />
                </Stack>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {r.status === 'completed' ? (
            <CompletedReview review={r} />
          ) : (
            <Card>
              <Title order={4} mb={4}>
                {t('reviews.checklist')}
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                {t('reviews.checklistHint')}
              </Text>
              {canEdit ? (
                <ReviewChecklistForm
                  certifiedStaffPass={livePass}
                  pending={complete.isPending}
                  error={complete.error ? (complete.error instanceof ApiError ? complete.error.message : String(complete.error)) : null}
                  onSubmit={(input) => complete.mutate(input, { onSuccess: () => notifications.show({ color: 'green', message: t('reviews.completed') }) })}
                />
              ) : (
                <Alert color="gray" variant="light">
                  {t('reviews.readOnly')}
                </Alert>
              )}
            </Card>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function CompletedReview({ review: r }: { review: QualificationReview }) {
  const { t } = useTranslation();
  const staff = r.certifiedStaff;
  const mark = (pass: boolean) => (pass ? <IconCircleCheck size={18} color="var(--mantine-color-green-6)" /> : <IconX size={18} color="var(--mantine-color-red-6)" />);
  return (
    <Stack>
      <Card>
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('reviews.result')}</Title>
          {r.result && <ResultBadge result={r.result} size="lg" />}
        </Group>
        <Table verticalSpacing="sm">
          <Table.Tbody>
            {staff && (
              <Table.Tr>
                <Table.Td w={28} style={{ verticalAlign: 'top' }}>
                  {mark(staff.pass)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t('reviews.checks.certifiedStaff')}
                  </Text>
                  {staff.gaps.length === 0 ? (
                    <Text size="xs" c="dimmed">
                      {t('reviews.noGaps')}
                    </Text>
                  ) : (
                    <Stack gap={2} mt={4}>
                      {staff.gaps.map((g, i) => (
                        <Group key={i} gap={6} wrap="nowrap">
                          <IconAlertTriangle size={13} color="var(--mantine-color-red-6)" style={{ flexShrink: 0 }} />
                          <Text size="xs" c="red.8">
                            {g.agreementNumber}: {gapText(t, g)}
                          </Text>
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
            {r.checklist &&
              CHECKS.map((k) => (
                <Table.Tr key={k}>
                  <Table.Td w={28} style={{ verticalAlign: 'top' }}>
                    {mark(r.checklist![k].pass)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`reviews.checks.${k}`)}
                    </Text>
                    <Text size="xs" c={r.checklist![k].notes ? undefined : 'dimmed'}>
                      {r.checklist![k].notes || t('reviews.noNotes')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Card>
      {r.checklist?.notes && (
        <Card>
          <Title order={5} mb={6}>
            {t('reviews.overallNotes')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.checklist.notes}
          </Text>
        </Card>
      )}
    </Stack>
  );
}
