import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight } from '@tabler/icons-react';
import { channelStrategyFor, type Segment, translateMessage, UpdateSegmentSchema } from '@partnerline/domain';
import { apiFieldErrors, useLocale, zodFieldErrors } from '@partnerline/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateSegment } from '../../../api/catalog';
import { QuadrantLegend, type Thresholds } from './QuadrantLegend';
import { StrategyBadge } from './StrategyBadge';

/**
 * Edits a segment's scores. The quadrant is previewed with the same domain rule and policy thresholds
 * the server applies, so the user sees the channel strategy change before saving.
 */
export function EditSegmentModal({ segment, thresholds, onClose }: { segment: Segment; thresholds: Thresholds; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zh = locale === 'zh-CN';
  const update = useUpdateSegment();
  const [potential, setPotential] = useState<number | string>(segment.marketPotential);
  const [difficulty, setDifficulty] = useState<number | string>(segment.expansionDifficulty);
  const [notes, setNotes] = useState(segment.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = { marketPotential: potential === '' ? undefined : Number(potential), expansionDifficulty: difficulty === '' ? undefined : Number(difficulty), notes: notes.trim() || null };
  const parsed = UpdateSegmentSchema.safeParse(change);
  const scoresValid = parsed.success || !parsed.error.issues.some((i) => i.path[0] === 'marketPotential' || i.path[0] === 'expansionDifficulty');
  const preview = scoresValid && change.marketPotential !== undefined && change.expansionDifficulty !== undefined ? channelStrategyFor(change.marketPotential, change.expansionDifficulty, thresholds) : null;
  const industry = zh ? segment.industryNameZh : segment.industryNameEn;
  const region = zh ? segment.regionNameZh : segment.regionNameEn;

  const save = () => {
    const required = translateMessage(locale, 'zod.required');
    const missing = { ...(potential === '' && { marketPotential: required }), ...(difficulty === '' && { expansionDifficulty: required }) };
    if (!parsed.success || Object.keys(missing).length) {
      setErrors({ ...(parsed.success ? {} : zodFieldErrors(parsed.error.issues, locale)), ...missing });
      return;
    }
    setErrors({});
    update.mutate(
      { id: segment.id, change: parsed.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('segments.saved') });
          onClose();
        },
        onError: (err) => setErrors(apiFieldErrors(err, t('errors.generic', { ns: 'ui' }))),
      },
    );
  };

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
            value={potential}
            onChange={setPotential}
            error={errors.marketPotential}
            data-autofocus
          />
          <NumberInput
            label={t('segments.difficulty')}
            description={t('segments.scoreHint')}
            min={0}
            max={100}
            clampBehavior="none"
            allowDecimal={false}
            value={difficulty}
            onChange={setDifficulty}
            error={errors.expansionDifficulty}
          />
        </Group>
        <Textarea label={t('segments.notes')} autosize minRows={2} maxRows={6} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
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
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button onClick={save} loading={update.isPending}>
            {t('common.save', { ns: 'ui' })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
