import { Accordion, Alert, Anchor, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconCircleCheck, IconClipboardCheck, IconClockHour4, IconSchool, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import type { Certification, Qualification, QualificationReview } from '@partnerline/domain';
import { ApiError, daysUntil, formatDate, formatDateTime, meQueryOptions, PageHeader, StatusBadge } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { myPartnerQueryOptions, productLinesQueryOptions } from '../../../api/portal';
import { certificationsQueryOptions, coursesQueryOptions, enrolmentsQueryOptions, partnerQualificationQueryOptions, qualificationReviewsQueryOptions, useEnrol } from '../../../api/training';
import { QualificationBadge, QualificationLineView } from '../../../components/qualification';
import { CourseProgress, productLineName, StatTile, useLocale } from '../../../components/training';

export const Route = createFileRoute('/_authed/learning/team')({
  beforeLoad: ({ context }) => {
    const user = context.queryClient.getQueryData(meQueryOptions().queryKey);
    if (user && user.role !== 'partner_admin') throw redirect({ to: '/learning' });
  },
  loader: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData(meQueryOptions());
    const partnerId = user!.partnerId!;
    await Promise.all([
      context.queryClient.ensureQueryData(myPartnerQueryOptions(partnerId)),
      context.queryClient.ensureQueryData(certificationsQueryOptions()),
      context.queryClient.ensureQueryData(partnerQualificationQueryOptions(partnerId)),
      context.queryClient.ensureQueryData(enrolmentsQueryOptions()),
      context.queryClient.ensureQueryData(qualificationReviewsQueryOptions()),
      context.queryClient.ensureQueryData(coursesQueryOptions()),
      context.queryClient.ensureQueryData(productLinesQueryOptions()),
    ]);
  },
  component: TeamTraining,
});

