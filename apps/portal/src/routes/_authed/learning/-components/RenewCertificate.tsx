import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { type CourseDetail, renewalDue } from '@partnerline/domain';
import { ApiError, formatDate, meQueryOptions } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { certificationsQueryOptions, useEnrol } from '../../../../api/training';
import { useLocale } from '../../../../components/training';

/**
 * A certificate this course leads to is expiring or has expired (and none is still fully valid): offer to take the
 * course again. The API restarts the enrolment only in that case; passing it issues a new certificate.
 */
export function RenewCertificate({ course }: { course: CourseDetail }) {
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
        <Text size="sm">
          {t(due[0].status === 'expired' ? 'learning.renew.expired' : 'learning.renew.expiring', {
            date: formatDate(due[0].expiresOn, locale),
          })}
        </Text>
        <Button
          color="orange"
          loading={enrol.isPending}
          onClick={() =>
            enrol.mutate(
              { courseId: course.id },
              { onError: (e) => notifications.show({ color: 'red', message: e instanceof ApiError ? e.message : String(e) }) },
            )
          }
        >
          {t('learning.renew.action')}
        </Button>
      </Group>
    </Alert>
  );
}
