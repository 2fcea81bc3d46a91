import { Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Decision, DecisionSchema, type PartnerDetail, StatusChangeSchema, TrialOutcomeSchema } from '@partnerline/domain';
import { apiFieldErrors, ErrorSummary, fieldPathProps, type FieldSpecs, zodForm } from '@partnerline/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { managersQueryOptions, useAssign, useChangeStatus, useDecide, useTrialOutcome } from '../../../../api/partners';
import { useQuery } from '@tanstack/react-query';
import { fieldSpecs } from '../../../../form-fields';

type Kind = Decision['decision'] | 'trial_outcome' | 'status';

/** A refusal from the API: field errors worded by the form's labels, anything else under `form`. */
function issuesOf(err: unknown, specs: FieldSpecs = {}): Record<string, string> {
  return apiFieldErrors(err, String(err), specs);
}

interface DecisionValues {
  text: string;
  customer: string;
  scope: string;
  endDate: string;
}

/** One text box carries the reason, the question or the notes, depending on the decision. */
const decisionForm = (kind: Decision['decision']) =>
  zodForm(DecisionSchema, ({ text, customer, scope, endDate }: DecisionValues) =>
    kind === 'reject'
      ? { decision: kind, reason: text }
      : kind === 'request_info'
        ? { decision: kind, question: text }
        : kind === 'approve_trial'
          ? { decision: kind, trial: { customer, scope, endDate }, notes: text || undefined }
          : { decision: kind, notes: text || undefined },
    {},
    () => fieldSpecs('decision'),
  );
const trialOutcomeForm = zodForm(TrialOutcomeSchema, undefined, {}, () => fieldSpecs('trialOutcome'));
const statusForm = zodForm(StatusChangeSchema, undefined, {}, () => fieldSpecs('statusChange'));