function TeamTraining() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const partnerId = user!.partnerId!;
  const { data: certs } = useSuspenseQuery(certificationsQueryOptions());
  const { data: quals } = useSuspenseQuery(partnerQualificationQueryOptions(partnerId));
  const { data: enrolments } = useSuspenseQuery(enrolmentsQueryOptions());
  const { data: reviews } = useSuspenseQuery(qualificationReviewsQueryOptions());
  const [enrolling, setEnrolling] = useState(false);
  const valid = certs.filter((c) => c.status === 'active' || c.status === 'expiring');
  const expiring = certs.filter((c) => c.status === 'expiring');
  const inProgress = enrolments.filter((e) => e.status === 'in_progress');
  const compliant = quals.filter((q) => q.compliant).length;

  return (
    <Stack maw={1280}>
      <PageHeader
        title={t('teamTraining.title')}
        subtitle={t('teamTraining.subtitle')}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEnrolling(true)}>
            {t('teamTraining.enrolMember')}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatTile icon={<IconCertificate size={20} />} color="indigo" label={t('teamTraining.stats.certified')} value={String(new Set(valid.map((c) => c.userId)).size)} />
        <StatTile icon={<IconClockHour4 size={20} />} color="orange" label={t('teamTraining.stats.expiring')} value={String(expiring.length)} />
        <StatTile icon={<IconCircleCheck size={20} />} color={compliant === quals.length ? 'green' : 'red'} label={t('teamTraining.stats.compliant')} value={`${compliant} / ${quals.length}`} />
        <StatTile icon={<IconSchool size={20} />} color="blue" label={t('teamTraining.stats.inProgress')} value={String(inProgress.length)} />
      </SimpleGrid>

      <Tabs defaultValue="qualification" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="qualification">{t('teamTraining.tabs.qualification')}</Tabs.Tab>
          <Tabs.Tab value="matrix">{t('teamTraining.tabs.matrix')}</Tabs.Tab>
          <Tabs.Tab value="enrolments">{t('teamTraining.tabs.enrolments')}</Tabs.Tab>
          <Tabs.Tab value="reviews">{t('teamTraining.tabs.reviews')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="qualification" pt="md">
          <Stack>
            <Requirements quals={quals} />
            <Expiring certs={expiring} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="matrix" pt="md">
          <Matrix certs={certs} partnerId={partnerId} />
        </Tabs.Panel>
        <Tabs.Panel value="enrolments" pt="md">
          <Enrolments onEnrol={() => setEnrolling(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="reviews" pt="md">
          <Reviews reviews={reviews} />
        </Tabs.Panel>
      </Tabs>
      {enrolling && <EnrolModal partnerId={partnerId} onClose={() => setEnrolling(false)} />}
    </Stack>
  );
}

/** Each active agreement's requirements against the team's valid certificates. */
function Requirements({ quals }: { quals: Qualification[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: lines } = useSuspenseQuery(productLinesQueryOptions());
  if (quals.length === 0) {
    return (
      <Card>
        <Text c="dimmed">{t('teamTraining.noAgreements')}</Text>
      </Card>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {quals.map((q) => (
        <Card key={q.agreementId} aria-label={q.agreementNumber} component="section">
          <Group justify="space-between" mb="sm">
            <Stack gap={0}>
              <Anchor fw={700} renderRoot={(props) => <Link {...props} to="/agreements/$agreementId" params={{ agreementId: q.agreementId }} />}>
                {q.agreementNumber}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('qualification.asOf', { date: formatDate(q.asOf, locale) })}
              </Text>
            </Stack>
            <QualificationBadge compliant={q.compliant} />
          </Group>
          {q.lines.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('qualification.noRequirements')}
            </Text>
          ) : (
            <Stack gap="sm">
              {q.lines.map((l) => (
                <QualificationLineView key={`${l.jobRole}-${l.productLineId}`} line={l} lineName={productLineName(lines, l.productLineId, l.productLineCode, locale === 'zh-CN')} />
              ))}
            </Stack>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Expiring({ certs }: { certs: Certification[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card>
      <Group gap="xs" mb="sm">
        <IconClockHour4 size={18} color="var(--mantine-color-orange-6)" />
        <Title order={4}>{t('teamTraining.expiringTitle')}</Title>
      </Group>
      {certs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teamTraining.noneExpiring')}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('certificates.holder')}</Table.Th>
              <Table.Th>{t('certificates.certification')}</Table.Th>
              <Table.Th>{t('certificates.expires')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...certs]
              .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))
              .map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.holderName}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    {formatDate(c.expiresOn, locale)}{' '}
                    <Text span size="xs" c="orange">
                      ({t('certificates.daysLeft', { count: daysUntil(c.expiresOn) })})
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** People × certifications: the latest certificate of each person for each certification. */
function Matrix({ certs, partnerId }: { certs: Certification[]; partnerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: partner } = useSuspenseQuery(myPartnerQueryOptions(partnerId));
  const names = [...new Map(certs.map((c) => [c.pathId, c.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const people = partner.users.filter((u) => !u.disabled || certs.some((c) => c.userId === u.id));
  const cell = (userId: string, pathId: string) =>
    certs.filter((c) => c.userId === userId && c.pathId === pathId).sort((a, b) => b.earnedOn.localeCompare(a.earnedOn))[0];
  if (names.length === 0) {
    return (
      <Card>
        <Text c="dimmed">{t('teamTraining.noCertificates')}</Text>
      </Card>
    );
  }
  return (
    <Card p={0}>
      <Table.ScrollContainer minWidth={300 + names.length * 160}>
        <Table withColumnBorders verticalSpacing="sm" horizontalSpacing="md" aria-label={t('teamTraining.tabs.matrix')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('teamTraining.person')}</Table.Th>
              {names.map(([id, name]) => (
                <Table.Th key={id} ta="center">
                  {name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {u.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {u.jobRole ? t(`jobRoles.${u.jobRole}`, { ns: 'ui' }) : t(`roles.${u.role}`, { ns: 'ui' })}
                  </Text>
                </Table.Td>
                {names.map(([id]) => {
                  const c = cell(u.id, id);
                  return (
                    <Table.Td key={id} ta="center">
                      {c ? (
                        <Stack gap={2} align="center">
                          <StatusBadge kind="certificate" value={c.status} variant={c.status === 'active' ? 'filled' : 'light'} size="sm" />
                          <Text size="xs" c="dimmed">
                            {t('teamTraining.until', { date: formatDate(c.expiresOn, locale) })}
                          </Text>
                        </Stack>
                      ) : (
                        <Text c="dimmed" size="sm">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function Enrolments({ onEnrol }: { onEnrol: () => void }) {
  const { t } = useTranslation();
  const { data: enrolments } = useSuspenseQuery(enrolmentsQueryOptions());
  const rows = [...enrolments].sort((a, b) => (a.status === b.status ? a.userName.localeCompare(b.userName) : a.status === 'in_progress' ? -1 : 1));
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

function Reviews({ reviews }: { reviews: QualificationReview[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (reviews.length === 0) {
    return (
      <Card>
        <Text c="dimmed">{t('reviews.none')}</Text>
      </Card>
    );
  }
  const sorted = [...reviews].sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('reviews.intro')}
      </Text>
      <Accordion variant="separated" multiple defaultValue={sorted.slice(0, 2).map((r) => r.id)}>
        {sorted.map((r) => (
          <Accordion.Item key={r.id} value={r.id}>
            <Accordion.Control icon={<IconClipboardCheck size={18} />}>
              <Group justify="space-between" pr="md">
                <Group gap="sm">
                  <Text fw={600}>{t('reviews.dueOn', { date: formatDate(r.dueOn, locale) })}</Text>
                  <StatusBadge kind="review" value={r.status} />
                  {r.overdue && (
                    <Badge color="red" variant="filled">
                      {t('reviews.overdue')}
                    </Badge>
                  )}
                </Group>
                {r.result && (
                  <Badge color={r.result === 'pass' ? 'green' : 'red'} size="lg" variant="light">
                    {t(`reviews.result.${r.result}`)}
                  </Badge>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {r.status === 'scheduled' ? (
                <Text size="sm" c="dimmed">
                  {r.overdue ? t('reviews.overdueHint') : t('reviews.scheduledHint')}
                </Text>
              ) : (
                <Stack gap="sm">
                  <Text size="sm" c="dimmed">
                    {t('reviews.completedBy', { name: r.reviewerName ?? '—', date: formatDateTime(r.completedAt, locale) })}
                  </Text>
                  <Table verticalSpacing="xs">
                    <Table.Tbody>
                      {r.certifiedStaff && (
                        <Table.Tr>
                          <Table.Th w="30%">{t('reviews.checks.certifiedStaff')}</Table.Th>
                          <Table.Td w={90}>
                            <PassBadge pass={r.certifiedStaff.pass} />
                          </Table.Td>
                          <Table.Td>
                            {r.certifiedStaff.gaps.length === 0
                              ? '—'
                              : r.certifiedStaff.gaps.map((g, i) => (
                                  <Text key={i} size="sm">
                                    {g.agreementNumber}: {t('qualification.needsMore', { count: g.missing, role: t(`jobRoles.${g.jobRole}`, { ns: 'ui' }), line: g.productLineCode })}
                                  </Text>
                                ))}
                          </Table.Td>
                        </Table.Tr>
                      )}
                      {r.checklist &&
                        (['demoEnvironment', 'marketingQuality', 'afterSalesProcess'] as const).map((k) => (
                          <Table.Tr key={k}>
                            <Table.Th w="30%">{t(`reviews.checks.${k}`)}</Table.Th>
                            <Table.Td w={90}>
                              <PassBadge pass={r.checklist![k].pass} />
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{r.checklist![k].notes || '—'}</Text>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                  {r.checklist?.notes && (
                    <Alert color="gray" title={t('reviews.notes')}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {r.checklist.notes}
                      </Text>
                    </Alert>
                  )}
                </Stack>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

function PassBadge({ pass }: { pass: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={pass ? 'green' : 'red'} variant="light">
      {pass ? t('reviews.pass') : t('reviews.fail')}
    </Badge>
  );
}

function EnrolModal({ partnerId, onClose }: { partnerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: partner } = useSuspenseQuery(myPartnerQueryOptions(partnerId));
  const { data: courses } = useSuspenseQuery(coursesQueryOptions());
  const enrol = useEnrol();
  const [userId, setUserId] = useState<string | null>(null);
  const [courseId, setCourseId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const members = partner.users.filter((u) => !u.disabled && !u.invitationPending);
  const member = members.find((u) => u.id === userId);
  const published = courses.filter((c) => c.status === 'published');
  // Courses for the member's job role first.
  const ordered = member?.jobRole ? [...published].sort((a, b) => Number(b.jobRole === member.jobRole) - Number(a.jobRole === member.jobRole)) : published;

  const submit = () => {
    if (!userId || !courseId) return setError(t('teamTraining.pickBoth'));
    setError(null);
    enrol.mutate(
      { courseId, userId },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('teamTraining.enrolledMember', { name: member?.displayName ?? '' }) });
          onClose();
        },
        onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('teamTraining.enrolMember')}>
      <Stack>
        <Select
          label={t('teamTraining.member')}
          searchable
          data={members.map((u) => ({ value: u.id, label: `${u.displayName}${u.jobRole ? ` · ${t(`jobRoles.${u.jobRole}`, { ns: 'ui' })}` : ''}` }))}
          value={userId}
          onChange={setUserId}
          leftSection={<IconUsersGroup size={14} />}
        />
        <Select
          label={t('teamTraining.course')}
          searchable
          data={ordered.map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` }))}
          value={courseId}
          onChange={setCourseId}
          leftSection={<IconSchool size={14} />}
        />
        {error && <Alert color="red">{error}</Alert>}
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
