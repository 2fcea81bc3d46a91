import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBook2, IconCertificate, IconClock, IconSchool, IconSearch, IconTrophy, IconUsersGroup } from '@tabler/icons-react';
import { CourseTrackSchema, type CourseSummary, JobRoleSchema } from '@partnerline/domain';
import { ApiError, meQueryOptions, PageHeader } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productLinesQueryOptions } from '../../../api/portal';
import { coursesQueryOptions, useEnrol } from '../../../api/training';
import { CourseProgress, formatDuration, LearnerStatus, productLineName, StatTile, TrackBadge } from '../../../components/training';

export const Route = createFileRoute('/_authed/learning/')({
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(coursesQueryOptions()), context.queryClient.ensureQueryData(productLinesQueryOptions())]),
  component: MyCourses,
});

type Standing = 'not_enrolled' | 'in_progress' | 'passed';
const standing = (c: CourseSummary): Standing => (!c.enrolment ? 'not_enrolled' : c.enrolment.status === 'completed' ? 'passed' : 'in_progress');

function MyCourses() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: courses } = useSuspenseQuery(coursesQueryOptions());
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  const [q, setQ] = useState('');
  const [track, setTrack] = useState<string | null>(null);
  const [jobRole, setJobRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const needle = q.trim().toLowerCase();
  const items = courses.filter(
    (c) =>
      (!track || c.track === track) &&
      (!jobRole || c.jobRole === jobRole) &&
      (!status || standing(c) === status) &&
      (!needle || [c.title, c.code, c.summary].some((s) => s.toLowerCase().includes(needle))),
  );
  const count = (s: Standing) => courses.filter((c) => standing(c) === s).length;

  return (
    <Stack maw={1200}>
      <PageHeader
        title={t('learning.title')}
        subtitle={t('learning.subtitle')}
        actions={
          <Group gap="sm">
            {user?.role === 'partner_admin' && (
              <Button variant="default" leftSection={<IconUsersGroup size={16} />} renderRoot={(props) => <Link {...props} to="/learning/team" />}>
                {t('nav.teamTraining')}
              </Button>
            )}
            <Button variant="light" leftSection={<IconCertificate size={16} />} renderRoot={(props) => <Link {...props} to="/learning/certificates" />}>
              {t('learning.myCertificates')}
            </Button>
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatTile icon={<IconBook2 size={20} />} color="gray" label={t('learning.stats.available')} value={count('not_enrolled')} />
        <StatTile icon={<IconSchool size={20} />} color="blue" label={t('learning.stats.inProgress')} value={count('in_progress')} />
        <StatTile icon={<IconTrophy size={20} />} color="green" label={t('learning.stats.passed')} value={count('passed')} />
      </SimpleGrid>
      <Group align="flex-end">
        <TextInput label={t('learning.search')} placeholder={t('portalFilters.course')} leftSection={<IconSearch size={14} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} />
        <Select label={t('learning.track')} placeholder={t('portalFilters.anyTrack')} clearable w={220} data={CourseTrackSchema.options.map((v) => ({ value: v, label: t(`track.${v}`) }))} value={track} onChange={setTrack} />
        <Select label={t('learning.jobRole')} placeholder={t('portalFilters.anyRole')} clearable w={160} data={JobRoleSchema.options.map((v) => ({ value: v, label: t(`jobRoles.${v}`, { ns: 'ui' }) }))} value={jobRole} onChange={setJobRole} />
        <Select
          label={t('learning.myStatus')}
          placeholder={t('portalFilters.anyStatus')}
          clearable
          w={180}
          data={(['not_enrolled', 'in_progress', 'passed'] as const).map((v) => ({ value: v, label: t(`learning.standing.${v}`) }))}
          value={status}
          onChange={setStatus}
        />
      </Group>
      {items.length === 0 ? (
        <Card>
          <Text c="dimmed" ta="center" py="lg">
            {courses.length === 0 ? t('learning.noCourses') : t('learning.noMatch')}
          </Text>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
          {items.map((c) => (
            <CourseCard key={c.id} course={c} lineName={productLineName(lines, c.productLineId, c.productLineCode, zh)} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function CourseCard({ course: c, lineName }: { course: CourseSummary; lineName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const enrol = useEnrol();
  const open = () => void navigate({ to: '/learning/$courseId', params: { courseId: c.id } });
  const duration = formatDuration(t, c.durationMinutes);

  return (
    <Card withBorder padding="lg" radius="md" style={{ display: 'flex', flexDirection: 'column' }} aria-label={c.title} component="article">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <TrackBadge track={c.track} />
        <LearnerStatus enrolment={c.enrolment} />
      </Group>
      <Anchor fw={600} size="lg" lh={1.3} c="inherit" renderRoot={(props) => <Link {...props} to="/learning/$courseId" params={{ courseId: c.id }} />}>
        {c.title}
      </Anchor>
      <Text size="xs" c="dimmed" ff="monospace" mt={2}>
        {c.code}
      </Text>
      <Text size="sm" c="dimmed" lineClamp={3} mt="xs" style={{ flex: 1 }}>
        {c.summary}
      </Text>
      <Group gap={6} mt="sm">
        <Badge variant="outline" color="gray" size="sm">
          {t(`jobRoles.${c.jobRole}`, { ns: 'ui' })}
        </Badge>
        <Badge variant="outline" color="gray" size="sm">
          {lineName}
        </Badge>
        <Badge variant="outline" color="gray" size="sm">
          {t(`language.${c.language}`)}
        </Badge>
      </Group>
      <Group gap="md" mt="sm">
        <Group gap={4}>
          <IconClock size={14} color="var(--mantine-color-dimmed)" />
          <Text size="xs" c="dimmed">
            {duration}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('learning.modules', { count: c.moduleCount })}
        </Text>
        {c.questionCount > 0 && (
          <Text size="xs" c="dimmed">
            {t('learning.questions', { count: c.questionCount })}
          </Text>
        )}
      </Group>
      <div style={{ marginTop: 12 }}>
        <CourseProgress percent={c.enrolment?.progressPercent ?? 0} label={t('learning.progressOf', { title: c.title })} />
      </div>
      <Group justify="flex-end" mt="md">
        {c.enrolment ? (
          <Button variant={c.enrolment.status === 'completed' ? 'default' : 'filled'} onClick={open}>
            {c.enrolment.status === 'completed' ? t('learning.review') : t('learning.continue')}
          </Button>
        ) : (
          <Button
            loading={enrol.isPending}
            onClick={() =>
              enrol.mutate(
                { courseId: c.id },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('learning.enrolled', { title: c.title }) });
                    open();
                  },
                  onError: (e) => notifications.show({ color: 'red', message: e instanceof ApiError ? e.message : String(e) }),
                },
              )
            }
          >
            {t('learning.enrol')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
