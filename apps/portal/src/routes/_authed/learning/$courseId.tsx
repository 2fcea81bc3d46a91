import { Alert, Anchor, Badge, Button, Card, Divider, Grid, Group, List, NavLink, RingProgress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowRight, IconCertificate, IconCheck, IconCircleCheckFilled, IconCircleDashed, IconClock, IconExternalLink, IconLock, IconPlayerPlay, IconTrophy } from '@tabler/icons-react';
import { ApiError, Markdown } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { productLinesQueryOptions } from '../../../api/portal';
import { courseQueryOptions, useCompleteModule, useEnrol } from '../../../api/training';
import { formatDuration, LearnerStatus, productLineName, TrackBadge } from '../../../components/training';
import { QuizSection } from './-components/QuizSection';


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
