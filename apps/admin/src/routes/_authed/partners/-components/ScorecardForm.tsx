import { Alert, Badge, Button, Card, Group, NumberInput, Progress, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { criteriaFor, type PartnerType, type Policies, scoreScorecard, ScreeningInputSchema, translateZodIssue } from '@partnerline/domain';
import { ApiError, currentLanguage } from '@partnerline/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScore } from '../../../../api/partners';

/** A scorecard for the partner's profile, with the weighted total and knock-out previewed by the domain rule. */
export function ScorecardForm({ partnerId, type, policies, onDone }: { partnerId: string; type: PartnerType; policies: Policies; onDone: () => void }) {
  const { t } = useTranslation();
  const criteria = criteriaFor(type);
  const [scores, setScores] = useState<Record<string, number | string>>(Object.fromEntries(criteria.map((c) => [c, 3])));
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [integrity, setIntegrity] = useState<number | string>(4);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const score = useScore(partnerId);
  const weights = type === 'strategic' ? policies.screening.strategicWeights : policies.screening.smbWeights;

  const numeric = Object.fromEntries(criteria.map((c) => [c, Number(scores[c])]));
  let preview: ReturnType<typeof scoreScorecard> | null = null;
  try {
    preview = scoreScorecard(type, numeric, { passMark: policies.screening.passMark, integrityKnockoutBelow: policies.screening.integrityKnockoutBelow, weights }, type === 'strategic' ? Number(integrity) : undefined);
  } catch {
    preview = null;
  }

  const submit = () => {
    const body = { type, scores: numeric, evidence, notes: notes || undefined, ...(type === 'strategic' ? { integrity: Number(integrity) } : {}) };
    const parsed = ScreeningInputSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), translateZodIssue(i as never, currentLanguage()).message])));
      return;
    }
    setErrors({});
    score.mutate(parsed.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('partner.done') });
        onDone();
      },
      onError: (err) => err instanceof ApiError && setErrors(err.issues.length ? err.fieldErrors() : { form: err.message }),
    });
  };

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
                value={scores[c]}
                onChange={(v) => setScores((s) => ({ ...s, [c]: v }))}
                error={errors[`scores.${c}`]}
              />
              <Textarea label={t('partner.evidence')} autosize minRows={1} value={evidence[c] ?? ''} onChange={(e) => setEvidence((s) => ({ ...s, [c]: e.currentTarget.value }))} />
            </Stack>
          ))}
        </SimpleGrid>
        {type === 'strategic' && (
          <NumberInput label={t('partner.integrity')} description={t('partner.integrityHelp')} min={0} max={5} clampBehavior="none" allowDecimal={false} value={integrity} onChange={setIntegrity} error={errors.integrity} w={260} />
        )}
        <Textarea label={t('partner.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
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
        {errors.form && <Alert color="red">{errors.form}</Alert>}
        <Group justify="flex-end">
          <Button onClick={submit} loading={score.isPending}>
            {t('partner.saveScorecard')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
