import { Alert, Button, Card, Group, Radio, Rating, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { type RenewalReviewDetail, SelfAssessmentInputSchema } from '@partnerline/domain';
import {
  apiFieldErrors,
  ErrorSummary,
  errorMessage,
  fieldPathProps,
  formatDate,
  formatMoney,
  renewalReviewQueryOptions,
  submitSelfAssessment,
  useLocale,
  zodForm,
} from '@partnerline/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldSpecs } from '../../../../form-fields';

export const RATING_KEYS = ['product', 'competitiveness', 'margin', 'training', 'support'] as const;
type RatingKey = (typeof RATING_KEYS)[number];

const selfAssessmentFields = () => fieldSpecs('selfAssessment');

type Declaration = '' | 'no_competing_products' | 'sells_competing_products';

interface Values {
  wentWell: string;
  plan: string;
  proposedQuota: string;
  competitionDeclaration: Declaration;
  competingProducts: string;
  willRenew: '' | 'yes' | 'no';
  /** Stars 1–5 (0: not rated yet); likelihood '0'–'10' ('' not chosen yet). */
  rating: Record<RatingKey, number> & { likelyToRecommend: string; comments: string };
}

/** Unanswered choices go to the schema as missing, so each is refused by its own words ("Choose a rating for the margin"). */
const schema = zodForm(
  SelfAssessmentInputSchema,
  (v: Values) => {
    const sells = v.competitionDeclaration === 'sells_competing_products';
    return {
      wentWell: v.wentWell,
      plan: v.plan,
      // Amounts may be typed with thousands separators.
      proposedQuota: v.proposedQuota.trim() ? v.proposedQuota.trim().replace(/[,，\s]/g, '') : null,
      competitionDeclaration: v.competitionDeclaration || undefined,
      competingProducts: sells && v.competingProducts.trim() ? v.competingProducts.trim() : null,
      willRenew: v.willRenew === '' ? undefined : v.willRenew === 'yes',
      rating: {
        ...Object.fromEntries(RATING_KEYS.map((k) => [k, v.rating[k] || undefined])),
        likelyToRecommend: v.rating.likelyToRecommend === '' ? undefined : Number(v.rating.likelyToRecommend),
        comments: v.rating.comments.trim() || null,
      },
    };
  },
  {},
  selfAssessmentFields,
);

function initialValues(review: RenewalReviewDetail): Values {
  const s = review.selfAssessment;
  return {
    wentWell: s?.wentWell ?? '',
    plan: s?.plan ?? '',
    proposedQuota: s?.proposedQuota ?? '',
    competitionDeclaration: s?.competitionDeclaration ?? '',
    competingProducts: s?.competingProducts ?? '',
    willRenew: s ? (s.willRenew ? 'yes' : 'no') : '',
    rating: {
      product: s?.rating.product ?? 0,
      competitiveness: s?.rating.competitiveness ?? 0,
      margin: s?.rating.margin ?? 0,
      training: s?.rating.training ?? 0,
      support: s?.rating.support ?? 0,
      likelyToRecommend: s ? String(s.rating.likelyToRecommend) : '',
      comments: s?.rating.comments ?? '',
    },
  };
}

const LIKELIHOOD = Array.from({ length: 11 }, (_, i) => String(i));

/**
 * The partner admin's self-assessment and rating of the vendor, while the review is open. Submitting again replaces
 * the earlier one (the form starts from it). Declaring "will not renew" tells the channel manager at once.
 */
export function SelfAssessmentForm({ review }: { review: RenewalReviewDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const form = useForm<Values>({ initialValues: initialValues(review), validate: schema.validate, enhanceGetInputProps: fieldPathProps });
  const submit = useMutation({
    mutationFn: (body: ReturnType<typeof schema.parse>) => submitSelfAssessment(review.id, body),
    onSuccess: (detail) => {
      // The form now shows what was saved (amounts as the API keeps them), ready to be replaced.
      const saved = initialValues(detail);
      form.setValues(saved);
      form.resetDirty(saved);
      qc.setQueryData(renewalReviewQueryOptions(review.id).queryKey, detail);
      void qc.invalidateQueries({ queryKey: ['renewal-readiness', review.agreementId] });
      notifications.show({ color: 'green', message: t('renewals.self.submitted') });
    },
    onError: (err) => form.setErrors(apiFieldErrors(err, errorMessage(err), selfAssessmentFields())),
  });
  const onSubmit = form.onSubmit((values) => submit.mutate(schema.parse(values)));
  const sells = form.values.competitionDeclaration === 'sells_competing_products';
  const previous = review.selfAssessment;

  return (
    <Card data-testid="self-assessment" id="self-assessment">
      <Stack component="form" onSubmit={(e) => onSubmit(e as unknown as React.FormEvent<HTMLFormElement>)}>
        <Stack gap={2}>
          <Text fw={600}>{t('renewals.self.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('renewals.self.intro', { date: formatDate(review.decideBy, locale) })}
          </Text>
        </Stack>
        {previous && (
          <Alert color="blue" icon={<IconInfoCircle size={18} />}>
            {t('renewals.self.replaces', { name: previous.submittedBy.name, date: formatDate(previous.submittedOn, locale) })}
          </Alert>
        )}
        <Textarea label={t('renewals.self.wentWell')} description={t('renewals.self.wentWellHelp')} autosize minRows={3} maxLength={4000} withAsterisk {...form.getInputProps('wentWell')} />
        <Textarea label={t('renewals.self.plan')} description={t('renewals.self.planHelp')} autosize minRows={3} maxLength={4000} withAsterisk {...form.getInputProps('plan')} />
        <TextInput
          label={t('renewals.self.proposedQuota')}
          description={review.suggestedQuota ? t('renewals.self.proposedQuotaHelp', { amount: formatMoney(review.suggestedQuota, locale) }) : t('renewals.self.proposedQuotaHelpNone')}
          placeholder="1200000.00"
          inputMode="decimal"
          {...form.getInputProps('proposedQuota')}
        />
        <Radio.Group label={t('renewals.self.competition')} description={t('renewals.self.competitionHelp')} withAsterisk {...form.getInputProps('competitionDeclaration')}>
          <Stack gap={6} mt="xs">
            <Radio value="no_competing_products" label={t('renewals.declaration.no_competing_products')} />
            <Radio value="sells_competing_products" label={t('renewals.declaration.sells_competing_products')} />
          </Stack>
        </Radio.Group>
        {sells && (
          <Textarea label={t('renewals.self.competingProducts')} description={t('renewals.self.competingProductsHelp')} autosize minRows={2} maxLength={2000} withAsterisk {...form.getInputProps('competingProducts')} />
        )}
        <Radio.Group label={t('renewals.self.renewQuestion')} description={t('renewals.self.renewHelp')} withAsterisk {...form.getInputProps('willRenew')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {(['yes', 'no'] as const).map((v) => (
              <Radio.Card key={v} value={v} p="sm" radius="md" aria-label={v === 'yes' ? t('renewals.self.willRenew') : t('renewals.self.willNotRenew')}>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Text fw={600} size="sm">
                      {v === 'yes' ? t('renewals.self.willRenew') : t('renewals.self.willNotRenew')}
                    </Text>
                    <Text size="xs" c="dimmed" mt={4}>
                      {v === 'yes' ? t('renewals.self.willRenewHelp') : t('renewals.self.willNotRenewHelp')}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {form.values.willRenew === 'no' && (
          <Alert color="orange" icon={<IconInfoCircle size={18} />} data-testid="will-not-renew-note">
            {t('renewals.self.willNotRenewNote')}
          </Alert>
        )}

        <Stack gap={4} mt="sm">
          <Text fw={600}>{t('renewals.rating.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('renewals.rating.intro')}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {RATING_KEYS.map((k) => (
            <RatingField key={k} path={`rating.${k}`} label={t(`renewals.rating.${k}`)} hint={t(`renewals.rating.${k}Help`)} value={form.values.rating[k]} error={form.errors[`rating.${k}`]} onChange={(n) => form.setFieldValue(`rating.${k}`, n)} />
          ))}
        </SimpleGrid>
        <Stack gap={4} role="group" aria-label={t('renewals.rating.likely')} data-path="rating.likelyToRecommend" tabIndex={-1}>
          <Text size="sm" fw={500}>
            {t('renewals.rating.likely')} <Text span c="red">*</Text>
          </Text>
          <SegmentedControl fullWidth size="xs" data={LIKELIHOOD} value={form.values.rating.likelyToRecommend} onChange={(v) => form.setFieldValue('rating.likelyToRecommend', v)} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('renewals.rating.likelyLow')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('renewals.rating.likelyHigh')}
            </Text>
          </Group>
          {form.errors['rating.likelyToRecommend'] && (
            <Text size="xs" c="red">
              {form.errors['rating.likelyToRecommend']}
            </Text>
          )}
        </Stack>
        <Textarea label={t('renewals.rating.comments')} description={t('renewals.rating.commentsHelp')} autosize minRows={2} maxLength={4000} {...form.getInputProps('rating.comments')} />
        <ErrorSummary errors={form.errors} fields={selfAssessmentFields()} />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.isPending}>
            {previous ? t('renewals.self.resubmit') : t('renewals.self.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** One 1–5 rating: a group of five stars named by its dimension, with its refusal under it. */
function RatingField({ path, label, hint, value, error, onChange }: { path: string; label: string; hint: string; value: number; error: unknown; onChange: (n: number) => void }) {
  return (
    <Stack gap={2} role="group" aria-label={label} data-path={path} tabIndex={-1}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500}>
          {label} <Text span c="red">*</Text>
        </Text>
        <Rating value={value} onChange={onChange} size="md" />
      </Group>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      {typeof error === 'string' && error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
