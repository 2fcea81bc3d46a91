import { Alert, Button, Card, Group, NumberInput, Radio, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ConflictResolution, ConflictResolutionSchema, validSplit } from '@partnerline/domain';
import { ErrorSummary, fieldPathProps, zodForm } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import type { CaseParty } from './case-parties';

type Mode = ConflictResolution['resolution'];
interface Values {
  mode: Mode;
  /** `registration:<id>` or `holder:<agreementId>` (see CaseParty.choice). */
  winner: string;
  /** Registration id → percent; an empty share leaves that party out of the split (it is rejected). */
  shares: Record<string, number | string>;
  rationale: string;
}

function included(values: Values): { registrationId: string; percent: number }[] {
  return Object.entries(values.shares)
    .filter(([, v]) => v !== '' && v !== undefined && v !== null && Number(v) !== 0)
    .map(([registrationId, v]) => ({ registrationId, percent: Number(v) }));
}

function toInput(v: Values): unknown {
  if (v.mode === 'award') {
    const [kind, id] = v.winner.split(':');
    return kind === 'holder'
      ? { resolution: 'award', winnerAgreementId: id, rationale: v.rationale }
      : { resolution: 'award', winnerRegistrationId: id || undefined, rationale: v.rationale };
  }
  if (v.mode === 'split') return { resolution: 'split', shares: included(v), rationale: v.rationale };
  return { resolution: v.mode, rationale: v.rationale };
}

/**
 * How a manager decides a case: award to one party (a registration or the exclusive holder), split between two or
 * more registrations (whole percents summing to exactly 100, checked here before anything is sent; the parties left
 * without a share are rejected), reject all, or dismiss. The body is the domain's ConflictResolutionSchema.
 */
export function ResolveForm({
  parties,
  recommended,
  pending,
  error,
  onSubmit,
}: {
  parties: readonly CaseParty[];
  recommended?: CaseParty;
  pending: boolean;
  error?: string | null;
  onSubmit: (body: ConflictResolution) => void;
}) {
  const { t } = useTranslation();
  const choosable = parties.filter((p) => p.selectable && p.choice);
  const splittable = parties.filter((p) => p.selectable && p.kind === 'registration');
  const schema = zodForm(ConflictResolutionSchema, toInput, {
    rationale: t('conflicts.rationaleRequired'),
    winnerRegistrationId: t('conflicts.chooseWinner'),
    winnerAgreementId: t('conflicts.chooseWinner'),
  });
  const form = useForm<Values>({
    initialValues: {
      mode: 'award',
      winner: recommended?.selectable && recommended.choice ? recommended.choice : '',
      shares: Object.fromEntries(splittable.map((p) => [p.id, ''])),
      rationale: '',
    },
    enhanceGetInputProps: fieldPathProps,
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(schema.validate(values)))
        if (!path.startsWith('shares')) errors[path === 'winnerAgreementId' ? 'winnerRegistrationId' : path] = message;
      if (values.mode === 'split') {
        const shares = included(values);
        if (shares.length < 2) errors.shares = t('conflicts.splitNeedsTwo');
        else if (!validSplit(shares.map((s) => s.percent)))
          errors.shares = t('conflicts.splitMustTotal', { total: shares.reduce((s, x) => s + x.percent, 0) });
      }
      return errors;
    },
  });
  const { mode } = form.values;
  const shares = included(form.values);
  const total = shares.reduce((s, x) => s + x.percent, 0);
  const splitOk = shares.length >= 2 && validSplit(shares.map((s) => s.percent));

  return (
    <Card component="form" onSubmit={form.onSubmit((v) => onSubmit(schema.parse(v)))} noValidate>
      <Stack>
        <Title order={4}>{t('conflicts.resolve')}</Title>
        <SegmentedControl
          w="fit-content"
          maw="100%"
          style={{ flexWrap: 'wrap' }}
          value={mode}
          onChange={(v) => {
            form.setFieldValue('mode', v as Mode);
            form.clearErrors();
          }}
          data={(['award', 'split', 'reject_all', 'dismiss'] as const).map((m) => ({ value: m, label: t(`conflicts.${m}`) }))}
        />
        {mode === 'award' && (
          <Radio.Group
            label={t('conflicts.winner')}
            name="winnerRegistrationId"
            withAsterisk
            value={form.values.winner}
            onChange={(v) => form.setFieldValue('winner', v)}
            error={form.errors.winnerRegistrationId}
          >
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={6} mt={4}>
              {choosable.map((p) => (
                <Radio
                  key={p.key}
                  value={p.choice!}
                  label={
                    p.kind === 'exclusive_holder' ? t('conflicts.holderChoice', { partner: p.name, agreement: p.agreementNumber }) : p.name
                  }
                />
              ))}
            </SimpleGrid>
          </Radio.Group>
        )}
        {mode === 'split' && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('conflicts.splitHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              {splittable.map((p) => (
                <NumberInput
                  key={p.id}
                  label={t('conflicts.share', { partner: p.name })}
                  min={0}
                  max={99}
                  allowDecimal={false}
                  allowNegative={false}
                  placeholder={t('conflicts.shareNone')}
                  value={form.values.shares[p.id]}
                  onChange={(v) => {
                    form.setFieldValue(`shares.${p.id}`, v);
                    form.clearFieldError('shares');
                  }}
                />
              ))}
            </SimpleGrid>
            <Text size="sm" c={splitOk ? 'green' : 'red'} data-testid="split-total">
              {t('conflicts.share_total', { total })} · {t('conflicts.shareParties', { count: shares.length })}
            </Text>
            {form.errors.shares && (
              <Alert color="red" data-testid="split-error">
                {form.errors.shares}
              </Alert>
            )}
          </Stack>
        )}
        <Textarea label={t('conflicts.rationale')} autosize minRows={3} required {...form.getInputProps('rationale')} />
        <ErrorSummary errors={{ ...form.errors, ...(error && { form: error }) }} labels={{ rationale: t('conflicts.rationale'), winnerRegistrationId: t('conflicts.winner'), shares: t('conflicts.split') }} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t('conflicts.resolve')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
