import { Button, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { IconCertificate, IconCircleCheck, IconClockHour4, IconSchool, IconUserPlus } from '@tabler/icons-react';
import { meQueryOptions, PageHeader } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { myPartnerQueryOptions, productLinesQueryOptions } from '../../../api/portal';
import { certificationsQueryOptions, coursesQueryOptions, enrolmentsQueryOptions, partnerQualificationQueryOptions, qualificationReviewsQueryOptions } from '../../../api/training';
import { StatTile } from '../../../components/training';
import { Requirements, Expiring } from './-components/TeamQualification';
import { Matrix } from './-components/TeamMatrix';
import { Enrolments, EnrolModal } from './-components/TeamEnrolments';
import { Reviews } from './-components/TeamReviews';

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
