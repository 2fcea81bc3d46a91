import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { productLinesQueryOptions } from '../../../../api/agreements';
import { policiesQueryOptions } from '../../../../api/catalog';
import { courseQueryOptions } from '../../../../api/training';
import { CourseEditor } from '../-components/CourseEditor';
import { CourseStatusBadge } from '../-components/TrainingBadges';

export const Route = createFileRoute('/_authed/training/courses/$courseId')({
  params: { parse: (p) => ({ courseId: z.uuid().parse(p.courseId) }), stringify: (p) => p },
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(courseQueryOptions(params.courseId)),
      context.queryClient.ensureQueryData(productLinesQueryOptions()),
      context.queryClient.ensureQueryData(policiesQueryOptions()),
    ]),
  component: CoursePage,
});

function CoursePage() {
  const { t } = useTranslation();
  const { courseId } = Route.useParams();
  const { data: course } = useSuspenseQuery(courseQueryOptions(courseId));
  return (
    <Stack maw={1400}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/training/courses" />}>
        ← {t('courseEditor.back')}
      </Anchor>
      <Stack gap={4} mb="xs">
        <Group gap="sm">
          <Text ff="monospace" fw={600} c="dimmed" size="lg">
            {course.code}
          </Text>
          <CourseStatusBadge status={course.status} />
        </Group>
        <Title order={2}>{course.title}</Title>
      </Stack>
      <CourseEditor key={course.id} course={course} />
    </Stack>
  );
}
