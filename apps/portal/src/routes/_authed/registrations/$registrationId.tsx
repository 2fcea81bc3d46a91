import { Alert, Anchor, Button, Card, Grid, Group, Modal, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ExtendRegistrationSchema, LostRegistrationSchema, WonRegistrationSchema } from '@partnerline/domain';
import { ApiError, apiFieldErrors, daysUntil, ErrorSummary, fieldPathProps, formatDate, formatDateTime, formatMoney, meQueryOptions, StatusBadge, useStatusLabel, zodForm } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { evidenceQueryOptions, registrationQueryOptions, useRegistrationAction, useUploadEvidence } from '../../../api/portal';
import { fieldSpecs } from '../../../form-fields';
import { FileInput, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

export const Route = createFileRoute('/_authed/registrations/$registrationId')({
  params: { parse: (p) => ({ registrationId: z.uuid().parse(p.registrationId) }), stringify: (p) => p },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(registrationQueryOptions(params.registrationId)),
  component: RegistrationPage,
});

type Dialog = 'extend' | 'won' | 'lost' | null;
interface ActionValues {
  progress: string;
  amount: string;
  date: string;
  reason: string;
}

/** The dialogs' fields (worded in the UI language when asked). */
const actionFields = () => fieldSpecs('registrationAction');

/** The bodies the API takes for extend / won / lost (the domain's schemas), checked here so each refusal names its field. */
const actionForms = {
  extend: zodForm(ExtendRegistrationSchema, (v: ActionValues) => ({ progress: v.progress }), {}, actionFields),
  won: zodForm(WonRegistrationSchema, (v: ActionValues) => ({ amount: v.amount.trim().replace(/,/g, ''), date: v.date }), {}, actionFields),
  lost: zodForm(LostRegistrationSchema, (v: ActionValues) => ({ reason: v.reason }), {}, actionFields),
};

function RegistrationPage() {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { registrationId } = Route.useParams();
  const { data: r } = useSuspenseQuery(registrationQueryOptions(registrationId));
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const action = useRegistrationAction(registrationId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const form = useForm<ActionValues>({ initialValues: { progress: '', amount: '', date: new Date().toISOString().slice(0, 10), reason: '' }, enhanceGetInputProps: fieldPathProps });
  const closeDialog = () => {
    setDialog(null);
    form.clearErrors();
  };
  const confirm = (d: Exclude<Dialog, null>) => {
    const errors = actionForms[d].validate(form.values);
    if (Object.keys(errors).length) return form.setErrors(errors);
    run(d, actionForms[d].parse(form.values));
  };
  const run = (a: 'submit' | 'extend' | 'won' | 'lost' | 'withdraw', body?: unknown) =>
    action.mutate(
      { action: a, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('registrations.done') });
          closeDialog();
          form.setValues({ progress: '', amount: '', reason: '' });
        },
        onError: (e) =>
          dialog && e instanceof ApiError && e.issues.length
            ? form.setErrors(apiFieldErrors(e, e.message, actionFields()))
            : notifications.show({ color: 'red', autoClose: 10_000, message: e instanceof ApiError ? e.message : String(e) }),
      },
    );
  const left = r.protectionEnds ? daysUntil(r.protectionEnds) : null;

  return (
    <Stack maw={1100}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/registrations" />}>
        ← {t('registrations.back')}
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{r.customerName}</Title>
          <StatusBadge kind="registration" value={r.status} size="lg" />
        </Group>
        <Group gap="xs">
          {r.status === 'draft' && <Button loading={action.isPending} onClick={() => run('submit')}>{t('registrations.submit')}</Button>}
          {r.status === 'approved' && <Button variant="light" onClick={() => setDialog('extend')}>{t('registrations.extend')}</Button>}
          {r.status === 'approved' && <Button color="teal" onClick={() => setDialog('won')}>{t('registrations.won')}</Button>}
          {r.status === 'approved' && <Button color="dark" variant="light" onClick={() => setDialog('lost')}>{t('registrations.lost')}</Button>}
          {['draft', 'in_review', 'in_conflict', 'approved'].includes(r.status) && <Button color="red" variant="subtle" onClick={() => run('withdraw')}>{t('registrations.withdraw')}</Button>}
        </Group>
      </Group>
      {r.status === 'in_conflict' && <Alert color="orange">{t('registrations.conflict')}</Alert>}
      {r.status === 'approved' && r.protectionEnds && left !== null && (
        <Alert color={left <= 14 ? 'orange' : 'green'}>
          {t('registrations.protectedUntil', { date: formatDate(r.protectionEnds, locale) })} · {left >= 0 ? t('registrations.daysLeft', { count: left }) : t('registrations.ended')}
        </Alert>
      )}
      {r.slaDue && ['in_review', 'in_conflict'].includes(r.status) && <Text size="sm" c="dimmed">{t('registrations.slaDue', { date: formatDateTime(r.slaDue, locale, user?.timeZone) })}</Text>}
      {r.reviewComment && (
        <Alert color={r.status === 'rejected' ? 'red' : 'green'} title={r.status === 'rejected' ? t('review.rejectedComment') : t('review.comment')} data-testid="review-comment">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {r.reviewComment}
          </Text>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Stack gap={6}>
              <Text size="sm"><b>{t('registrations.amount')}:</b> {formatMoney(r.estimatedAmount, locale)}</Text>
              <Text size="sm"><b>{t('registrations.expectedClose')}:</b> {formatDate(r.details.expectedCloseDate, locale)}</Text>
              <Text size="sm"><b>{t('registrations.stage')}:</b> {t(`registrations.stages.${r.details.stage}`)}</Text>
              <Text size="sm"><b>{t('registrations.need')}:</b> {r.details.need}</Text>
              <Text size="sm" fw={600} mt="sm">{t('registrations.contacts')}</Text>
              {r.details.contacts.map((c, i) => (
                <Text key={i} size="sm">{c.name}{c.title ? `（${c.title}）` : ''} · {t(`registrations.levels.${c.decisionLevel}`)}</Text>
              ))}
              <Text size="sm" fw={600} mt="sm">{t('registrations.evidence')}</Text>
              {(['proofOfCommunication', 'customerFeedback', 'customerDetails'] as const).filter((k) => r.details.evidence[k]).map((k) => (
                <Text key={k} size="sm">{t(`registrations.${k}`)}: {r.details.evidence[k]}</Text>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <EvidenceCard id={r.id} open={['draft', 'in_review', 'in_conflict', 'approved'].includes(r.status)} />
          <Card mt="md">
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
      {dialog && (
        <Modal opened onClose={closeDialog} title={t(`registrations.${dialog}`)}>
          <Stack>
            {dialog === 'won' ? (
              <>
                <TextInput label={t('registrations.wonAmount')} placeholder="480000.00" inputMode="decimal" withAsterisk {...form.getInputProps('amount')} />
                <TextInput type="date" label={t('registrations.wonDate')} withAsterisk {...form.getInputProps('date')} />
              </>
            ) : (
              <Textarea label={dialog === 'extend' ? t('registrations.progress') : t('registrations.lostReason')} withAsterisk autosize minRows={3} {...form.getInputProps(dialog === 'extend' ? 'progress' : 'reason')} />
            )}
            <ErrorSummary errors={form.errors} fields={actionFields()} />
            <Group justify="flex-end">
              <Button loading={action.isPending} onClick={() => confirm(dialog)}>
                {t(`registrations.${dialog}`)}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

function EvidenceCard({ id, open }: { id: string; open: boolean }) {
  const { t } = useTranslation();
  const { data: files } = useQuery(evidenceQueryOptions(id));
  const upload = useUploadEvidence(id);
  const form = useForm({ initialValues: { kind: 'proofOfCommunication', file: null as File | null } });
  const { kind, file } = form.values;
  return (
    <Card>
      <Text fw={600} mb="sm">{t('registrations.files')}</Text>
      <Stack gap={4}>
        {(files ?? []).map((f) => (
          <Anchor key={f.id} size="sm" href={`/api/deal-registrations/${id}/evidence/${f.id}`}>
            {t(`registrations.${f.kind}`)} · {f.filename} ({Math.ceil(f.size / 1024)} KB)
          </Anchor>
        ))}
      </Stack>
      {open && (
        <Stack gap="xs" mt="sm">
          <Select label={t('registrations.fileKind')} allowDeselect={false} data={(['proofOfCommunication', 'customerFeedback', 'customerDetails'] as const).map((k) => ({ value: k, label: t(`registrations.${k}`) }))} {...form.getInputProps('kind')} />
          <FileInput label={t('registrations.file')} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx" {...form.getInputProps('file')} clearable />
          <Button
            variant="light"
            disabled={!file}
            loading={upload.isPending}
            onClick={() =>
              file &&
              upload.mutate(
                { kind, file },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('registrations.uploaded') });
                    form.setFieldValue('file', null);
                  },
                  onError: (e) => notifications.show({ color: 'red', autoClose: 10_000, message: e instanceof ApiError ? e.message : String(e) }),
                },
              )
            }
          >
            {t('registrations.upload')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}
