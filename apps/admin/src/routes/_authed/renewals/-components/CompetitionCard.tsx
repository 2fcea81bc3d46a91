import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CompetitionFindingInputSchema, CompetitionFindingSchema, type RenewalReviewDetail } from '@partnerline/domain';
import { fieldPathProps, formatDateTime, useLocale, zodForm } from '@partnerline/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompetitionFinding } from '../../../../api/renewals';
import { fieldSpecs } from '../../../../form-fields';
import { onRefused, Refusal } from '../../../../refusal';

const FINDING_COLOR = { compliant: 'green', concern: 'orange', breach: 'red' } as const;
type Values = { finding: string | null; note: string };
const findingForm = zodForm(CompetitionFindingInputSchema, (v: Values) => v, {}, () => fieldSpecs('competitionFinding'));

/** Competition avoidance (不脚踏多只船): the manager's finding, and its form while the review is open. */
export function CompetitionCard({ review, canManage, timeZone }: { review: RenewalReviewDetail; canManage: boolean; timeZone?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = review.competitionFinding;
  const save = useCompetitionFinding(review.id);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { finding: f?.finding ?? null, note: f?.note ?? '' },
    validate: findingForm.validate,
    enhanceGetInputProps: fieldPathProps,
  });
  const submit = form.onSubmit((values) =>
    save.mutate(findingForm.parse(values), {
      onSuccess: () => {
        setRefusal(null);
        notifications.show({ color: 'green', message: t('renewals.competition.saved') });
      },
      onError: onRefused(form, setRefusal, fieldSpecs('competitionFinding')),
    }),
  );
  return (
    <Card id="competition">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('renewals.competition.title')}
        </Title>
        {f ? (
          <Stack gap={4}>
            <Group gap="xs">
              <Badge color={FINDING_COLOR[f.finding]}>{t(`renewals.numbers.findingValue.${f.finding}`)}</Badge>
              <Text size="xs" c="dimmed">
                {t('renewals.competition.foundBy', { name: f.foundBy.name, date: formatDateTime(f.foundAt, locale, timeZone) })}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.note}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('renewals.competition.none')}
          </Text>
        )}
        {canManage && review.status === 'open' && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Select
                allowDeselect={false}
                label={t('renewals.competition.finding')}
                data={CompetitionFindingSchema.options.map((v) => ({ value: v, label: t(`renewals.numbers.findingValue.${v}`) }))}
                required
                {...form.getInputProps('finding')}
              />
              <Textarea label={t('renewals.competition.note')} autosize minRows={2} maxLength={4000} required {...form.getInputProps('note')} />
              <Refusal title={t('renewals.refused')} message={refusal} />
              <Group justify="flex-end">
                <Button type="submit" variant="light" loading={save.isPending}>
                  {t('renewals.competition.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
