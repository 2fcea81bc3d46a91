import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Group, Radio, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { QuizQuestion } from '@partnerline/domain';
import { useTranslation } from 'react-i18next';
import { ListItemActions } from './ListItemActions';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;

const uuid = () => crypto.randomUUID();
const option = (text = '', correct = false) => ({ id: uuid(), text, correct });

/** A new question: single choice with two empty options, the first marked correct. */
export function newQuestion(): QuizQuestion {
  return { id: uuid(), kind: 'single', prompt: '', options: [option('', true), option()] };
}

/**
 * The author's quiz: single- or multiple-choice questions, 2–8 options each, the correct ones marked.
 * `errors` is keyed by the CourseInput path (`quiz.0.prompt`, `quiz.0.options`, …).
 */
export function QuizEditor({ value, onChange, errors = {}, readOnly = false }: { value: QuizQuestion[]; onChange: (quiz: QuizQuestion[]) => void; errors?: Record<string, string>; readOnly?: boolean }) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<QuizQuestion>) => onChange(value.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const setKind = (i: number, kind: QuizQuestion['kind']) => {
    const q = value[i];
    // Going to single choice keeps only the first option marked correct.
    const first = q.options.findIndex((o) => o.correct);
    update(i, { kind, options: kind === 'single' ? q.options.map((o, k) => ({ ...o, correct: k === first })) : q.options });
  };
  const setCorrect = (i: number, optionId: string, correct: boolean) => {
    const q = value[i];
    update(i, { options: q.options.map((o) => (q.kind === 'single' ? { ...o, correct: o.id === optionId } : o.id === optionId ? { ...o, correct } : o)) });
  };

  return (
    <Stack gap="md">
      {value.length === 0 && (
        <Alert color="orange" variant="light">
          {t('courseEditor.noQuestions')}
        </Alert>
      )}
      {value.map((q, i) => {
        const optionsError = errors[`quiz.${i}.options`];
        return (
          <Card key={q.id} withBorder padding="md" radius="md" data-testid="quiz-question">
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Group gap="xs">
                <Badge variant="light" radius="sm">
                  {t('courseEditor.question', { n: i + 1 })}
                </Badge>
                <SegmentedControl
                  size="xs"
                  disabled={readOnly}
                  value={q.kind}
                  onChange={(v) => setKind(i, v as QuizQuestion['kind'])}
                  data={[
                    { value: 'single', label: t('courseEditor.single') },
                    { value: 'multiple', label: t('courseEditor.multiple') },
                  ]}
                  aria-label={t('courseEditor.kind')}
                />
              </Group>
              {!readOnly && (
                <ListItemActions list={value} index={i} onChange={onChange} removeTooltip={t('courseEditor.removeQuestion')} removeLabel={t('courseEditor.removeQuestionN', { n: i + 1 })} />
              )}
            </Group>
            <Textarea
              label={t('courseEditor.prompt')}
              aria-label={t('courseEditor.promptN', { n: i + 1 })}
              autosize
              minRows={1}
              readOnly={readOnly}
              value={q.prompt}
              onChange={(e) => update(i, { prompt: e.currentTarget.value })}
              error={errors[`quiz.${i}.prompt`]} data-path={`quiz.${i}.prompt`}
              required
            />
            <Text size="sm" fw={500} mt="sm" mb={4}>
              {t(q.kind === 'single' ? 'courseEditor.optionsSingle' : 'courseEditor.optionsMultiple')}
            </Text>
            <Radio.Group value={q.kind === 'single' ? (q.options.find((o) => o.correct)?.id ?? null) : null} onChange={(id) => setCorrect(i, id, true)}>
              <Stack gap={6}>
                {q.options.map((o, k) => {
                  const label = t('courseEditor.correctN', { q: i + 1, n: k + 1 });
                  return (
                    <Group key={o.id} gap="xs" wrap="nowrap">
                      {q.kind === 'single' ? (
                        <Radio value={o.id} aria-label={label} disabled={readOnly} color="green" />
                      ) : (
                        <Checkbox aria-label={label} checked={o.correct} disabled={readOnly} color="green" onChange={(e) => setCorrect(i, o.id, e.currentTarget.checked)} />
                      )}
                      <TextInput
                        style={{ flex: 1 }}
                        aria-label={t('courseEditor.optionN', { q: i + 1, n: k + 1 })}
                        placeholder={t('courseEditor.option', { n: k + 1 })}
                        readOnly={readOnly}
                        value={o.text}
                        onChange={(e) => update(i, { options: q.options.map((x) => (x.id === o.id ? { ...x, text: e.currentTarget.value } : x)) })}
                        error={errors[`quiz.${i}.options.${k}.text`]} data-path={`quiz.${i}.options.${k}.text`}
                        rightSection={o.correct ? <CorrectMark /> : null}
                        rightSectionWidth={o.correct ? 80 : undefined}
                      />
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('courseEditor.removeOptionN', { q: i + 1, n: k + 1 })}
                          disabled={q.options.length <= MIN_OPTIONS}
                          onClick={() => {
                            const options = q.options.filter((x) => x.id !== o.id);
                            // A single-choice question never loses its only correct option silently.
                            if (q.kind === 'single' && o.correct && options.length) options[0] = { ...options[0], correct: true };
                            update(i, { options });
                          }}
                        >
                          <IconX size={14} />
                        </ActionIcon>
                      )}
                    </Group>
                  );
                })}
              </Stack>
            </Radio.Group>
            {optionsError && (
              <Text size="xs" c="red" mt={4} role="alert">
                {optionsError}
              </Text>
            )}
            {!readOnly && (
              <Button variant="subtle" size="xs" mt="xs" w="fit-content" leftSection={<IconPlus size={14} />} disabled={q.options.length >= MAX_OPTIONS} onClick={() => update(i, { options: [...q.options, option()] })}>
                {t('courseEditor.addOption')}
              </Button>
            )}
          </Card>
        );
      })}
      {!readOnly && (
        <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} />} onClick={() => onChange([...value, newQuestion()])}>
          {t('courseEditor.addQuestion')}
        </Button>
      )}
    </Stack>
  );
}

function CorrectMark() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="green.7" fw={600} pr={4} style={{ whiteSpace: 'nowrap' }}>
      {t('courseEditor.correct')}
    </Text>
  );
}
