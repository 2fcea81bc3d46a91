import { Alert, Anchor, Badge, Button, Card, Divider, Grid, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArchive, IconDeviceFloppy, IconRoute, IconSend } from '@tabler/icons-react';
import { COURSE_TRANSITIONS, type CourseDetail, type CourseInput, CourseInputSchema, type CourseStatus, CourseTrackSchema, JobRoleSchema, LocaleSchema } from '@partnerline/domain';
import { apiFieldErrors, ErrorSummary, formatDateTime, formatNumber, meQueryOptions, zodForm } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { productLinesQueryOptions } from '../../../../api/agreements';
import { policiesQueryOptions } from '../../../../api/catalog';
import { useCreateCourse, useUpdateCourse } from '../../../../api/training';
import { fieldSpecs } from '../../../../form-fields';
import { canManageTraining } from '../../../../nav';
import { ModulesEditor, newModule } from './ModulesEditor';
import { QuizEditor } from './QuizEditor';
import { CourseStatusBadge } from './TrainingBadges';

const courseForm = zodForm(CourseInputSchema, undefined, {}, () => fieldSpecs('course'));

export function emptyCourse(): CourseInput {
  return { code: '', title: '', summary: '', track: 'solution_technical', jobRole: 'presales', productLineId: '', language: 'zh-CN', durationMinutes: 30, modules: [newModule()], quiz: [] };
}

export function courseInputOf(c: CourseDetail): CourseInput {
  return {
    code: c.code,
    title: c.title,
    summary: c.summary,
    track: c.track,
    jobRole: c.jobRole,
    productLineId: c.productLineId,
    language: c.language,
    durationMinutes: c.durationMinutes,
    modules: c.modules,
    quiz: c.quiz ?? [],
  };
}

const STATUS_ACTION: Record<CourseStatus, { label: string; color: string; icon: typeof IconSend }> = {
  published: { label: 'publish', color: 'green', icon: IconSend },
  archived: { label: 'archive', color: 'gray', icon: IconArchive },
  draft: { label: 'draft', color: 'gray', icon: IconDeviceFloppy },
};

