import { Anchor, Stack } from '@mantine/core';
import { PageHeader } from '@partnerline/ui';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { productLinesQueryOptions } from '../../../../api/agreements';
import { policiesQueryOptions } from '../../../../api/catalog';
import { canManageTraining } from '../../../../nav';
import { CourseEditor } from '../-components/CourseEditor';

export const Route = createFileRoute('/_authed/training/courses/new')({
  beforeLoad: ({ context }) => {
    if (!canManageTraining(context.user.role)) throw redirect({ to: '/training/courses' });
  },
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(productLinesQueryOptions()), context.queryClient.ensureQueryData(policiesQueryOptions())]),
  component: NewCourse,
});

function NewCourse() {
  const { t } = useTranslation();
  return (
    <Stack maw={1400}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/training/courses" />}>
        ← {t('courseEditor.back')}
      </Anchor>
      <PageHeader title={t('courseEditor.createTitle')} subtitle={t('courseEditor.createSubtitle')} />
      <CourseEditor />
    </Stack>
  );
}
