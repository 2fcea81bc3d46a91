import { Alert, Anchor, Badge, Button, Card, Checkbox, Divider, Grid, Group, List, NavLink, Paper, Radio, RingProgress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconArrowRight,
  IconCertificate,
  IconCheck,
  IconCircleCheckFilled,
  IconCircleDashed,
  IconClock,
  IconExternalLink,
  IconLock,
  IconPlayerPlay,
  IconRefresh,
  IconTrophy,
  IconX,
} from '@tabler/icons-react';
import { type CourseDetail, type LearnerQuestion, type QuizResult, renewalDue } from '@partnerline/domain';
import { ApiError, formatDate, Markdown, meQueryOptions } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { productLinesQueryOptions } from '../../../api/portal';
import { certificationsQueryOptions, courseQueryOptions, type LearnerQuiz, useCompleteModule, useEnrol, useStartQuiz, useSubmitQuiz } from '../../../api/training';
import { formatDuration, LearnerStatus, productLineName, TrackBadge, useLocale } from '../../../components/training';

export const Route = createFileRoute('/_authed/learning/$courseId')({
  params: { parse: (p) => ({ courseId: z.uuid().parse(p.courseId) }), stringify: (p) => p },
  loader: ({ context, params }) => Promise.all([context.queryClient.ensureQueryData(courseQueryOptions(params.courseId)), context.queryClient.ensureQueryData(productLinesQueryOptions())]),
  component: CoursePage,
});

const errorMessage = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

