import { Alert, Badge, Button, Divider, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconX } from '@tabler/icons-react';
import { type QualificationReviewInput, QualificationReviewInputSchema, qualificationReviewResult } from '@partnerline/domain';
import { ErrorSummary, useStatusLabel, zodForm } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';

export const CHECKS = ['demoEnvironment', 'marketingQuality', 'afterSalesProcess'] as const;
type Check = (typeof CHECKS)[number];
type Draft = Record<Check, { pass: boolean | null; notes: string }> & { notes: string };

/**
 * The reviewer's checklist: demo environment, marketing activity quality, after-sales process — each pass/fail with notes —
 * and overall notes. The certified-staff check is computed by the server; `certifiedStaffPass` previews it from the live data.
 */
export function ReviewChecklistForm({ certifiedStaffPass, pending, error, onSubmit }: { certifiedStaffPass: boolean | null; pending: boolean; error?: string | null; onSubmit: (input: QualificationReviewInput) => void }) {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  // An undecided check (pass: null) is refused by the schema; the reviewer is asked to choose.
  const schema = zodForm(QualificationReviewInputSchema, (v: Draft) => v, Object.fromEntries(CHECKS.map((k) => [`${k}.pass`, t('reviews.choosePassFail')])));
  const form = useForm<Draft>({
    initialValues: { demoEnvironment: { pass: null, notes: '' }, marketingQuality: { pass: null, notes: '' }, afterSalesProcess: { pass: null, notes: '' }, notes: '' },
    validate: schema.validate,
  });
  const draft = form.values;
  const set = (k: Check, patch: Partial<Draft[Check]>) => {
    if (patch.pass !== undefined) form.setFieldValue(`${k}.pass`, patch.pass);
    if (patch.notes !== undefined) form.setFieldValue(`${k}.notes`, patch.notes);
  };
  const decided = CHECKS.every((k) => draft[k].pass !== null);
  const outcome =
    decided && certifiedStaffPass !== null
      ? qualificationReviewResult({ certifiedStaff: certifiedStaffPass, demoEnvironment: !!draft.demoEnvironment.pass, marketingQuality: !!draft.marketingQuality.pass, afterSalesProcess: !!draft.afterSalesProcess.pass })
      : null;

  const submit = form.onSubmit((values) => onSubmit(schema.parse(values)));

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap" p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {t('reviews.checks.certifiedStaff')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('reviews.checks.certifiedStaffHint')}
          </Text>
        </Stack>
        {certifiedStaffPass === null ? (
          <Badge color="gray" variant="light">—</Badge>
        ) : (
          <Badge color={certifiedStaffPass ? 'green' : 'red'} variant="light">
            {t(certifiedStaffPass ? 'reviews.livePass' : 'reviews.liveFail')}
          </Badge>
        )}
      </Group>
      {CHECKS.map((k) => (
        <Stack key={k} gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {t(`reviews.checks.${k}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`reviews.checks.${k}Hint`)}
              </Text>
            </Stack>
            <SegmentedControl
              size="xs"
              aria-label={t(`reviews.checks.${k}`)}
              name={`${k}.pass`}
              value={draft[k].pass === null ? '' : draft[k].pass ? 'pass' : 'fail'}
              onChange={(v) => set(k, { pass: v === 'pass' })}
              color={draft[k].pass === null ? undefined : draft[k].pass ? 'green' : 'red'}
              data={[
                { value: 'pass', label: <Group gap={4} wrap="nowrap"><IconCheck size={14} />{statusLabel('reviewResult', 'pass')}</Group> },
                { value: 'fail', label: <Group gap={4} wrap="nowrap"><IconX size={14} />{statusLabel('reviewResult', 'fail')}</Group> },
              ]}
            />
          </Group>
          <Textarea aria-label={t('reviews.checkNotes', { check: t(`reviews.checks.${k}`) })} placeholder={t('reviews.notesPlaceholder')} autosize minRows={1} value={draft[k].notes} onChange={(e) => set(k, { notes: e.currentTarget.value })} />
          {form.errors[`${k}.pass`] && (
            <Text size="xs" c="red" role="alert">
              {form.errors[`${k}.pass`]}
            </Text>
          )}
          <Divider />
        </Stack>
      ))}
      <Textarea label={t('reviews.overallNotes')} autosize minRows={3} {...form.getInputProps('notes')} />
      {outcome && (
        <Alert color={outcome === 'pass' ? 'green' : 'orange'} variant="light" icon={outcome === 'pass' ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}>
          {t(outcome === 'pass' ? 'reviews.outcomePass' : 'reviews.outcomeFail')}
        </Alert>
      )}
      <ErrorSummary errors={{ ...form.errors, ...(error && { form: error }) }} labels={Object.fromEntries(CHECKS.map((k) => [`${k}.pass`, t(`reviews.checks.${k}`)]))} />
      <Group justify="flex-end">
        <Button color="green" loading={pending} onClick={() => submit()} leftSection={<IconCircleCheck size={16} />}>
          {t('reviews.complete')}
        </Button>
      </Group>
    </Stack>
  );
}
