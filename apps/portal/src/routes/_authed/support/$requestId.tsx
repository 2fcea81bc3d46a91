import { Alert, Anchor, Avatar, Button, Card, Grid, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { SupportCloseSchema, SupportMessageInputSchema, type SupportThread } from '@partnerline/domain';
import { ApiError, formatDate, formatDateTime, formatMoney, StatusBadge, useStatusLabel, zodForm } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { supportThreadQueryOptions, useSupportAction } from '../../../api/training';
import { useLocale } from '../../../components/training';

export const Route = createFileRoute('/_authed/support/$requestId')({
  params: { parse: (p) => ({ requestId: z.uuid().parse(p.requestId) }), stringify: (p) => p },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(supportThreadQueryOptions(params.requestId)),
  component: SupportThreadPage,
});

function SupportThreadPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { requestId } = Route.useParams();
  const { data: r } = useSuspenseQuery(supportThreadQueryOptions(requestId));
  const action = useSupportAction(requestId);
  const replySchema = zodForm(SupportMessageInputSchema, undefined, { body: t('support.replyRequired') });
  const reply = useForm({ initialValues: { body: '' }, validate: replySchema.validate });
  const [closing, setClosing] = useState(false);
  const closed = r.status === 'closed';

  const send = reply.onSubmit((values) =>
    action.mutate(
      { action: 'messages', body: replySchema.parse(values) },
      { onSuccess: () => reply.reset(), onError: (e) => reply.setFieldError('body', e instanceof ApiError ? e.message : String(e)) },
    ),
  );

  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th w="45%" fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );

  return (
    <Stack maw={1200}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/support" />}>
        ← {t('support.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Text ff="monospace" c="dimmed">
              {r.number}
            </Text>
            <StatusBadge kind="supportKind" value={r.kind} />
            <StatusBadge kind="support" value={r.status} variant="filled" />
          </Group>
          <Title order={2}>{r.subject}</Title>
        </Stack>
        {!closed && (
          <Button variant="default" leftSection={<IconCircleCheck size={16} />} onClick={() => setClosing(true)}>
            {t('support.close')}
          </Button>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card>
            <Title order={4} mb="md">
              {t('support.conversation')}
            </Title>
            <Stack gap="md">
              {r.messages.map((m) => (
                <Message key={m.id} message={m} />
              ))}
            </Stack>
            {closed ? (
              <Alert mt="lg" color="gray" icon={<IconInfoCircle size={18} />}>
                {t('support.closedHint')}
              </Alert>
            ) : (
              <Stack mt="lg" gap="xs">
                <Textarea label={t('support.reply')} autosize minRows={3} {...reply.getInputProps('body')} />
                <Group justify="flex-end">
                  <Button leftSection={<IconSend size={16} />} loading={action.isPending && action.variables?.action === 'messages'} onClick={() => send()}>
                    {t('support.send')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card>
              <Title order={5} mb="xs">
                {t('support.details')}
              </Title>
              <Table verticalSpacing={6}>
                <Table.Tbody>
                  {row(t('support.createdBy'), r.createdByName)}
                  {row(t('support.created'), formatDateTime(r.createdAt, locale))}
                  {row(t('support.updated'), formatDateTime(r.updatedAt, locale))}
                  {row(t('support.assignee'), r.assigneeName ?? t('support.unassigned'))}
                  {r.activityDate && row(t('support.activityDate'), formatDate(r.activityDate, locale))}
                </Table.Tbody>
              </Table>
            </Card>
            {r.kind === 'marketing_support' && <FundsCard r={r} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {closing && <CloseModal requestId={requestId} onClose={() => setClosing(false)} />}
    </Stack>
  );
}

function FundsCard({ r }: { r: SupportThread }) {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = useLocale();
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('support.funds')}</Title>
        {r.fundsStatus && (
          <StatusBadge kind="funds" value={r.fundsStatus} />
        )}
      </Group>
      <Group grow>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('support.requestedFunds')}
          </Text>
          <Text fw={700} size="lg">
            {formatMoney(r.requestedFunds, locale)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('support.approvedFunds')}
          </Text>
          <Text fw={700} size="lg" c={r.fundsStatus === 'approved' ? 'green' : r.fundsStatus === 'declined' ? 'red' : 'dimmed'}>
            {r.fundsStatus === 'declined' ? statusLabel('funds', 'declined') : formatMoney(r.approvedFunds, locale)}
          </Text>
        </Stack>
      </Group>
      {r.fundsStatus === 'requested' && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('support.fundsPending')}
        </Text>
      )}
    </Card>
  );
}

function Message({ message: m }: { message: SupportThread['messages'][number] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (m.authorSide === 'system') {
    return (
      <Group justify="center">
        <Text size="xs" c="dimmed" ta="center" maw="80%" style={{ whiteSpace: 'pre-wrap' }}>
          {m.body} · {formatDateTime(m.createdAt, locale)}
        </Text>
      </Group>
    );
  }
  const mine = m.authorSide === 'partner';
  return (
    <Group justify={mine ? 'flex-end' : 'flex-start'} align="flex-start" wrap="nowrap" gap="sm">
      {!mine && (
        <Avatar color="indigo" radius="xl" size="md">
          {m.authorName.slice(0, 1)}
        </Avatar>
      )}
      <Paper p="sm" radius="md" maw="80%" bg={mine ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)'} withBorder component="article" aria-label={m.authorName}>
        <Group gap="xs" mb={4} justify="space-between">
          <Text size="sm" fw={600}>
            {m.authorName}
            <Text span size="xs" c="dimmed" fw={400} ml={6}>
              {mine ? t('support.side.partner') : t('support.side.vendor')}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(m.createdAt, locale)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.body}
        </Text>
      </Paper>
      {mine && (
        <Avatar color="blue" radius="xl" size="md">
          {m.authorName.slice(0, 1)}
        </Avatar>
      )}
    </Group>
  );
}

function CloseModal({ requestId, onClose }: { requestId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useSupportAction(requestId);
  const schema = zodForm(SupportCloseSchema, undefined, { resolution: t('support.resolutionRequired') });
  const form = useForm({ initialValues: { resolution: '' }, validate: schema.validate });
  const submit = form.onSubmit((values) =>
    action.mutate(
      { action: 'close', body: schema.parse(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('support.closedDone') });
          onClose();
        },
        onError: (e) => form.setFieldError('resolution', e instanceof ApiError ? e.message : String(e)),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t('support.close')}>
      <Stack>
        <Textarea label={t('support.resolution')} description={t('support.resolutionHelp')} withAsterisk autosize minRows={3} {...form.getInputProps('resolution')} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button onClick={() => submit()} loading={action.isPending}>
            {t('support.confirmClose')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
