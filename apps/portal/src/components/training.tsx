import { Badge, Group, Paper, Progress, Text, ThemeIcon } from '@mantine/core';
import type { CertificationStatus, CourseSummary, ProductLine } from '@partnerline/domain';
import { StatusBadge } from '@partnerline/ui';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const TRACK_COLOR: Record<CourseSummary['track'], string> = { solution_technical: 'cyan', gtm_sales: 'grape', sales_process: 'teal' };

/** The UI language as the API and the formatters want it. */
export function useLocale() {
  const { i18n } = useTranslation();
  return i18n.language === 'zh-CN' ? ('zh-CN' as const) : ('en' as const);
}

/** A product line's name in the UI language, falling back to its code. */
export function productLineName(lines: readonly ProductLine[], id: string, fallback: string, zh: boolean): string {
  const line = lines.find((l) => l.id === id);
  return line ? (zh ? line.nameZh : line.nameEn) : fallback;
}

export function CertStatusBadge({ status }: { status: CertificationStatus }) {
  return <StatusBadge kind="certificate" value={status} />;
}

export function TrackBadge({ track }: { track: CourseSummary['track'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={TRACK_COLOR[track]} variant="light">
      {t(`track.${track}`)}
    </Badge>
  );
}

/** Where the learner stands in a course: not enrolled, in progress (x%), passed. */
export function LearnerStatus({ enrolment }: { enrolment: CourseSummary['enrolment'] }) {
  const { t } = useTranslation();
  if (!enrolment) {
    return (
      <Badge color="gray" variant="light">
        {t('learning.status.notEnrolled')}
      </Badge>
    );
  }
  if (enrolment.status === 'completed') {
    return (
      <Badge color="green" variant="light">
        {t('learning.status.passed')}
      </Badge>
    );
  }
  return (
    <Badge color="blue" variant="light">
      {t('learning.status.inProgress', { percent: enrolment.progressPercent })}
    </Badge>
  );
}

/** The progress bar with its percentage, labelled for assistive technology. */
export function CourseProgress({ percent, label }: { percent: number; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={percent} color={percent >= 100 ? 'green' : 'blue'} size="sm" style={{ flex: 1 }} aria-label={label} />
      <Text size="xs" c="dimmed" w={36} ta="right">
        {percent}%
      </Text>
    </Group>
  );
}

/** A course's length: "45 min", "2 h", "1 h 30 min". */
export function formatDuration(t: TFunction, total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (!hours) return t('learning.durationMinutes', { minutes });
  return minutes ? t('learning.durationHours', { hours, minutes }) : t('learning.durationHoursOnly', { hours });
}

/** A headline figure with its icon (the learning and team-training pages). */
export function StatTile({ icon, color, label, value }: { icon: ReactNode; color: string; label: string; value: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group wrap="nowrap">
        <ThemeIcon variant="light" color={color} size={40} radius="md">
          {icon}
        </ThemeIcon>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text fw={700} size="xl">
            {value}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
