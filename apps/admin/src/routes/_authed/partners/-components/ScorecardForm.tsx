import { Badge, Button, Card, Group, NumberInput, Progress, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { criteriaFor, type PartnerType, type Policies, scoreScorecard, ScreeningInputSchema } from '@partnerline/domain';
import { ApiError, apiFieldErrors, ErrorSummary, fieldPathProps, type FieldSpecs, translate, zodForm } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { useScore } from '../../../../api/partners';
import { fieldSpecs } from '../../../../form-fields';

interface Values {
  scores: Record<string, number | string>;
  evidence: Record<string, string>;
  integrity: number | string;
  notes: string;
}

const numericScores = (v: Values) => Object.fromEntries(Object.entries(v.scores).map(([c, n]) => [c, Number(n)]));
/** Each criterion's score by its name ("Enter the score for “Stable cash flow” (0–5)"), then the form's other fields. */
const scorecardSpecs = (type: PartnerType): FieldSpecs => ({
  ...fieldSpecs('scorecard'),
  ...Object.fromEntries(criteriaFor(type).map((c) => [`scores.${c}`, { label: translate('formFields.scorecard.score', { criterion: translate(`partner.criteria.${c}`) }), kind: 'number' as const }])),
});
const scorecardForm = (type: PartnerType) =>
  zodForm(
    ScreeningInputSchema,
    (v: Values) => ({ type, scores: numericScores(v), evidence: v.evidence, notes: v.notes || undefined, ...(type === 'strategic' ? { integrity: Number(v.integrity) } : {}) }),
    {},
    () => scorecardSpecs(type),
  );

/** A scorecard for the partner's profile, with the weighted total and knock-out previewed by the domain rule. */
export function ScorecardForm({ partnerId, type, policies, onDone }: { partnerId: string; type: PartnerType; policies: Policies; onDone: () => void }) {
  const { t } = useTranslation();
  const criteria = criteriaFor(type);
  const schema = scorecardForm(type);
  const form = useForm<Values>({ initialValues: { scores: Object.fromEntries(criteria.map((c) => [c, 3])), evidence: {}, integrity: 4, notes: '' }, validate: schema.validate, enhanceGetInputProps: fieldPathProps });
  const { values, errors } = form;
  const score = useScore(partnerId);
  const weights = type === 'strategic' ? policies.screening.strategicWeights : policies.screening.smbWeights;

  const numeric = numericScores(values);
  let preview: ReturnType<typeof scoreScorecard> | null = null;
  try {
    preview = scoreScorecard(type, numeric, { passMark: policies.screening.passMark, integrityKnockoutBelow: policies.screening.integrityKnockoutBelow, weights }, type === 'strategic' ? Number(values.integrity) : undefined);
  } catch {
    preview = null;
  }

  const submit = form.onSubmit((v) =>
    score.mutate(schema.parse(v), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('partner.done') });
        onDone();
      },
      onError: (err) => err instanceof ApiError && form.setErrors(apiFieldErrors(err, err.message, scorecardSpecs(type))),
    }),
  );

  return (
    <Card>
      <Stack>
        <Text fw={600}>{t('partner.newScorecard')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {criteria.map((c) => (
            <Stack key={c} gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {t(`partner.criteria.${c}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  ×{weights[c as keyof typeof weights]}
                </Text>
              </Group>
              <NumberInput
                label={t('partner.score')}
                aria-label={`${t(`partner.criteria.${c}`)} ${t('partner.score')}`}
                min={0}
                max={5}
                clampBehavior="none"
                allowDecimal={false}
                withAsterisk
                {...form.getInputProps(`scores.${c}`)}
              />
              <Textarea label={t('partner.evidence')} autosize minRows={1} value={values.evidence[c] ?? ''} onChange={(e) => form.setFieldValue(`evidence.${c}`, e.currentTarget.value)} error={errors[`evidence.${c}`]} data-path={`evidence.${c}`} />
            </Stack>
          ))}
        </SimpleGrid>
        {type === 'strategic' && (
          <NumberInput label={t('partner.integrity')} description={t('partner.integrityHelp')} min={0} max={5} clampBehavior="none" allowDecimal={false} withAsterisk {...form.getInputProps('integrity')} w={260} />
        )}
        <Textarea label={t('partner.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        {preview && (
          <Stack gap={4}>
            <Group justify="space-between">
              <Text size="sm">
                {t('partner.total')}: <b>{preview.total}</b> / 100 · {t('partner.passMark', { mark: policies.screening.passMark })}
              </Text>
              {preview.passed ? <Badge color="green">{t('partner.passed')}</Badge> : <Badge color="red">{preview.knockedOut ? t('partner.knockedOut') : t('partner.failed')}</Badge>}
            </Group>
            <Progress value={preview.total} color={preview.passed ? 'green' : 'red'} />
          </Stack>
        )}
        <ErrorSummary errors={errors} fields={scorecardSpecs(type)} />
        <Group justify="flex-end">
          <Button onClick={() => submit()} loading={score.isPending}>
            {t('partner.saveScorecard')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