/** Authoring a course: metadata, modules, quiz; saved as a whole document, and published/archived from here. */
export function CourseEditor({ course }: { course?: CourseDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const navigate = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const { data: policies } = useSuspenseQuery(policiesQueryOptions());
  const readOnly = !canManageTraining(user?.role);
  const initial = useMemo(() => (course ? courseInputOf(course) : emptyCourse()), [course]);
  const form = useForm<CourseInput>({ initialValues: initial, validate: courseForm.validate });
  const f = form.values;
  const errors = form.errors as Record<string, string>;
  const create = useCreateCourse();
  const update = useUpdateCourse(course?.id ?? '');
  const dirty = JSON.stringify(f) !== JSON.stringify(initial);
  const set = <K extends keyof CourseInput>(k: K, v: CourseInput[K]) => form.setFieldValue(k, v as never);

  const save = form.onSubmit((values) => {
    const content = courseForm.parse(values);
    if (!course) {
      create.mutate(content, {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('courseEditor.created') });
          void navigate({ to: '/training/courses/$courseId', params: { courseId: r.id } });
        },
        onError: (e) => form.setErrors(apiFieldErrors(e, t('courseEditor.failed'), fieldSpecs('course'))),
      });
    } else {
      update.mutate(
        { content },
        {
          onSuccess: (saved) => {
            form.setValues(courseInputOf(saved));
            notifications.show({ color: 'green', message: t('courseEditor.saved') });
          },
          onError: (e) => form.setErrors(apiFieldErrors(e, t('courseEditor.failed'), fieldSpecs('course'))),
        },
      );
    }
  });

  const changeStatus = (status: CourseStatus) =>
    update.mutate(
      { status },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t(`courseEditor.statusDone.${status}`) }),
        onError: (e) => form.setErrors(apiFieldErrors(e, t('courseEditor.failed'), fieldSpecs('course'))),
      },
    );

  const lineLabel = (id: string) => {
    const l = lines.find((x) => x.id === id);
    return l ? `${l.code} · ${locale === 'zh-CN' ? l.nameZh : l.nameEn}` : id;
  };
  const errorCount = Object.keys(errors).filter((k) => k !== 'form').length;
  const transitions = course ? COURSE_TRANSITIONS[course.status] : [];
  const pending = create.isPending || update.isPending;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack>
          <Card>
            <Title order={4} mb="sm">
              {t('courseEditor.details')}
            </Title>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <TextInput label={t('courseEditor.code')} placeholder="DATA-101" withAsterisk readOnly={readOnly} value={f.code} onChange={(e) => set('code', e.currentTarget.value.toUpperCase())} error={errors.code} data-path="code" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
                <TextInput label={t('courseEditor.title')} withAsterisk readOnly={readOnly} value={f.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} data-path="title" style={{ gridColumn: 'span 2' }} />
              </SimpleGrid>
              <Textarea label={t('courseEditor.summary')} autosize minRows={2} readOnly={readOnly} value={f.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={errors.summary} data-path="summary" />
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <Select label={t('courseEditor.track')} withAsterisk readOnly={readOnly} allowDeselect={false} data={CourseTrackSchema.options.map((v) => ({ value: v, label: t(`courseTrack.${v}`) }))} value={f.track} onChange={(v) => v && set('track', v as CourseInput['track'])} error={errors.track} />
                <Select label={t('courseEditor.jobRole')} withAsterisk readOnly={readOnly} allowDeselect={false} data={JobRoleSchema.options.map((v) => ({ value: v, label: t(`jobRoles.${v}`, { ns: 'ui' }) }))} value={f.jobRole} onChange={(v) => v && set('jobRole', v as CourseInput['jobRole'])} error={errors.jobRole} />
                <Select label={t('courseEditor.productLine')} withAsterisk data-path="productLineId" readOnly={readOnly} searchable allowDeselect={false} placeholder={t('courseEditor.pickLine')} data={lines.map((l) => ({ value: l.id, label: lineLabel(l.id) }))} value={f.productLineId || null} onChange={(v) => set('productLineId', v ?? '')} error={errors.productLineId} />
                <Select label={t('courseEditor.language')} withAsterisk readOnly={readOnly} allowDeselect={false} data={LocaleSchema.options.map((v) => ({ value: v, label: t(`courseLanguage.${v}`) }))} value={f.language} onChange={(v) => v && set('language', v as CourseInput['language'])} error={errors.language} />
                <NumberInput label={t('courseEditor.duration')} min={1} max={6000} step={5} readOnly={readOnly} value={f.durationMinutes} onChange={(v) => set('durationMinutes', typeof v === 'number' ? v : Number(v) || 0)} error={errors.durationMinutes} data-path="durationMinutes" suffix={` ${t('courseEditor.minutes')}`} />
              </SimpleGrid>
            </Stack>
          </Card>

          <Card>
            <Group justify="space-between" mb={4}>
              <Title order={4}>{t('courseEditor.modules')}</Title>
              <Badge variant="default">{t('courseEditor.moduleCount', { count: f.modules.length })}</Badge>
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {t('courseEditor.modulesHint')}
            </Text>
            {errors.modules && (
              <Alert color="red" variant="light" mb="sm">
                {errors.modules}
              </Alert>
            )}
            <ModulesEditor value={f.modules} onChange={(m) => set('modules', m)} errors={errors} readOnly={readOnly} />
          </Card>

          <Card>
            <Group justify="space-between" mb={4}>
              <Title order={4}>{t('courseEditor.quiz')}</Title>
              <Badge variant="default">{t('courseEditor.questionCount', { count: f.quiz.length })}</Badge>
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {t('courseEditor.quizHint', { mark: course?.passMarkPercent ?? policies.policies.training.quizPassMarkPercent, attempts: course?.attemptLimit ?? policies.policies.training.quizAttemptLimit })}
            </Text>
            {errors.quiz && (
              <Alert color="red" variant="light" mb="sm">
                {errors.quiz}
              </Alert>
            )}
            <QuizEditor value={f.quiz} onChange={(q) => set('quiz', q)} errors={errors} readOnly={readOnly} />
          </Card>
        </Stack>
      </Grid.Col>

      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack style={{ position: 'sticky', top: 76 }}>
          <Card>
            <Group justify="space-between" mb="sm">
              <Title order={4}>{t('courseEditor.publishing')}</Title>
              {course ? <CourseStatusBadge status={course.status} size="lg" /> : <Badge variant="light" color="gray" size="lg">{t('courseEditor.unsavedNew')}</Badge>}
            </Group>
            <Text size="sm" c="dimmed">
              {t(`courseEditor.statusHelp.${course?.status ?? 'new'}`)}
            </Text>
            {course && (
              <Text size="xs" c="dimmed" mt={6}>
                {t('courseEditor.updatedAt', { when: formatDateTime(course.updatedAt, locale, user?.timeZone) })}
              </Text>
            )}
            {readOnly && (
              <Alert color="gray" variant="light" mt="sm">
                {t('training.readOnly')}
              </Alert>
            )}
            {!readOnly && (
              <Stack gap="xs" mt="md">
                {dirty && (
                  <Group gap={6}>
                    <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" />
                    <Text size="xs" c="orange.8">
                      {t('courseEditor.unsaved')}
                    </Text>
                  </Group>
                )}
                <Button leftSection={<IconDeviceFloppy size={16} />} loading={pending && !!(create.variables || update.variables?.content)} disabled={!!course && !dirty} onClick={() => save()} fullWidth>
                  {course ? t('courseEditor.save') : t('courseEditor.create')}
                </Button>
                {transitions.length > 0 && <Divider my={4} />}
                {transitions.map((to) => {
                  const a = STATUS_ACTION[to];
                  const Icon = a.icon;
                  const label = to === 'published' && course?.status === 'archived' ? t('courseEditor.republish') : t(`courseEditor.${a.label}`);
                  const needsQuiz = to === 'published' && (course?.questionCount ?? 0) === 0;
                  return (
                    <Stack key={to} gap={2}>
                      <Button
                        variant={to === 'published' ? 'filled' : 'default'}
                        color={a.color}
                        leftSection={<Icon size={16} />}
                        disabled={dirty || needsQuiz}
                        loading={update.isPending && update.variables?.status === to}
                        onClick={() => changeStatus(to)}
                        fullWidth
                      >
                        {label}
                      </Button>
                      {to === 'published' && (dirty || needsQuiz) && (
                        <Text size="xs" c="dimmed">
                          {dirty ? t('courseEditor.saveFirst') : t('courseEditor.needsQuiz')}
                        </Text>
                      )}
                    </Stack>
                  );
                })}
              </Stack>
            )}
            {(errors.form || errorCount > 0) && (
              <Stack mt="md" gap={4}>
                <ErrorSummary errors={errors} fields={fieldSpecs('course')} />
              </Stack>
            )}
          </Card>

          {course && (
            <Card>
              <Title order={5} mb="sm">
                {t('courseEditor.learners')}
              </Title>
              <SimpleGrid cols={3} spacing="xs">
                <Stat label={t('courses.enrolled')} value={formatNumber(course.enrolledCount, locale)} />
                <Stat label={t('courseEditor.passMark')} value={`${course.passMarkPercent}%`} />
                <Stat label={t('courseEditor.attempts')} value={String(course.attemptLimit)} />
              </SimpleGrid>
            </Card>
          )}

          {course && (
            <Card>
              <Group gap={6} mb="sm">
                <IconRoute size={18} />
                <Title order={5}>{t('courseEditor.paths')}</Title>
              </Group>
              {course.certificationPaths.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('courseEditor.noPaths')}
                </Text>
              ) : (
                <Stack gap={4}>
                  {course.certificationPaths.map((p) => (
                    <Anchor key={p.id} size="sm" renderRoot={(props) => <Link {...props} to="/training/paths" />}>
                      {p.name}
                    </Anchor>
                  ))}
                </Stack>
              )}
            </Card>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Stack>
  );
}
