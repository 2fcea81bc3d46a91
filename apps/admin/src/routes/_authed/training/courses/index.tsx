import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { CourseStatusSchema, CourseTrackSchema, JobRoleSchema } from '@partnerline/domain';
import { formatNumber, meQueryOptions, useStatusLabel } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { productLinesQueryOptions } from '../../../../api/agreements';
import { coursesQueryOptions } from '../../../../api/training';
import { canManageTraining } from '../../../../nav';
import { CourseStatusBadge } from '../-components/TrainingBadges';
import { TrainingHeader } from '../-components/TrainingHeader';

const SearchSchema = z.object({
  track: CourseTrackSchema.optional(),
  jobRole: JobRoleSchema.optional(),
  productLineId: z.uuid().optional(),
  status: CourseStatusSchema.optional(),
  q: z.string().optional(),
});
type Search = z.infer<typeof SearchSchema>;

export const Route = createFileRoute('/_authed/training/courses/')({
  validateSearch: SearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => Promise.all([context.queryClient.ensureQueryData(coursesQueryOptions(deps)), context.queryClient.ensureQueryData(productLinesQueryOptions())]),
  component: CoursesPage,
});

function CoursesPage() {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/training/courses/' });
  const go = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const { data: courses = [], isFetching } = useQuery(coursesQueryOptions(search));
  const setSearch = (patch: Partial<Search>) => void navigate({ search: (s) => ({ ...s, ...patch }) });
  const [q, setQ] = useState(search.q ?? '');
  const debouncedQ = useDebouncedCallback((v: string) => setSearch({ q: v.trim() || undefined }), 300);
  const canEdit = canManageTraining(user?.role);

  return (
    <Stack maw={1400}>
      <TrainingHeader
        active="courses"
        actions={
          canEdit ? (
            <Button leftSection={<IconPlus size={16} />} renderRoot={(props) => <Link {...props} to="/training/courses/new" />}>
              {t('courses.new')}
            </Button>
          ) : undefined
        }
      />
      <Card p="sm">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            label={t('common.search', { ns: 'ui' })}
            placeholder={t('courses.search')}
            leftSection={<IconSearch size={14} />}
            w={240}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              debouncedQ(e.currentTarget.value);
            }}
          />
          <Select label={t('courses.track')} placeholder={t('courses.anyTrack')} clearable w={190} data={CourseTrackSchema.options.map((v) => ({ value: v, label: t(`courseTrack.${v}`) }))} value={search.track ?? null} onChange={(v) => setSearch({ track: (v as Search['track']) ?? undefined })} />
          <Select label={t('courses.jobRole')} placeholder={t('courses.anyRole')} clearable w={150} data={JobRoleSchema.options.map((v) => ({ value: v, label: t(`jobRoles.${v}`, { ns: 'ui' }) }))} value={search.jobRole ?? null} onChange={(v) => setSearch({ jobRole: (v as Search['jobRole']) ?? undefined })} />
          <Select label={t('courses.productLine')} placeholder={t('courses.anyLine')} clearable w={200} data={lines.map((l) => ({ value: l.id, label: `${l.code} · ${locale === 'zh-CN' ? l.nameZh : l.nameEn}` }))} value={search.productLineId ?? null} onChange={(v) => setSearch({ productLineId: v ?? undefined })} />
          <Select label={t('courses.status')} placeholder={t('courses.anyStatus')} clearable w={150} data={CourseStatusSchema.options.map((v) => ({ value: v, label: statusLabel('course', v) }))} value={search.status ?? null} onChange={(v) => setSearch({ status: (v as Search['status']) ?? undefined })} />
        </Group>
      </Card>
      <DataTable
        withTableBorder
        borderRadius="md"
        highlightOnHover
        minHeight={200}
        fetching={isFetching}
        noRecordsText={t('courses.empty')}
        records={courses}
        onRowClick={({ record }) => void go({ to: '/training/courses/$courseId', params: { courseId: record.id } })}
        columns={[
          {
            accessor: 'code',
            title: t('courses.code'),
            noWrap: true,
            render: (c) => (
              <Anchor size="sm" fw={600} ff="monospace" renderRoot={(props) => <Link {...props} to="/training/courses/$courseId" params={{ courseId: c.id }} />}>
                {c.code}
              </Anchor>
            ),
          },
          {
            accessor: 'title',
            title: t('courses.name'),
            width: '30%',
            render: (c) => (
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {c.title}
                </Text>
                {c.summary && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {c.summary}
                  </Text>
                )}
              </Stack>
            ),
          },
          { accessor: 'track', title: t('courses.track'), noWrap: true, render: (c) => t(`courseTrack.${c.track}`) },
          { accessor: 'jobRole', title: t('courses.jobRole'), noWrap: true, render: (c) => t(`jobRoles.${c.jobRole}`, { ns: 'ui' }) },
          { accessor: 'productLineCode', title: t('courses.productLine'), noWrap: true, render: (c) => <Badge variant="default">{c.productLineCode}</Badge> },
          { accessor: 'language', title: t('courses.language'), noWrap: true, render: (c) => t(`courseLanguage.${c.language}`) },
          { accessor: 'moduleCount', title: t('courses.modules'), textAlign: 'right' },
          { accessor: 'questionCount', title: t('courses.questions'), textAlign: 'right', render: (c) => (c.questionCount === 0 ? <Text span size="sm" c="orange.7">0</Text> : c.questionCount) },
          { accessor: 'enrolledCount', title: t('courses.enrolled'), textAlign: 'right', render: (c) => formatNumber(c.enrolledCount, locale) },
          { accessor: 'status', title: t('courses.status'), noWrap: true, render: (c) => <CourseStatusBadge status={c.status} /> },
        ]}
      />
      <Text size="xs" c="dimmed">
        {t('courses.count', { count: courses.length })}
      </Text>
    </Stack>
  );
}
