import { Anchor, Badge, Button, Card, Group, List, Radio, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { businessDateOf, ProbationCheckInputSchema, type RenewalDecision, type RenewalReviewDetail } from '@partnerline/domain';
import { errorMessage, Fact, fieldPathProps, formatDate, formatDateTime, useLocale, zodForm } from '@partnerline/ui';
import { IconCircleCheck, IconCircleX, IconClockHour4 } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProbationCheck } from '../../../../api/renewals';
import { fieldSpecs } from '../../../../form-fields';
import { OutcomeBadge } from './words';
import { Refusal } from '../../../../refusal';

/** A decided review: the decision and its rationale, the successor draft, the termination, and the probation. */
export function DecisionView({ review, canManage, timeZone }: { review: RenewalReviewDetail; canManage: boolean; timeZone?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = review.decision!;
  return (
    <Card id="decision">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} size="h5">
            {t('renewals.decision.title')}
          </Title>
          <OutcomeBadge outcome={d.outcome} variant="filled" size="lg" />
        </Group>
        <Text size="xs" c="dimmed">
          {t('renewals.decision.decidedBy', { name: d.decidedBy.name, date: formatDateTime(d.decidedAt, locale, timeZone) })}
        </Text>
        {d.outcome !== review.recommendation && (
          <Text size="sm" c="orange.8">
            {t('renewals.decision.differs', { outcome: t(`renewals.outcome.${review.recommendation}`) })}
          </Text>
        )}
        <Fact label={t('renewals.decision.rationale')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {d.rationale}
          </Text>
        </Fact>
        {d.successorAgreementId && (
          <Fact label={t('renewals.decision.successor')}>
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: d.successorAgreementId! }} />}>
              {t('renewals.decision.openSuccessor')}
            </Anchor>
          </Fact>
        )}
        {d.terminationEffective && <Text size="sm">{t('renewals.decision.terminationEffective', { date: formatDate(d.terminationEffective, locale) })}</Text>}
        {d.depositHandling && d.depositHandling !== 'none' && (
          <Text size="sm">{t('renewals.decision.deposit', { handling: t(`renewals.decision.depositHandlingValue.${d.depositHandling}`) })}</Text>
        )}
        {d.probation && <Probation review={review} probation={d.probation} canManage={canManage} timeZone={timeZone} />}
      </Stack>
    </Card>
  );
}

type Probation = NonNullable<RenewalDecision['probation']>;
type CheckValues = { met: (boolean | null)[] };

function Probation({ review, probation, canManage, timeZone }: { review: RenewalReviewDetail; probation: Probation; canManage: boolean; timeZone?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // A manager records the check from the check date; before it (and for leadership) the conditions are listed.
  const early = businessDateOf(new Date(), timeZone) < probation.checkOn;
  const checking = canManage && probation.outcome === null && !early;
  return (
    <Stack gap="xs" mt="xs">
      <Group gap="sm">
        <Text fw={600} size="sm">
          {t('renewals.probation.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('renewals.probation.checkOn', { date: formatDate(probation.checkOn, locale) })}
        </Text>
        {probation.outcome && (
          <Badge color={probation.outcome === 'met' ? 'green' : 'red'}>{t(`renewals.probation.outcome.${probation.outcome}`)}</Badge>
        )}
      </Group>
      {checking ? (
        <ProbationCheckForm review={review} probation={probation} />
      ) : (
        <List spacing={4} size="sm" listStyleType="none" aria-label={t('renewals.decision.conditions')}>
          {probation.conditions.map((c) => (
            <List.Item key={c.id}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                {c.met === null ? (
                  <IconClockHour4 size={16} color="var(--mantine-color-gray-6)" aria-hidden />
                ) : c.met ? (
                  <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
                ) : (
                  <IconCircleX size={16} color="var(--mantine-color-red-7)" aria-hidden />
                )}
                <Text size="sm">
                  {c.text}{' '}
                  <Text span size="sm" c="dimmed">
                    ({c.met === null ? t('renewals.probation.unchecked') : c.met ? t('renewals.probation.met') : t('renewals.probation.notMet')})
                  </Text>
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {canManage && probation.outcome === null && early && (
        <Text size="sm" c="dimmed">
          {t('renewals.probation.notYet', { date: formatDate(probation.checkOn, locale) })}
        </Text>
      )}
    </Stack>
  );
}

/** The probation check (a channel manager, from the check date): each condition met or not. */
function ProbationCheckForm({ review, probation }: { review: RenewalReviewDetail; probation: Probation }) {
  const { t } = useTranslation();
  const check = useProbationCheck(review.id);
  const [refusal, setRefusal] = useState<string | null>(null);
  const ids = probation.conditions.map((c) => c.id);
  const checkForm = zodForm(ProbationCheckInputSchema, (v: CheckValues) => ({ conditions: ids.map((id, i) => ({ id, met: v.met[i] })) }), {}, () =>
    fieldSpecs('probationCheck'),
  );
  const form = useForm<CheckValues>({
    initialValues: { met: probation.conditions.map((c) => c.met) },
    validate: (v) => {
      // The schema's paths are conditions.N.met; the form's fields are met.N.
      const errors = checkForm.validate(v);
      return Object.fromEntries(Object.entries(errors).map(([k, m]) => [k.replace(/^conditions\.(\d+)\.met$/, 'met.$1'), m]));
    },
    enhanceGetInputProps: fieldPathProps,
  });
  const submit = form.onSubmit((values) =>
    check.mutate(checkForm.parse(values), {
      onSuccess: () => {
        setRefusal(null);
        notifications.show({ color: 'green', message: t('renewals.probation.checked') });
      },
      onError: (e) => setRefusal(errorMessage(e)),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {probation.conditions.map((c, i) => (
          <Radio.Group
            key={c.id}
            label={t('renewals.probation.conditionN', { n: i + 1, text: c.text })}
            value={form.values.met[i] === null ? null : String(form.values.met[i])}
            onChange={(v) => form.setFieldValue(`met.${i}`, v === 'true')}
            error={form.errors[`met.${i}`]}
          >
            <Group gap="md" mt={4}>
              <Radio value="true" label={t('renewals.probation.met')} />
              <Radio value="false" label={t('renewals.probation.notMet')} />
            </Group>
          </Radio.Group>
        ))}
        <Refusal title={t('renewals.refused')} message={refusal} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={check.isPending}>
            {t('renewals.probation.check')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