/** Assignment, screening decisions, trial outcome and status changes — only those the server says are open. */
export function DecisionPanel({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Kind | null>(null);
  const [statusTarget, setStatusTarget] = useState<'suspended' | 'active' | 'terminated'>('suspended');
  const { data: managers } = useQuery(managersQueryOptions());
  const assign = useAssign(partner.id);
  const [managerId, setManagerId] = useState<string | null>(partner.managerId);
  const openTrial = partner.trials.find((tr) => tr.outcome === null);

  return (
    <Card>
      <Stack>
        <Text fw={600}>{t('partner.decide')}</Text>
        <Group align="flex-end" gap="xs">
          <Select label={t('partner.assignTo')} data={(managers ?? []).map((m) => ({ value: m.id, label: m.displayName }))} value={managerId} onChange={setManagerId} w={220} />
          <Button
            variant="light"
            disabled={!managerId || managerId === partner.managerId}
            loading={assign.isPending}
            onClick={() => managerId && assign.mutate({ managerId }, { onSuccess: () => notifications.show({ color: 'green', message: t('partner.assigned') }), onError: (e) => notifications.show({ color: 'red', message: issuesOf(e).form ?? '' }) })}
          >
            {t('partner.assign')}
          </Button>
        </Group>
        <Group gap="xs">
          {partner.allowedDecisions.map((d) => (
            <Button key={d} color={d === 'reject' ? 'red' : d === 'request_info' ? 'orange' : 'green'} variant={d === 'approve' ? 'filled' : 'light'} onClick={() => setOpen(d)}>
              {t(`partner.decisions.${d}`)}
            </Button>
          ))}
          {openTrial && (
            <Button color="violet" variant="light" onClick={() => setOpen('trial_outcome')}>
              {t('partner.trialOutcome')}
            </Button>
          )}
          {partner.allowedStatusChanges.map((s) => (
            <Button
              key={s}
              variant="default"
              color={s === 'terminated' ? 'red' : undefined}
              onClick={() => {
                setStatusTarget(s as 'suspended' | 'active' | 'terminated');
                setOpen('status');
              }}
            >
              {t(s === 'suspended' ? 'partner.suspend' : s === 'active' ? 'partner.reactivate' : 'partner.terminate')}
            </Button>
          ))}
        </Group>
        {partner.allowedDecisions.length === 0 && !openTrial && (
          <Text size="sm" c="dimmed">
            {t('partner.noActions')}
          </Text>
        )}
      </Stack>
      {open && open !== 'trial_outcome' && open !== 'status' && <DecisionModal partnerId={partner.id} kind={open} onClose={() => setOpen(null)} />}
      {open === 'trial_outcome' && <TrialOutcomeModal partnerId={partner.id} onClose={() => setOpen(null)} />}
      {open === 'status' && <StatusModal partnerId={partner.id} status={statusTarget} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function DecisionModal({ partnerId, kind, onClose }: { partnerId: string; kind: Decision['decision']; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecide(partnerId);
  const schema = decisionForm(kind);
  const form = useForm<DecisionValues>({ initialValues: { text: '', customer: '', scope: '', endDate: '' }, validate: schema.validate });
  const errors = form.errors;

  const submit = form.onSubmit((values) =>
    decide.mutate(schema.parse(values), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('partner.done') });
        onClose();
      },
      onError: (e) => form.setErrors(issuesOf(e, fieldSpecs('decision'))),
    }),
  );
  // The one text box carries the reason, the question or the notes: its errors come under that name.
  const textPath = kind === 'reject' ? 'reason' : kind === 'request_info' ? 'question' : 'notes';

  return (
    <Modal opened onClose={onClose} title={t(`partner.decisions.${kind}`)} size="lg">
      <Stack>
        <ErrorSummary errors={errors} fields={fieldSpecs('decision')} />
        {kind === 'approve_trial' && (
          <>
            <TextInput label={t('partner.trialCustomer')} {...form.getInputProps('customer')} error={errors['trial.customer']} withAsterisk data-path="trial.customer" />
            <Textarea label={t('partner.trialScope')} autosize minRows={2} {...form.getInputProps('scope')} error={errors['trial.scope']} withAsterisk data-path="trial.scope" />
            <TextInput type="date" label={t('partner.trialEnd')} {...form.getInputProps('endDate')} error={errors['trial.endDate']} withAsterisk data-path="trial.endDate" />
          </>
        )}
        <Textarea
          label={kind === 'reject' ? t('partner.reason') : kind === 'request_info' ? t('partner.question') : t('partner.notes')}
          autosize
          minRows={3}
          {...form.getInputProps('text')}
          error={errors[textPath]}
          data-path={textPath}
          withAsterisk={kind === 'reject' || kind === 'request_info'}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button color={kind === 'reject' ? 'red' : undefined} onClick={() => submit()} loading={decide.isPending}>
            {t(`partner.decisions.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TrialOutcomeModal({ partnerId, onClose }: { partnerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useTrialOutcome(partnerId);
  const form = useForm({ initialValues: { outcome: 'success' as 'success' | 'failure', notes: '' }, validate: trialOutcomeForm.validate, enhanceGetInputProps: fieldPathProps });
  const submit = form.onSubmit((values) =>
    record.mutate(trialOutcomeForm.parse(values), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('partner.done') });
        onClose();
      },
      onError: (e) => form.setErrors(issuesOf(e, fieldSpecs('trialOutcome'))),
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('partner.trialOutcome')}>
      <Stack>
        <Select label={t('partner.outcome')} data={[{ value: 'success', label: t('partner.success') }, { value: 'failure', label: t('partner.failure') }]} {...form.getInputProps('outcome')} allowDeselect={false} />
        <Textarea label={t('partner.notes')} autosize minRows={3} {...form.getInputProps('notes')} withAsterisk />
        <ErrorSummary errors={form.errors} fields={fieldSpecs('trialOutcome')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button loading={record.isPending} onClick={() => submit()}>
            {t('common.save', { ns: 'ui' })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function StatusModal({ partnerId, status, onClose }: { partnerId: string; status: 'suspended' | 'active' | 'terminated'; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangeStatus(partnerId);
  const form = useForm({ initialValues: { status, reason: '' }, validate: statusForm.validate, enhanceGetInputProps: fieldPathProps });
  const submit = form.onSubmit((values) =>
    change.mutate(statusForm.parse(values), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('partner.done') });
        onClose();
      },
      onError: (e) => form.setErrors(issuesOf(e, fieldSpecs('statusChange'))),
    }),
  );
  const label = t(status === 'suspended' ? 'partner.suspend' : status === 'active' ? 'partner.reactivate' : 'partner.terminate');
  return (
    <Modal opened onClose={onClose} title={label}>
      <Stack>
        <Textarea label={t('partner.statusReason')} autosize minRows={3} {...form.getInputProps('reason')} withAsterisk />
        <ErrorSummary errors={form.errors} fields={fieldSpecs('statusChange')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button
            color={status === 'terminated' ? 'red' : undefined}
            loading={change.isPending}
            onClick={() => submit()}
          >
            {label}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
