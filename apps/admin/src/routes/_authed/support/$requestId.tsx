import { Alert, Anchor, Avatar, Box, Button, Card, Grid, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSend } from '@tabler/icons-react';
import { fundsWithinRequest, SupportCloseSchema, SupportFundsDecisionSchema, SupportMessageInputSchema, type SupportThread } from '@partnerline/domain';
import { errorMessage, Fact, formatDate, formatDateTime, formatMoney, meQueryOptions } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type SupportAction, supportAssigneesQueryOptions, supportThreadQueryOptions, useSupportAction } from '../../../api/training';
import { canManageTraining } from '../../../nav';
import { FundsStatusBadge, SupportKindBadge, SupportStatusBadge } from '../training/-components/TrainingBadges';

export const Route = createFileRoute('/_authed/support/$requestId')({
  params: { parse: (p) => ({ requestId: z.uuid().parse(p.requestId) }), stringify: (p) => p },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(supportThreadQueryOptions(params.requestId)),
  component: ThreadPage,
});

function ThreadPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { requestId } = Route.useParams();
  const { data: r } = useSuspenseQuery(supportThreadQueryOptions(requestId));
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const canEdit = canManageTraining(user?.role);
  const action = useSupportAction(requestId);
  const run = (a: SupportAction, done: string, after?: () => void) =>
    action.mutate(a, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: done });
        after?.();
      },
      onError: (e) => notifications.show({ color: 'red', autoClose: 10_000, message: errorMessage(e) }),
    });
  const closed = r.status === 'closed';

  return (
    <Stack maw={1300}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/support" />}>
        ← {t('support.back')}
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm">
          <Text ff="monospace" fw={600} c="dimmed" size="lg">
            {r.number}
          </Text>
          <SupportKindBadge kind={r.kind} />
          <SupportStatusBadge status={r.status} size="lg" />
        </Group>
        <Title order={2}>{r.subject}</Title>
      </Stack>
      <Card>
        <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
          <Fact label={t('support.partner')}>
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/partners/$partnerId" params={{ partnerId: r.partnerId }} />}>
              {r.partnerName}
            </Anchor>
          </Fact>
          <Fact label={t('support.createdBy')}>{r.createdByName}</Fact>
          <Fact label={t('support.created')}>{formatDateTime(r.createdAt, locale, user?.timeZone)}</Fact>
          <Fact label={t('support.assignee')}>{r.assigneeName ?? t('support.unassigned')}</Fact>
          {r.kind === 'marketing_support' && <Fact label={t('support.activityDate')}>{r.activityDate ? formatDate(r.activityDate, locale) : '—'}</Fact>}
          {r.requestedFunds !== null && (
            <Fact label={t('support.funds')}>
              <Group gap={6}>
                <span>{formatMoney(r.requestedFunds, locale)}</span>
                {r.fundsStatus && <FundsStatusBadge status={r.fundsStatus} />}
              </Group>
              {r.fundsStatus === 'approved' && (
                <Text size="xs" c="green.8">
                  {t('support.approvedAmount', { amount: formatMoney(r.approvedFunds, locale) })}
                </Text>
              )}
            </Fact>
          )}
        </SimpleGrid>
      </Card>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card>
            <Title order={4} mb="md">
              {t('support.conversation')}
            </Title>
            <Stack gap="md">
              {r.messages.map((m) => (
                <Message key={m.id} message={m} locale={locale} timeZone={user?.timeZone} />
              ))}
            </Stack>
            {canEdit && !closed && <Reply pending={action.isPending} onSend={(body, after) => run({ action: 'messages', body: { body } }, t('support.sent'), after)} />}
            {closed && (
              <Alert color="gray" variant="light" mt="md">
                {t('support.closedNote')}
              </Alert>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            {canEdit && !closed && <AssignCard thread={r} pending={action.isPending} onAssign={(assigneeId) => run({ action: 'assign', body: { assigneeId } }, t('support.assigned'))} />}
            {canEdit && r.fundsStatus === 'requested' && r.requestedFunds && (
              <FundsCard requested={r.requestedFunds} pending={action.isPending} onDecide={(body) => run({ action: 'funds', body }, t('support.fundsDone'))} />
            )}
            {canEdit && !closed && <CloseCard pending={action.isPending} onClose={(resolution) => run({ action: 'close', body: { resolution } }, t('support.closedDone'))} />}
            {!canEdit && (
              <Alert color="gray" variant="light">
                {t('training.readOnly')}
              </Alert>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Message({ message: m, locale, timeZone }: { message: SupportThread['messages'][number]; locale: 'en' | 'zh-CN'; timeZone?: string }) {
  const { t } = useTranslation();
  if (m.authorSide === 'system')
    return (
      <Group justify="center">
        <Text size="xs" c="dimmed" ta="center" px="md" py={4} bg="var(--mantine-color-gray-1)" style={{ borderRadius: 999 }}>
          {m.body} · {formatDateTime(m.createdAt, locale, timeZone)}
        </Text>
      </Group>
    );
  const vendor = m.authorSide === 'vendor';
  return (
    <Group justify={vendor ? 'flex-end' : 'flex-start'} align="flex-start" wrap="nowrap" gap="sm" data-side={m.authorSide}>
      {!vendor && (
        <Avatar color="teal" radius="xl" size={32}>
          {m.authorName.replace(/\s+/g, '').slice(0, 1)}
        </Avatar>
      )}
      <Box maw="78%">
        <Text size="xs" c="dimmed" ta={vendor ? 'right' : 'left'} mb={2}>
          {m.authorName} · {t(vendor ? 'support.sideVendor' : 'support.sidePartner')} · {formatDateTime(m.createdAt, locale, timeZone)}
        </Text>
        <Box
          px="md"
          py="sm"
          bg={vendor ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-0)'}
          style={{ borderRadius: 12, borderTopRightRadius: vendor ? 2 : 12, borderTopLeftRadius: vendor ? 12 : 2, border: `1px solid ${vendor ? 'var(--mantine-color-indigo-2)' : 'var(--mantine-color-gray-3)'}` }}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {m.body}
          </Text>
        </Box>
      </Box>
      {vendor && (
        <Avatar color="indigo" radius="xl" size={32}>
          {m.authorName.replace(/\s+/g, '').slice(0, 1)}
        </Avatar>
      )}
    </Group>
  );
}

function Reply({ pending, onSend }: { pending: boolean; onSend: (body: string, after: () => void) => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { body: '' } });
  const send = () => onSend(SupportMessageInputSchema.parse(form.values).body, () => form.reset());
  return (
    <Stack gap="xs" mt="lg" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Textarea label={t('support.reply')} placeholder={t('support.replyPlaceholder')} autosize minRows={3} maxRows={12} {...form.getInputProps('body')} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('support.replyHint')}
        </Text>
        <Button leftSection={<IconSend size={16} />} disabled={!SupportMessageInputSchema.safeParse(form.values).success} loading={pending} onClick={send}>
          {t('support.send')}
        </Button>
      </Group>
    </Stack>
  );
}

function AssignCard({ thread, pending, onAssign }: { thread: SupportThread; pending: boolean; onAssign: (id: string) => void }) {
  const { t } = useTranslation();
  const { data: assignees = [] } = useQuery(supportAssigneesQueryOptions());
  const form = useForm({ initialValues: { assigneeId: thread.assigneeId as string | null } });
  const value = form.values.assigneeId;
  return (
    <Card>
      <Title order={5} mb="sm">
        {t('support.assign')}
      </Title>
      <Stack gap="xs">
        <Select
          aria-label={t('support.assignee')}
          placeholder={t('support.pickAssignee')}
          searchable
          data={assignees.map((a) => ({ value: a.id, label: `${a.displayName} · ${t(`roles.${a.role}`, { ns: 'ui' })}` }))}
          {...form.getInputProps('assigneeId')}
        />
        <Button variant="light" disabled={!value || value === thread.assigneeId} loading={pending} onClick={() => value && onAssign(value)}>
          {t('support.assignSubmit')}
        </Button>
      </Stack>
    </Card>
  );
}

function FundsCard({ requested, pending, onDecide }: { requested: string; pending: boolean; onDecide: (body: { decision: 'approved' | 'declined'; amount: string | null; note: string }) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const form = useForm({ initialValues: { decision: 'approved' as 'approved' | 'declined', amount: requested, note: '' } });
  const { decision, amount } = form.values;
  // The schema checks the amount's form; the domain rule keeps it within what was requested.
  const body = () => SupportFundsDecisionSchema.parse({ ...form.values, amount: decision === 'approved' ? amount.trim() : null });
  const amountOk = /^\d+(\.\d{1,2})?$/.test(amount.trim()) && fundsWithinRequest(requested, amount.trim());
  return (
    <Card>
      <Title order={5} mb={4}>
        {t('support.fundsDecision')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('support.fundsRequested', { amount: formatMoney(requested, locale) })}
      </Text>
      <Stack gap="xs">
        <SegmentedControl
          fullWidth
          {...form.getInputProps('decision')}
          color={decision === 'approved' ? 'green' : 'red'}
          data={[
            { value: 'approved', label: t('support.approve') },
            { value: 'declined', label: t('support.decline') },
          ]}
        />
        {decision === 'approved' && (
          <TextInput
            label={t('support.amount')}
            withAsterisk
            description={t('support.amountHint', { amount: formatMoney(requested, locale) })}
            leftSection="¥"
            {...form.getInputProps('amount')}
            error={amount.trim() && !amountOk ? t('support.amountInvalid') : undefined}
          />
        )}
        <Textarea label={t('support.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <Button
          color={decision === 'approved' ? 'green' : 'red'}
          leftSection={<IconCheck size={16} />}
          disabled={decision === 'approved' && !amountOk}
          loading={pending}
          onClick={() => onDecide(body())}
        >
          {t(decision === 'approved' ? 'support.approveSubmit' : 'support.declineSubmit')}
        </Button>
      </Stack>
    </Card>
  );
}

function CloseCard({ pending, onClose }: { pending: boolean; onClose: (resolution: string) => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { resolution: '' } });
  const valid = SupportCloseSchema.safeParse(form.values);
  return (
    <Card>
      <Title order={5} mb="sm">
        {t('support.close')}
      </Title>
      <Stack gap="xs">
        <Textarea label={t('support.resolution')} description={t('support.resolutionHint')} withAsterisk autosize minRows={2} {...form.getInputProps('resolution')} />
        <Button variant="default" disabled={!valid.success} loading={pending} onClick={() => valid.success && onClose(valid.data.resolution)}>
          {t('support.closeSubmit')}
        </Button>
      </Stack>
    </Card>
  );
}
