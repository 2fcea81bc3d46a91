import { ActionIcon, Alert, Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type Policies, PoliciesSchema } from '@partnerline/domain';
import { apiFieldErrors, formatDateTime, meQueryOptions, PageHeader, useLocale, zodForm } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { policiesQueryOptions } from '../../api/catalog';
import { useSavePolicies } from '../../api/admin';

export const Route = createFileRoute('/_authed/policies')({
  loader: ({ context }) => context.queryClient.ensureQueryData(policiesQueryOptions()),
  component: PoliciesPage,
});

const policiesForm = zodForm(PoliciesSchema);

function PoliciesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data } = useSuspenseQuery(policiesQueryOptions());
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const canEdit = user?.role === 'vendor_admin';
  const form = useForm<Policies>({
    initialValues: structuredClone(data.policies),
    validate: (values) => {
      const errs = policiesForm.validate(values);
      return Object.keys(errs).length ? { ...errs, summary: t('policies.fixErrors') } : {};
    },
  });
  const { values: draft, errors } = form;
  // Bumped on "discard changes" so free-text inputs start again from the saved values.
  const [resets, setResets] = useState(0);
  const save = useSavePolicies();

  const set = (path: string[], value: unknown) => form.setFieldValue(path.join('.'), value as never);

  const submit = form.onSubmit((values) =>
    save.mutate(policiesForm.parse(values), {
      onSuccess: () => notifications.show({ color: 'green', message: t('policies.saved') }),
      onError: (e) => {
        const errs = apiFieldErrors(e, t('errors.generic', { ns: 'ui' }));
        form.setErrors(errs.form ? errs : { ...errs, summary: t('policies.fixErrors') });
      },
    }),
  );

  const num = (path: string[], opts: { min?: number; max?: number; decimal?: boolean; description?: string } = {}) => {
    const value = path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], draft) as number;
    return (
      <NumberInput
        key={path.join('.')}
        label={t(`policies.fields.${path[path.length - 1]}`)}
        description={opts.description}
        value={value}
        min={opts.min}
        max={opts.max}
        allowDecimal={opts.decimal ?? false}
        decimalScale={opts.decimal ? 2 : 0}
        disabled={!canEdit}
        error={errors[path.join('.')] as string | undefined}
        onChange={(v) => set(path, typeof v === 'number' ? v : Number(v))}
      />
    );
  };
  const days = (path: string[]) => {
    const value = path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], draft) as number[];
    return (
      <DaysInput
        key={`${path.join('.')}-${resets}`}
        label={t(`policies.fields.${path[path.length - 1]}`)}
        initial={value}
        disabled={!canEdit}
        error={errors[path.join('.')] as string | undefined}
        onChange={(days) => set(path, days)}
      />
    );
  };
  const section = (key: string, children: React.ReactNode) => (
    <Card key={key}>
      <Title order={4} mb="sm">
        {t(`policies.sections.${key}`)}
      </Title>
      {children}
    </Card>
  );

  const dirty = JSON.stringify(draft) !== JSON.stringify(data.policies);
  const reset = () => {
    setResets((n) => n + 1);
    form.setValues(structuredClone(data.policies));
    form.clearErrors();
  };
  const actions = canEdit ? (
    <Group gap="sm">
      {dirty && (
        <Badge color="orange" variant="light">
          {t('policies.unsaved')}
        </Badge>
      )}
      <Button variant="default" onClick={reset} disabled={!dirty}>
        {t('policies.reset')}
      </Button>
      <Button onClick={() => submit()} loading={save.isPending} disabled={!dirty}>
        {t('common.save', { ns: 'ui' })}
      </Button>
    </Group>
  ) : undefined;
  const when = data.updatedAt ? formatDateTime(data.updatedAt, locale, user?.timeZone) : null;

  return (
    <Stack maw={1100}>
      <PageHeader title={t('policies.title')} subtitle={t('policies.subtitle')} actions={actions} />
      <Text size="sm" c="dimmed">
        {when ? (data.updatedBy ? t('policies.lastChange', { when, who: data.updatedBy }) : t('policies.lastChangeAt', { when })) : t('policies.never')}
      </Text>
      {!canEdit && (
        <Alert variant="light" color="gray" py="xs">
          {t('policies.readOnly')}
        </Alert>
      )}
      {errors.form && (
        <Alert color="red" role="alert">
          {errors.form}
        </Alert>
      )}
      {errors.summary && (
        <Alert color="red" role="alert">
          {errors.summary}
        </Alert>
      )}
      {section('segments', <SimpleGrid cols={{ base: 1, sm: 2 }}>{[num(['segments', 'highPotentialAt'], { min: 1, max: 100 }), num(['segments', 'hardDifficultyAt'], { min: 1, max: 100 })]}</SimpleGrid>)}
      {section(
        'screening',
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{[num(['screening', 'passMark'], { min: 0, max: 100 }), num(['screening', 'integrityKnockoutBelow'], { min: 0, max: 5 })]}</SimpleGrid>
          {(['strategicWeights', 'smbWeights'] as const).map((w) => (
            <Stack key={w} gap="xs">
              <Text size="sm" fw={600}>
                {t(`policies.fields.${w}`)}
              </Text>
              <SimpleGrid cols={{ base: 2, md: 4 }}>{Object.keys(draft.screening[w]).map((c) => num(['screening', w, c], { min: 0 }))}</SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('policies.weightsTotal', { total: Object.values(draft.screening[w]).reduce((a, b) => a + (Number(b) || 0), 0) })}
              </Text>
            </Stack>
          ))}
        </Stack>,
      )}
      {section(
        'registrations',
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {[
              num(['registrations', 'protectionDays'], { min: 1 }),
              num(['registrations', 'extensionDays'], { min: 1 }),
              num(['registrations', 'maxExtensions'], { min: 0 }),
              num(['registrations', 'reviewSlaBusinessDays'], { min: 1 }),
              num(['registrations', 'trialOpenRegistrationLimit'], { min: 0 }),
              num(['registrations', 'fuzzyNameThreshold'], { min: 0.1, max: 1, decimal: true }),
              days(['registrations', 'expiryReminderDays']),
            ]}
          </SimpleGrid>
          <Switch
            label={t('policies.fields.autoApproveInOwnExclusiveScope')}
            checked={draft.registrations.autoApproveInOwnExclusiveScope}
            disabled={!canEdit}
            onChange={(e) => set(['registrations', 'autoApproveInOwnExclusiveScope'], e.currentTarget.checked)}
          />
        </Stack>,
      )}
      {section(
        'training',
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {[
            num(['training', 'quizPassMarkPercent'], { min: 1, max: 100 }),
            num(['training', 'quizAttemptLimit'], { min: 1 }),
            num(['training', 'certificationValidityMonths'], { min: 1 }),
            days(['training', 'certificationReminderDays']),
            num(['training', 'qualificationReviewIntervalMonths'], { min: 1 }),
          ]}
        </SimpleGrid>,
      )}
      {section(
        'rebates',
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {num(['rebates', 'thresholdPercent'], { min: 0 })}
            <Select
              label={t('policies.fields.mode')}
              data={[
                { value: 'retroactive', label: t('policies.fields.retroactive') },
                { value: 'incremental', label: t('policies.fields.incremental') },
              ]}
              value={draft.rebates.mode}
              disabled={!canEdit}
              allowDeselect={false}
              onChange={(v) => v && set(['rebates', 'mode'], v)}
            />
            {num(['rebates', 'holdingDays'], { min: 0, max: 365, description: t('policies.fields.holdingDaysHelp') })}
          </SimpleGrid>
          <Text size="sm" fw={600}>
            {t('policies.fields.tiers')}
          </Text>
          {draft.rebates.tiers.map((tier, i) => (
            <Group key={i} align="flex-start" gap="sm">
              <NumberInput
                aria-label={t('policies.tierAttainment', { n: i + 1 })}
                suffix=" %"
                value={tier.attainmentPercent}
                disabled={!canEdit}
                error={errors[`rebates.tiers.${i}.attainmentPercent`]}
                onChange={(v) => set(['rebates', 'tiers', String(i), 'attainmentPercent'], Number(v))}
                w={160}
              />
              <Text mt={6} aria-hidden>
                →
              </Text>
              <NumberInput
                aria-label={t('policies.tierRate', { n: i + 1 })}
                suffix=" %"
                decimalScale={2}
                value={tier.ratePercent}
                disabled={!canEdit}
                error={errors[`rebates.tiers.${i}.ratePercent`]}
                onChange={(v) => set(['rebates', 'tiers', String(i), 'ratePercent'], Number(v))}
                w={160}
              />
              {canEdit && draft.rebates.tiers.length > 1 && (
                <ActionIcon mt={4} variant="subtle" color="red" aria-label={t('policies.removeTier', { n: i + 1 })} onClick={() => set(['rebates', 'tiers'], draft.rebates.tiers.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {errors['rebates.tiers'] && (
            <Text c="red" size="sm">
              {errors['rebates.tiers']}
            </Text>
          )}
          {canEdit && draft.rebates.tiers.length < 10 && (
            <Button
              variant="subtle"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => {
                const last = draft.rebates.tiers[draft.rebates.tiers.length - 1];
                set(['rebates', 'tiers'], [...draft.rebates.tiers, { attainmentPercent: (last?.attainmentPercent ?? 80) + 20, ratePercent: (last?.ratePercent ?? 0) + 2 }]);
              }}
            >
              {t('policies.addTier')}
            </Button>
          )}
        </Stack>,
      )}
      {section(
        'renewals',
        // Labels of different lengths: the inputs line up along the bottom of each row.
        <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ alignItems: 'end' }}>
          {[
            num(['renewals', 'openDaysBeforeEnd'], { min: 1 }),
            num(['renewals', 'readinessWindowDays'], { min: 1, max: 730 }),
            num(['renewals', 'decisionLeadDays'], { min: 0, max: 365 }),
            <TextInput
              key="renewals.quotaGrowthFactor"
              label={t('policies.fields.quotaGrowthFactor')}
              inputMode="decimal"
              value={draft.renewals.quotaGrowthFactor}
              disabled={!canEdit}
              error={errors['renewals.quotaGrowthFactor'] as string | undefined}
              onChange={(e) => set(['renewals', 'quotaGrowthFactor'], e.currentTarget.value)}
            />,
            num(['renewals', 'ratingMinimumRespondents'], { min: 1, max: 100 }),
          ]}
        </SimpleGrid>,
      )}
      {section(
        'auth',
        <SimpleGrid cols={{ base: 1, sm: 3 }}>{[num(['auth', 'loginMaxFailures'], { min: 1 }), num(['auth', 'loginWindowMinutes'], { min: 1 }), num(['auth', 'sessionTtlHours'], { min: 1 })]}</SimpleGrid>,
      )}
      {section(
        'display',
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('policies.fields.defaultTimeZone')} value={draft.display.defaultTimeZone} disabled={!canEdit} onChange={(e) => set(['display', 'defaultTimeZone'], e.currentTarget.value)} error={errors['display.defaultTimeZone']} />
        </SimpleGrid>,
      )}
      {actions && <Group justify="flex-end">{actions}</Group>}
    </Stack>
  );
}

/** A list of day counts typed as text ("14, 3"); the text stays as typed while the parsed list goes to the draft. */
function DaysInput({ label, initial, disabled, error, onChange }: { label: string; initial: number[]; disabled: boolean; error?: string; onChange: (days: number[]) => void }) {
  const [text, setText] = useState(initial.join(', '));
  return (
    <TextInput
      label={label}
      value={text}
      disabled={disabled}
      error={error}
      inputMode="numeric"
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(
          next
            .split(/[,，\s]+/)
            .filter(Boolean)
            .map(Number),
        );
      }}
    />
  );
}