function CoursePage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const { courseId } = Route.useParams();
  const { data: course } = useSuspenseQuery(courseQueryOptions(courseId));
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const enrolment = course.enrolment;
  const done = new Set(enrolment?.completedModuleIds ?? []);
  const firstOpen = course.modules.find((m) => !done.has(m.id)) ?? course.modules[0];
  const [selectedId, setSelectedId] = useState<string | undefined>(firstOpen?.id);
  const selected = course.modules.find((m) => m.id === selectedId) ?? course.modules[0];
  const index = selected ? course.modules.indexOf(selected) : -1;
  const enrol = useEnrol();
  const complete = useCompleteModule(courseId);
  const allDone = course.modules.every((m) => done.has(m.id));

  const markComplete = () => {
    if (!enrolment || !selected) return;
    complete.mutate(
      { enrolmentId: enrolment.id, moduleId: selected.id },
      {
        onSuccess: () => {
          const next = course.modules.slice(index + 1).find((m) => !done.has(m.id) && m.id !== selected.id);
          if (next) setSelectedId(next.id);
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      },
    );
  };

  return (
    <Stack maw={1200}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/learning" />}>
        ← {t('learning.back')}
      </Anchor>
      <Card>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6} style={{ flex: 1 }}>
            <Group gap="xs">
              <TrackBadge track={course.track} />
              <LearnerStatus enrolment={enrolment} />
            </Group>
            <Title order={2}>{course.title}</Title>
            <Group gap="md">
              <Text size="sm" c="dimmed" ff="monospace">
                {course.code}
              </Text>
              <Text size="sm" c="dimmed">
                {t(`jobRoles.${course.jobRole}`, { ns: 'ui' })} · {productLineName(lines, course.productLineId, course.productLineCode, zh)} · {t(`language.${course.language}`)}
              </Text>
              <Group gap={4}>
                <IconClock size={14} color="var(--mantine-color-dimmed)" />
                <Text size="sm" c="dimmed">
                  {formatDuration(t, course.durationMinutes)}
                </Text>
              </Group>
            </Group>
            {course.summary && <Text size="sm">{course.summary}</Text>}
            {course.certificationPaths.length > 0 && (
              <Group gap={6}>
                <IconCertificate size={16} color="var(--mantine-color-indigo-6)" />
                <Text size="sm" c="dimmed">
                  {t('learning.leadsTo')}
                </Text>
                {course.certificationPaths.map((p) => (
                  <Badge key={p.id} variant="light" color="indigo">
                    {p.name}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
          {enrolment && (
            <RingProgress
              size={96}
              thickness={9}
              roundCaps
              sections={[{ value: enrolment.progressPercent, color: enrolment.status === 'completed' ? 'green' : 'blue' }]}
              label={
                <Text ta="center" fw={700} size="sm">
                  {enrolment.progressPercent}%
                </Text>
              }
              aria-label={t('learning.progressOf', { title: course.title })}
            />
          )}
        </Group>
        {!enrolment && (
          <Alert mt="md" color="blue" icon={<IconAlertCircle size={18} />} title={t('learning.notEnrolledTitle')}>
            <Group justify="space-between">
              <Text size="sm">{t('learning.notEnrolledBody')}</Text>
              <Button
                loading={enrol.isPending}
                onClick={() => enrol.mutate({ courseId }, { onSuccess: () => notifications.show({ color: 'green', message: t('learning.enrolled', { title: course.title }) }), onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) })}
              >
                {t('learning.enrol')}
              </Button>
            </Group>
          </Alert>
        )}
      </Card>

      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card p="xs">
            <Group justify="space-between" px="sm" py={6}>
              <Text fw={600}>{t('learning.moduleList')}</Text>
              <Text size="xs" c="dimmed">
                {t('learning.modulesDone', { done: course.modules.filter((m) => done.has(m.id)).length, total: course.modules.length })}
              </Text>
            </Group>
            <nav aria-label={t('learning.moduleList')}>
              {course.modules.map((m, i) => (
                <NavLink
                  key={m.id}
                  active={m.id === selected?.id}
                  onClick={() => setSelectedId(m.id)}
                  label={`${i + 1}. ${m.title}`}
                  description={done.has(m.id) ? t('learning.completed') : undefined}
                  leftSection={done.has(m.id) ? <IconCircleCheckFilled size={18} color="var(--mantine-color-green-6)" aria-label={t('learning.completed')} /> : <IconCircleDashed size={18} color="var(--mantine-color-gray-5)" />}
                  style={{ borderRadius: 6 }}
                />
              ))}
              <NavLink
                component="a"
                href="#quiz"
                label={t('learning.quiz.title')}
                leftSection={enrolment?.status === 'completed' ? <IconTrophy size={18} color="var(--mantine-color-green-6)" /> : allDone && enrolment ? <IconPlayerPlay size={18} color="var(--mantine-color-blue-6)" /> : <IconLock size={18} color="var(--mantine-color-gray-5)" />}
                style={{ borderRadius: 6 }}
              />
            </nav>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected && (
            <Card>
              <Group justify="space-between" mb="xs">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('learning.moduleOf', { n: index + 1, total: course.modules.length })}
                </Text>
                {done.has(selected.id) && (
                  <Badge color="green" variant="light" leftSection={<IconCheck size={12} />}>
                    {t('learning.completed')}
                  </Badge>
                )}
              </Group>
              <Title order={3} mb="sm">
                {selected.title}
              </Title>
              {selected.videoUrl && (
                <Button component="a" href={selected.videoUrl} target="_blank" rel="noopener noreferrer" variant="light" leftSection={<IconPlayerPlay size={16} />} mb="md" w="fit-content">
                  {t('learning.watchVideo')}
                </Button>
              )}
              <Markdown>{selected.body}</Markdown>
              {selected.links.length > 0 && (
                <>
                  <Divider my="sm" />
                  <Text fw={600} size="sm" mb={4}>
                    {t('learning.furtherReading')}
                  </Text>
                  <List size="sm" spacing={4} icon={<IconExternalLink size={14} />}>
                    {selected.links.map((l) => (
                      <List.Item key={l.url}>
                        <Anchor href={l.url} target="_blank" rel="noopener noreferrer">
                          {l.label}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
              <Divider my="md" />
              <Group justify="space-between">
                <Button variant="subtle" disabled={index <= 0} onClick={() => setSelectedId(course.modules[index - 1]?.id)}>
                  ← {t('learning.previous')}
                </Button>
                <Group gap="sm">
                  {enrolment && !done.has(selected.id) && (
                    <Button leftSection={<IconCheck size={16} />} loading={complete.isPending} onClick={markComplete}>
                      {t('learning.markComplete')}
                    </Button>
                  )}
                  {index < course.modules.length - 1 && (
                    <Button variant={enrolment && !done.has(selected.id) ? 'default' : 'filled'} rightSection={<IconArrowRight size={16} />} onClick={() => setSelectedId(course.modules[index + 1]?.id)}>
                      {t('learning.next')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Card>
          )}
        </Grid.Col>
      </Grid>

      <QuizSection course={course} allModulesDone={allDone} />
    </Stack>
  );
}

type Answers = Record<string, string[]>;

/**
 * A certificate this course leads to is expiring or has expired (and none is still fully valid): offer to take the
 * course again. The API restarts the enrolment only in that case; passing it issues a new certificate.
 */
function RenewCertificate({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const certificates = useQuery(certificationsQueryOptions());
  const enrol = useEnrol();
  const locale = useLocale();
  const pathIds = new Set(course.certificationPaths.map((p) => p.id));
  const mine = (certificates.data ?? []).filter((c) => c.userId === me?.id && pathIds.has(c.pathId));
  if (!renewalDue(mine.map((c) => c.status))) return null;
  const due = mine.filter((c) => c.status === 'expiring' || c.status === 'expired');
  return (
    <Alert color="orange" icon={<IconRefresh size={18} />} title={t('learning.renew.title', { name: due[0].name })}>
      <Group justify="space-between" wrap="nowrap" align="flex-end">
        <Text size="sm">{t(due[0].status === 'expired' ? 'learning.renew.expired' : 'learning.renew.expiring', { date: formatDate(due[0].expiresOn, locale) })}</Text>
        <Button
          color="orange"
          loading={enrol.isPending}
          onClick={() => enrol.mutate({ courseId: course.id }, { onError: (e) => notifications.show({ color: 'red', message: e instanceof ApiError ? e.message : String(e) }) })}
        >
          {t('learning.renew.action')}
        </Button>
      </Group>
    </Alert>
  );
}

function QuizSection({ course, allModulesDone }: { course: CourseDetail; allModulesDone: boolean }) {
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
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) });
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
              {t('learning.quiz.questionOf', { n: i + 1, total: paper.questions.length })} · {q.kind === 'single' ? t('learning.quiz.single') : t('learning.quiz.multiple')}
            </Text>
            <Text fw={600} mt={4} mb="sm" id={`q-${q.id}`}>
              {q.prompt}
            </Text>
            {q.kind === 'single' ? (
              <Radio.Group value={answers[q.id]?.[0] ?? null} onChange={(v) => setAnswers({ ...answers, [q.id]: [v] })} aria-labelledby={`q-${q.id}`}>
                <Stack gap="xs">
                  {q.options.map((o) => (
                    <Radio key={o.id} value={o.id} label={o.text} />
                  ))}
                </Stack>
              </Radio.Group>
            ) : (
              <Checkbox.Group value={answers[q.id] ?? []} onChange={(v) => setAnswers({ ...answers, [q.id]: v })} aria-labelledby={`q-${q.id}`}>
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
            {answered < paper.questions.length ? t('learning.quiz.unanswered', { count: paper.questions.length - answered }) : t('learning.quiz.ready')}
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

function QuizResultView({ result: r, questions, onRetry, retrying }: { result: QuizResult; questions: LearnerQuestion[]; onRetry: () => void; retrying: boolean }) {
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
          <Paper key={a.questionId} withBorder p="md" radius="md" aria-label={t('learning.quiz.questionOf', { n: i + 1, total: questions.length })} component="section">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>
                {i + 1}. {q.prompt}
              </Text>
              <Badge color={a.correct ? 'green' : 'red'} variant="light" leftSection={a.correct ? <IconCheck size={12} /> : <IconX size={12} />} style={{ flexShrink: 0 }}>
                {a.correct ? t('learning.quiz.right') : t('learning.quiz.wrong')}
              </Badge>
            </Group>
            <Stack gap={4} mt="xs">
              {q.options.map((o) => {
                const picked = a.selectedOptionIds.includes(o.id);
                const isCorrect = a.correctOptionIds?.includes(o.id) ?? false;
                return (
                  <Group key={o.id} gap="xs" wrap="nowrap">
                    {picked ? <IconCircleCheckFilled size={16} color={a.correct ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-red-6)'} /> : <IconCircleDashed size={16} color="var(--mantine-color-gray-4)" />}
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
