import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowRight } from '@tabler/icons-react';
import { channelStrategyFor, type Segment, UpdateSegmentSchema } from '@partnerline/domain';
import { apiFieldErrors, ErrorSummary, fieldMessage, fieldPathProps, useLocale, zodForm } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { useUpdateSegment } from '../../../api/catalog';
import { fieldSpecs } from '../../../form-fields';
import { QuadrantLegend, type Thresholds } from './QuadrantLegend';
import { StrategyBadge } from './StrategyBadge';

interface Values {
  marketPotential: number | string;
  expansionDifficulty: number | string;
  notes: string;
}

const toChange = (v: Values) => ({
  marketPotential: v.marketPotential === '' ? undefined : Number(v.marketPotential),
  expansionDifficulty: v.expansionDifficulty === '' ? undefined : Number(v.expansionDifficulty),
  notes: v.notes.trim() || null,
});
const segmentForm = zodForm(UpdateSegmentSchema, toChange, {}, () => fieldSpecs('segment'));

/**
 * Edits a segment's scores. The quadrant is previewed with the same domain rule and policy thresholds
 * the server applies, so the user sees the channel strategy change before saving.
 */
export function EditSegmentModal({ segment, thresholds, onClose }: { segment: Segment; thresholds: Thresholds; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const specs = fieldSpecs('segment');
  const required = (field: 'marketPotential' | 'expansionDifficulty') => fieldMessage({ code: 'required' }, specs[field], t);
  const zh = locale === 'zh-CN';
  const update = useUpdateSegment();
  const form = useForm<Values>({
    initialValues: { marketPotential: segment.marketPotential, expansionDifficulty: segment.expansionDifficulty, notes: segment.notes ?? '' },
    // The schema is a partial update; here both scores are required.
    validate: (v) => ({ ...segmentForm.validate(v), ...(v.marketPotential === '' && { marketPotential: required('marketPotential') }), ...(v.expansionDifficulty === '' && { expansionDifficulty: required('expansionDifficulty') }) }),
    enhanceGetInputProps: fieldPathProps,
  });
  const errors = form.errors;
  const change = toChange(form.values);
  const parsed = UpdateSegmentSchema.safeParse(change);
  const scoresValid = parsed.success || !parsed.error.issues.some((i) => i.path[0] === 'marketPotential' || i.path[0] === 'expansionDifficulty');
  const preview = scoresValid && change.marketPotential !== undefined && change.expansionDifficulty !== undefined ? channelStrategyFor(change.marketPotential, change.expansionDifficulty, thresholds) : null;
  const industry = zh ? segment.industryNameZh : segment.industryNameEn;
  const region = zh ? segment.regionNameZh : segment.regionNameEn;

  const save = form.onSubmit((values) =>
    update.mutate(
      { id: segment.id, change: segmentForm.parse(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('segments.saved') });
          onClose();
        },
        onError: (err) => form.setErrors(apiFieldErrors(err, t('errors.generic', { ns: 'ui' }), specs)),
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={t('segments.editTitle', { industry, region })} size="lg">
      <Stack>
        <Group grow align="flex-start">
          <NumberInput
            label={t('segments.potential')}
            description={t('segments.scoreHint')}
            min={0}
            max={100}
            clampBehavior="none"
            allowDecimal={false}
            withAsterisk
            {...form.getInputProps('marketPotential')}
            data-autofocus
          />
          <NumberInput
            label={t('segments.difficulty')}
            description={t('segments.scoreHint')}
            min={0}
            max={100}
            clampBehavior="none"
            allowDecimal={false}
            withAsterisk
            {...form.getInputProps('expansionDifficulty')}
          />
        </Group>
        <Textarea label={t('segments.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <Group gap="xs" data-testid="quadrant-preview" aria-live="polite">
          <Text size="sm" c="dimmed">
            {t('segments.current')}:
          </Text>
          <StrategyBadge strategy={segment.strategy} />
          <IconArrowRight size={14} aria-hidden />
          <Text size="sm" c="dimmed">
            {t('segments.preview')}:
          </Text>
          {preview ? <StrategyBadge strategy={preview} size="lg" /> : <Text size="sm">—</Text>}
        </Group>
        <QuadrantLegend thresholds={thresholds} highlight={preview ?? undefined} />
        <ErrorSummary errors={errors} fields={specs} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button onClick={() => save()} loading={update.isPending}>
            {t('common.save', { ns: 'ui' })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
