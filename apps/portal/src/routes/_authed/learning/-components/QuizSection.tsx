import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Paper, Radio, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCertificate,
  IconCheck,
  IconCircleCheckFilled,
  IconCircleDashed,
  IconLock,
  IconPlayerPlay,
  IconRefresh,
  IconTrophy,
  IconX,
} from '@tabler/icons-react';
import { type CourseDetail, type LearnerQuestion, type QuizResult } from '@partnerline/domain';
import { ApiError } from '@partnerline/ui';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LearnerQuiz, useStartQuiz, useSubmitQuiz } from '../../../../api/training';
import { RenewCertificate } from './RenewCertificate';

const errorMessage = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

type Answers = Record<string, string[]>;

export function QuizSection({ course, allModulesDone }: { course: CourseDetail; allModulesDone: boolean }) {
  const { t } = useTranslation();
  const enrolment = course.enrolment;
  const start = useStartQuiz();
  const submit = useSubmitQuiz(course.id);
  const [paper, setPaper] = useState<LearnerQuiz | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<{ result: QuizResult; questions: LearnerQuestion[] } | null>(null);

  const begin = () => {
    if (!enrolment) return;
    start.mutate(enrolment.id, {
      onSuccess: (p) => {
        setResult(null);
        setAnswers({});
        setPaper(p);
      },
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    });
  };
  const send = () => {
    if (!enrolment || !paper) return;
    submit.mutate(
      { enrolmentId: enrolment.id, input: { answers: paper.questions.map((q) => ({ questionId: q.id, optionIds: answers[q.id] ?? [] })) } },
      {
        onSuccess: (r) => {
          setResult({ result: r, questions: paper.questions });
          setPaper(null);
          document.getElementById('quiz')?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      },
    );
  };

  const answered = paper ? paper.questions.filter((q) => (answers[q.id] ?? []).length > 0).length : 0;

  let body: React.ReactNode;
  if (result) {
    body = <QuizResultView result={result.result} questions={result.questions} onRetry={begin} retrying={start.isPending} />;
  } else if (paper && !paper.available) {
    body = <Alert color="orange">{t(`learning.quiz.reason.${paper.reason ?? 'modules_incomplete'}`)}</Alert>;
  } else if (paper) {
    body = (
      <Stack>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('learning.quiz.attemptInfo', { n: paper.attemptNo, limit: course.attemptLimit, mark: paper.passMarkPercent })}
          </Text>
          <Badge variant="light">{t('learning.quiz.answered', { done: answered, total: paper.questions.length })}</Badge>
        </Group>
        {paper.questions.map((q, i) => (
          <Paper key={q.id} withBorder p="md" radius="md" component="fieldset" style={{ margin: 0 }} aria-labelledby={`q-${q.id}`}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('learning.quiz.questionOf', { n: i + 1, total: paper.questions.length })} ·{' '}
              {q.kind === 'single' ? t('learning.quiz.single') : t('learning.quiz.multiple')}
            </Text>
            <Text fw={600} mt={4} mb="sm" id={`q-${q.id}`}>
              {q.prompt}
            </Text>
            {q.kind === 'single' ? (
              <Radio.Group
                value={answers[q.id]?.[0] ?? null}
                onChange={(v) => setAnswers({ ...answers, [q.id]: [v] })}
                aria-labelledby={`q-${q.id}`}
              >
                <Stack gap="xs">
                  {q.options.map((o) => (
                    <Radio key={o.id} value={o.id} label={o.text} />
                  ))}
                </Stack>
              </Radio.Group>
            ) : (
              <Checkbox.Group
                value={answers[q.id] ?? []}
                onChange={(v) => setAnswers({ ...answers, [q.id]: v })}
                aria-labelledby={`q-${q.id}`}
              >
                <Stack gap="xs">
                  {q.options.map((o) => (
                    <Checkbox key={o.id} value={o.id} label={o.text} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          </Paper>
        ))}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {answered < paper.questions.length
              ? t('learning.quiz.unanswered', { count: paper.questions.length - answered })
              : t('learning.quiz.ready')}
          </Text>
          <Button size="md" loading={submit.isPending} onClick={send}>
            {t('learning.quiz.submit')}
          </Button>
        </Group>
      </Stack>
    );
  } else if (!enrolment) {
    body = <Text c="dimmed">{t('learning.quiz.enrolFirst')}</Text>;
  } else if (enrolment.status === 'completed') {
    body = (
      <Stack>
        <Alert color="green" icon={<IconTrophy size={18} />} title={t('learning.quiz.alreadyPassed')}>
          <Stack gap={6}>
            <Text size="sm">{t('learning.quiz.bestScore', { score: enrolment.bestScorePercent ?? 100 })}</Text>
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/learning/certificates" />}>
              {t('learning.quiz.seeCertificates')} →
            </Anchor>
          </Stack>
        </Alert>
        <RenewCertificate course={course} />
      </Stack>
    );
  } else if (!allModulesDone) {
    body = (
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('learning.quiz.locked')}
        </Text>
        <Button leftSection={<IconLock size={16} />} disabled>
          {t('learning.quiz.start')}
        </Button>
      </Group>
    );
  } else if (enrolment.attemptsLeft <= 0) {
    body = <Alert color="red">{t('learning.quiz.reason.no_attempts_left')}</Alert>;
  } else {
    body = (
      <Group justify="space-between">
        <Stack gap={2}>
          <Text size="sm">{t('learning.quiz.intro', { count: course.questionCount, mark: course.passMarkPercent })}</Text>
          <Text size="sm" c="dimmed">
            {t('learning.quiz.attemptsLeft', { count: enrolment.attemptsLeft, limit: course.attemptLimit })}
            {enrolment.bestScorePercent !== null ? ` · ${t('learning.quiz.bestScore', { score: enrolment.bestScorePercent })}` : ''}
          </Text>
        </Stack>
        <Button size="md" leftSection={<IconPlayerPlay size={16} />} loading={start.isPending} onClick={begin}>
          {t('learning.quiz.start')}
        </Button>
      </Group>
    );
  }

  return (
    <Card id="quiz" style={{ scrollMarginTop: 80 }}>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('learning.quiz.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('learning.quiz.passMark', { mark: course.passMarkPercent })}
        </Text>
      </Group>
      {body}
    </Card>
  );
}

function QuizResultView({
  result: r,
  questions,
  onRetry,
  retrying,
}: {
  result: QuizResult;
  questions: LearnerQuestion[];
  onRetry: () => void;
  retrying: boolean;
}) {
  const { t } = useTranslation();
  const revealed = r.questions.some((q) => q.correctOptionIds !== null);
  return (
    <Stack>
      <Alert
        color={r.passed ? 'green' : 'red'}
        icon={r.passed ? <IconTrophy size={20} /> : <IconX size={20} />}
        title={r.passed ? t('learning.quiz.passed') : t('learning.quiz.failed')}
        aria-label={t('learning.quiz.resultTitle')}
      >
        <Group gap="xl" mt={4}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('learning.quiz.score')}
            </Text>
            <Text fw={700} size="xl">
              {r.scorePercent}%
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('learning.quiz.passMarkLabel')}
            </Text>
            <Text fw={700} size="xl">
              {r.passMarkPercent}%
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('learning.quiz.correctCount')}
            </Text>
            <Text fw={700} size="xl">
              {r.correctCount} / {r.questionCount}
            </Text>
          </Stack>
          {!r.passed && (
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('learning.quiz.attemptsLeftLabel')}
              </Text>
              <Text fw={700} size="xl">
                {r.attemptsLeft}
              </Text>
            </Stack>
          )}
        </Group>
        {!r.passed && r.attemptsLeft > 0 && (
          <Button mt="md" color="red" variant="white" leftSection={<IconRefresh size={16} />} loading={retrying} onClick={onRetry}>
            {t('learning.quiz.retry')}
          </Button>
        )}
        {!r.passed && r.attemptsLeft <= 0 && (
          <Text size="sm" mt="sm">
            {t('learning.quiz.reason.no_attempts_left')}
          </Text>
        )}
      </Alert>

      {r.certificationsEarned.length > 0 && (
        <Paper withBorder p="md" radius="md" bg="var(--mantine-color-indigo-0)">
          <Group gap="sm" mb="xs">
            <ThemeIcon color="indigo" variant="light" radius="xl">
              <IconCertificate size={18} />
            </ThemeIcon>
            <Text fw={600}>{t('learning.quiz.earned')}</Text>
          </Group>
          <Stack gap={4}>
            {r.certificationsEarned.map((c) => (
              <Group key={c.id} gap="sm">
                <Text size="sm" fw={500}>
                  {c.name}
                </Text>
                <Badge variant="outline" color="indigo" ff="monospace" tt="none">
                  {c.code}
                </Badge>
              </Group>
            ))}
          </Stack>
          <Anchor size="sm" mt="sm" display="inline-block" renderRoot={(props) => <Link {...props} to="/learning/certificates" />}>
            {t('learning.quiz.seeCertificates')} →
          </Anchor>
        </Paper>
      )}

      <Title order={4}>{t('learning.quiz.review')}</Title>
      {!revealed && (
        <Text size="sm" c="dimmed">
          {t('learning.quiz.answersHidden')}
        </Text>
      )}
      {questions.map((q, i) => {
        const a = r.questions.find((x) => x.questionId === q.id);
        if (!a) return null;
        return (
          <Paper
            key={a.questionId}
            withBorder
            p="md"
            radius="md"
            aria-label={t('learning.quiz.questionOf', { n: i + 1, total: questions.length })}
            component="section"
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>
                {i + 1}. {q.prompt}
              </Text>
              <Badge
                color={a.correct ? 'green' : 'red'}
                variant="light"
                leftSection={a.correct ? <IconCheck size={12} /> : <IconX size={12} />}
                style={{ flexShrink: 0 }}
              >
                {a.correct ? t('learning.quiz.right') : t('learning.quiz.wrong')}
              </Badge>
            </Group>
            <Stack gap={4} mt="xs">
              {q.options.map((o) => {
                const picked = a.selectedOptionIds.includes(o.id);
                const isCorrect = a.correctOptionIds?.includes(o.id) ?? false;
                return (
                  <Group key={o.id} gap="xs" wrap="nowrap">
                    {picked ? (
                      <IconCircleCheckFilled size={16} color={a.correct ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-red-6)'} />
                    ) : (
                      <IconCircleDashed size={16} color="var(--mantine-color-gray-4)" />
                    )}
                    <Text size="sm" fw={picked ? 600 : 400} c={picked ? undefined : 'dimmed'}>
                      {o.text}
                    </Text>
                    {picked && (
                      <Badge size="xs" variant="outline" color="gray">
                        {t('learning.quiz.yourAnswer')}
                      </Badge>
                    )}
                    {isCorrect && (
                      <Badge size="xs" variant="filled" color="green">
                        {t('learning.quiz.correctAnswer')}
                      </Badge>
                    )}
                  </Group>
                );
              })}
              {a.selectedOptionIds.length === 0 && (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('learning.quiz.noAnswer')}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
