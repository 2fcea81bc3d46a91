import { ActionIcon, Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type Policies, PoliciesSchema, translateZodIssue } from '@partnerline/domain';
import { ApiError, currentLanguage, formatDateTime, meQueryOptions } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { policiesQueryOptions } from '../../api/catalog';
import { useSavePolicies } from '../../api/admin';
import { PageHeader } from '@partnerline/ui';

export const Route = createFileRoute('/_authed/policies')({
  loader: ({ context }) => context.queryClient.ensureQueryData(policiesQueryOptions()),
  component: PoliciesPage,
});

type Errors = Record<string, string>;

function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const { data } = useSuspenseQuery(policiesQueryOptions());
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const canEdit = user?.role === 'vendor_admin';
  const [draft, setDraft] = useState<Policies>(structuredClone(data.policies));
  const [errors, setErrors] = useState<Errors>({});
  const save = useSavePolicies();

  const set = (path: string[], value: unknown) =>
    setDraft((d) => {
      const next = structuredClone(d) as Record<string, unknown>;
      let node = next;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[path[path.length - 1]] = value;
      return next as Policies;
    });

  const submit = () => {
    const parsed = PoliciesSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), translateZodIssue(i as never, currentLanguage()).message])));
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: 'green', message: t('policies.saved') }),
      onError: (e) => e instanceof ApiError && setErrors(e.issues.length ? e.fieldErrors() : { form: e.message }),
    });
  };

  const num = (path: string[], opts: { min?: number; max?: number; decimal?: boolean } = {}) => {
    const value = path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], draft) as number;
    return (
      <NumberInput
        key={path.join('.')}
        label={t(`policies.fields.${path[path.length - 1]}`)}
        value={value}
        min={opts.min}
        max={opts.max}
        allowDecimal={opts.decimal ?? false}
        decimalScale={opts.decimal ? 2 : 0}
        disabled={!canEdit}
        error={errors[path.join('.')]}
        onChange={(v) => set(path, typeof v === 'number' ? v : Number(v))}
      />
    );
  };
  const days = (path: string[]) => {
    const value = path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], draft) as number[];
    return (
      <TextInput
        key={path.join('.')}
        label={t(`policies.fields.${path[path.length - 1]}`)}
        value={value.join(', ')}
        disabled={!canEdit}
        error={errors[path.join('.')]}
        onChange={(e) =>
          set(
            path,
            e.currentTarget.value
              .split(/[,，\s]+/)
              .filter(Boolean)
              .map(Number),
          )
        }
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

  return (
    <Stack maw={1100}>
      <PageHeader
        title={t('policies.title')}
        subtitle={t('policies.subtitle')}
        actions={
          canEdit ? (
            <Button onClick={submit} loading={save.isPending}>
              {t('common.save', { ns: 'ui' })}
            </Button>
          ) : undefined
        }
      />
      <Text size="sm" c="dimmed">
        {data.updatedAt ? t('policies.lastChange', { when: formatDateTime(data.updatedAt, i18n.language === 'zh-CN' ? 'zh-CN' : 'en', user?.timeZone), who: data.updatedBy ?? '—' }) : t('policies.never')}
        {!canEdit && ` · ${t('policies.readOnly')}`}
      </Text>
      {errors.form && <Alert color="red">{errors.form}</Alert>}
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
          </SimpleGrid>
          <Text size="sm" fw={600}>
            {t('policies.fields.tiers')}
          </Text>
          {draft.rebates.tiers.map((tier, i) => (
            <Group key={i} align="flex-end">
              <NumberInput aria-label={`tier ${i + 1} attainment`} suffix=" %" value={tier.attainmentPercent} disabled={!canEdit} onChange={(v) => set(['rebates', 'tiers', String(i), 'attainmentPercent'], Number(v))} w={140} />
              <Text>→</Text>
              <NumberInput aria-label={`tier ${i + 1} rate`} suffix=" %" decimalScale={2} value={tier.ratePercent} disabled={!canEdit} onChange={(v) => set(['rebates', 'tiers', String(i), 'ratePercent'], Number(v))} w={140} />
              {canEdit && (
                <ActionIcon variant="subtle" color="red" aria-label="remove tier" onClick={() => set(['rebates', 'tiers'], draft.rebates.tiers.filter((_, j) => j !== i))}>
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
          {canEdit && (
            <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => set(['rebates', 'tiers'], [...draft.rebates.tiers, { attainmentPercent: 150, ratePercent: 8 }])}>
              +
            </Button>
          )}
        </Stack>,
      )}
      {section('renewals', <SimpleGrid cols={{ base: 1, sm: 3 }}>{num(['renewals', 'openDaysBeforeEnd'], { min: 1 })}</SimpleGrid>)}
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
    </Stack>
  );
}
