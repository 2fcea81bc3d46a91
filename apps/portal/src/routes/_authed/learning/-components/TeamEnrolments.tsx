import { Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSchool, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { ApiError, ErrorSummary, fieldMessage, fieldPathProps } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { myPartnerQueryOptions } from '../../../../api/portal';
import { coursesQueryOptions, enrolmentsQueryOptions, useEnrol } from '../../../../api/training';
import { CourseProgress } from '../../../../components/training';
import { fieldSpecs } from '../../../../form-fields';

export function Enrolments({ onEnrol }: { onEnrol: () => void }) {
  const { t } = useTranslation();
  const { data: enrolments } = useSuspenseQuery(enrolmentsQueryOptions());
  const rows = [...enrolments].sort((a, b) =>
    a.status === b.status ? a.userName.localeCompare(b.userName) : a.status === 'in_progress' ? -1 : 1,
  );
  return (
    <Card p={0}>
      <Group justify="space-between" p="md">
        <Title order={4}>{t('teamTraining.enrolmentsTitle')}</Title>
        <Button variant="light" size="xs" leftSection={<IconUserPlus size={14} />} onClick={onEnrol}>
          {t('teamTraining.enrolMember')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" px="md" pb="md">
          {t('teamTraining.noEnrolments')}
        </Text>
      ) : (
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('teamTraining.person')}</Table.Th>
              <Table.Th>{t('teamTraining.course')}</Table.Th>
              <Table.Th w={240}>{t('teamTraining.progress')}</Table.Th>
              <Table.Th>{t('teamTraining.attempts')}</Table.Th>
              <Table.Th>{t('teamTraining.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.userName}</Table.Td>
                <Table.Td>
                  <Text size="sm">{e.courseTitle}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {e.courseCode}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CourseProgress percent={e.progressPercent} label={`${e.userName} · ${e.courseTitle}`} />
                </Table.Td>
                <Table.Td>{t('teamTraining.attemptsUsed', { used: e.attemptsUsed, left: e.attemptsLeft })}</Table.Td>
                <Table.Td>
                  {e.status === 'completed' ? (
                    <Badge color="green" variant="light">
                      {t('learning.status.passed')}
                    </Badge>
                  ) : (
                    <Badge color="blue" variant="light">
                      {t('learning.status.inProgress', { percent: e.progressPercent })}
                    </Badge>
                  )}
                  {e.bestScorePercent !== null && (
                    <Text size="xs" c="dimmed">
                      {t('learning.quiz.bestScore', { score: e.bestScorePercent })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

export function EnrolModal({ partnerId, onClose }: { partnerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: partner } = useSuspenseQuery(myPartnerQueryOptions(partnerId));
  const { data: courses } = useSuspenseQuery(coursesQueryOptions());
  const enrol = useEnrol();
  const form = useForm({ initialValues: { userId: null as string | null, courseId: null as string | null }, enhanceGetInputProps: fieldPathProps });
  const specs = fieldSpecs('enrol');
  const { userId, courseId } = form.values;
  const members = partner.users.filter((u) => !u.disabled && !u.invitationPending);
  const member = members.find((u) => u.id === userId);
  const published = courses.filter((c) => c.status === 'published');
  // Courses for the member's job role first.
  const ordered = member?.jobRole
    ? [...published].sort((a, b) => Number(b.jobRole === member.jobRole) - Number(a.jobRole === member.jobRole))
    : published;

  const submit = () => {
    // Each missing choice is asked for at its own field ("Choose a team member").
    if (!userId || !courseId) {
      return form.setErrors({ ...(!userId && { userId: fieldMessage({ code: 'required' }, specs.userId, t) }), ...(!courseId && { courseId: fieldMessage({ code: 'required' }, specs.courseId, t) }) });
    }
    form.clearErrors();
    enrol.mutate(
      { courseId, userId },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('teamTraining.enrolledMember', { name: member?.displayName ?? '' }) });
          onClose();
        },
        onError: (e) => form.setErrors({ form: e instanceof ApiError ? e.message : String(e) }),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('teamTraining.enrolMember')}>
      <Stack>
        <Select
          label={t('teamTraining.member')}
          searchable
          data={members.map((u) => ({
            value: u.id,
            label: `${u.displayName}${u.jobRole ? ` · ${t(`jobRoles.${u.jobRole}`, { ns: 'ui' })}` : ''}`,
          }))}
          withAsterisk
          {...form.getInputProps('userId')}
          leftSection={<IconUsersGroup size={14} />}
        />
        <Select
          label={t('teamTraining.course')}
          searchable
          data={ordered.map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` }))}
          withAsterisk
          {...form.getInputProps('courseId')}
          leftSection={<IconSchool size={14} />}
        />
        <ErrorSummary errors={form.errors} fields={specs} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button onClick={submit} loading={enrol.isPending}>
            {t('teamTraining.enrol')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
