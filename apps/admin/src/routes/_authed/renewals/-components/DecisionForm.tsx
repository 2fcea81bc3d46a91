import { ActionIcon, Button, Card, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type RenewalDecisionInput, RenewalDecisionInputSchema, type RenewalReviewDetail } from '@partnerline/domain';
import { fieldMessage, fieldPathProps, formatDate, translate, useLocale, zodForm } from '@partnerline/ui';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideRenewal } from '../../../../api/renewals';
import { fieldSpecs } from '../../../../form-fields';
import { type Outcome, useRenewalWords } from './words';
import { onRefused, Refusal } from '../../../../refusal';

const OUTCOMES: Outcome[] = ['renew', 'renew_on_probation', 'terminate'];

type Values = {
  outcome: Outcome;
  rationale: string;
  quota: string;
  conditions: string[];
  checkOn: string;
  depositHandling: string | null;
};

/** The form's values as the request for the chosen outcome (blank conditions are left out, a blank quota is the suggested one). */
function toInput(v: Values): unknown {
  const quota = v.quota.trim() || undefined;
  switch (v.outcome) {
    case 'renew':
      return { outcome: 'renew', rationale: v.rationale, quota };
    case 'renew_on_probation':
      return { outcome: 'renew_on_probation', rationale: v.rationale, quota, conditions: v.conditions.filter((c) => c.trim()), checkOn: v.checkOn };
    case 'terminate':
      return { outcome: 'terminate', rationale: v.rationale, depositHandling: v.depositHandling ?? undefined };
  }
}
const decisionForm = zodForm(RenewalDecisionInputSchema, toInput, {}, () => fieldSpecs('renewalDecision'));

/**
 * The channel manager's decision on an open review: renew (the successor's quota prefilled with the suggested one),
 * renew on probation (named conditions and a check date) or terminate (what happens to a paid deposit). It starts
 * on the recommended outcome; the manager may decide otherwise, with a rationale the partner sees.
 */
export function DecisionForm({ review }: { review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const w = useRenewalWords();
  const decide = useDecideRenewal(review.id);
  const [refusal, setRefusal] = useState<string | null>(null);
  const depositPaid = review.facts.payments.depositStatus === 'paid';
  const form = useForm<Values>({
    initialValues: {
      outcome: review.recommendation,
      rationale: '',
      quota: review.suggestedQuota ?? '',
      conditions: [''],
      checkOn: '',
      depositHandling: null,
    },
    validate: (values) => {
      const errors = decisionForm.validate(values);
      // A paid deposit must be handled when the agreement ends (the schema leaves it optional for the other cases).
      if (values.outcome === 'terminate' && depositPaid && !values.depositHandling) {
        errors.depositHandling = fieldMessage({ code: 'required' }, fieldSpecs('renewalDecision').depositHandling!, translate as never);
      }
      return errors;
    },
    enhanceGetInputProps: fieldPathProps,
  });
  const v = form.values;
  const submit = form.onSubmit((values) =>
    decide.mutate(decisionForm.parse(values) as RenewalDecisionInput, {
      onSuccess: () => {
        setRefusal(null);
        notifications.show({ color: 'green', message: t('renewals.decision.done') });
      },
      onError: onRefused(form, setRefusal, fieldSpecs('renewalDecision')),
    }),
  );
  const renewing = v.outcome !== 'terminate';
  return (
    <Card id="decision">
      <form onSubmit={submit} noValidate aria-labelledby="decision-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="decision-title">
            {t('renewals.decision.title')}
          </Title>
          <SegmentedControl
            aria-label={t('renewals.decision.outcome')}
            fullWidth
            data={OUTCOMES.map((o) => ({ value: o, label: t(`renewals.outcome.${o}`) }))}
            value={v.outcome}
            onChange={(o) => form.setFieldValue('outcome', o as Outcome)}
            color={v.outcome === 'terminate' ? 'red' : v.outcome === 'renew' ? 'green' : 'orange'}
            styles={{ label: { whiteSpace: 'normal' } }}
          />
          {v.outcome !== review.recommendation && (
            <Text size="sm" c="orange.8">
              {t('renewals.decision.differs', { outcome: t(`renewals.outcome.${review.recommendation}`) })}
            </Text>
          )}
          {renewing && (
            <>
              <Text size="sm" c="dimmed">
                {t('renewals.decision.renewNote')}
              </Text>
              <TextInput
                label={t('renewals.decision.quota')}
                inputMode="decimal"
                description={review.suggestedQuota ? t('renewals.decision.quotaHelp', { amount: w.money(review.suggestedQuota) }) : t('renewals.review.noSuggestedQuota')}
                {...form.getInputProps('quota')}
              />
            </>
          )}
          {v.outcome === 'renew_on_probation' && (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('renewals.decision.conditions')}
              </Text>
              {v.conditions.map((_, i) => (
                <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    style={{ flex: 1 }}
                    aria-label={t('renewals.decision.condition', { n: i + 1 })}
                    placeholder={t('renewals.decision.condition', { n: i + 1 })}
                    maxLength={500}
                    {...form.getInputProps(`conditions.${i}`)}
                  />
                  {v.conditions.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={4}
                      aria-label={t('renewals.decision.removeCondition', { n: i + 1 })}
                      onClick={() => form.removeListItem('conditions', i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {form.errors.conditions && (
                <Text size="xs" c="red">
                  {form.errors.conditions}
                </Text>
              )}
              {v.conditions.length < 10 && (
                <Button variant="subtle" size="compact-sm" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('conditions', '')}>
                  {t('renewals.decision.addCondition')}
                </Button>
              )}
              <TextInput type="date" label={t('renewals.decision.checkOn')} required min={review.endDate} w={{ base: '100%', sm: 220 }} {...form.getInputProps('checkOn')} />
            </Stack>
          )}
          {v.outcome === 'terminate' && (
            <>
              <Text size="sm" c="dimmed">
                {t('renewals.decision.terminateNote', { date: formatDate(review.endDate, locale) })}
              </Text>
              {depositPaid && (
                <Select
                  allowDeselect={false}
                  label={t('renewals.decision.depositHandling')}
                  required
                  data={(['refund', 'forfeit'] as const).map((h) => ({ value: h, label: t(`renewals.decision.depositHandlingValue.${h}`) }))}
                  {...form.getInputProps('depositHandling')}
                />
              )}
            </>
          )}
          <Textarea label={t('renewals.decision.rationale')} required autosize minRows={3} maxLength={4000} {...form.getInputProps('rationale')} />
          <Refusal title={t('renewals.refused')} message={refusal} />
          <Group justify="flex-end">
            <Button type="submit" color={v.outcome === 'terminate' ? 'red' : undefined} loading={decide.isPending}>
              {t('renewals.decision.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
