import { Alert, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconBriefcase, IconBuildingSkyscraper, IconFileCertificate, IconFileDescription, IconHelpCircle, IconInfoCircle, IconSchool, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { meQueryOptions, portalHomeQueryOptions, StageBadge } from '@partnerline/ui';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { myPartnerQueryOptions } from '../../api/portal';

export const Route = createFileRoute('/_authed/')({
  loader: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData(meQueryOptions());
    if (user?.partnerId) await context.queryClient.ensureQueryData(myPartnerQueryOptions(user.partnerId));
  },
  component: Home,
});

/** The stages in which the application page still matters to the partner admin. */
const APPLICATION_STAGES = ['applied', 'screening', 'info_requested', 'approved', 'trial', 'trial_succeeded', 'rejected'];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} ta="right" component="div">
        {children}
      </Text>
    </Group>
  );
}

function ActionCard({ to, icon, title, desc, extra }: { to: '/agreements' | '/team' | '/application' | '/learning' | '/support' | '/registrations'; icon: ReactNode; title: string; desc: string; extra?: ReactNode }) {
  return (
    <UnstyledButton renderRoot={(props) => <Link {...props} to={to} />} h="100%">
      <Card h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" size="lg">
              {icon}
            </ThemeIcon>
            <Stack gap={4}>
              <Text fw={600}>{title}</Text>
              <Text size="sm" c="dimmed">
                {desc}
              </Text>
              {extra}
            </Stack>
          </Group>
          <IconArrowRight size={16} style={{ flexShrink: 0 }} />
        </Group>
      </Card>
    </UnstyledButton>
  );
}

/** A partner's start page: where the partnership stands, the organisation, the user, and what they can do now. */
function Home() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: partner } = useSuspenseQuery(myPartnerQueryOptions(user!.partnerId!));
  // The counts come from the reporting module in one request (no list is downloaded to count it).
  const { data: counts } = useQuery(portalHomeQueryOptions());
  if (!user) return null;
  const isAdmin = user.role === 'partner_admin';
  const inForce = counts?.activeAgreements;
  const learning = counts?.coursesInProgress;
  const expiring = counts?.certificatesExpiring;
  const openSupport = counts?.openSupportRequests;
  const regs = counts?.registrations;

  return (
    <Stack maw={1100} gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t('home.greeting', { name: user.displayName })}</Title>
        <Text c="dimmed">{partner.name}</Text>
      </Stack>
      <Alert icon={<IconInfoCircle size={18} />} title={t('home.nextStep')} color={partner.stage === 'rejected' ? 'red' : partner.stage === 'info_requested' ? 'orange' : 'indigo'}>
        <Stack gap="xs">
          <Text size="sm">{t(`home.next.${partner.stage}`)}</Text>
          {isAdmin && APPLICATION_STAGES.includes(partner.stage) && (
            <Button size="xs" w="fit-content" renderRoot={(props) => <Link {...props} to="/application" />}>
              {t('home.openApplication')}
            </Button>
          )}
        </Stack>
      </Alert>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card h="100%">
            <Group mb="sm">
              <ThemeIcon variant="light" size="lg">
                <IconBuildingSkyscraper size={20} />
              </ThemeIcon>
              <Text fw={600}>{t('home.organisation')}</Text>
            </Group>
            <Row label={t('home.name')}>
              <div>{partner.name}</div>
              {partner.nameEn && (
                <Text size="xs" c="dimmed">
                  {partner.nameEn}
                </Text>
              )}
            </Row>
            <Row label={t('home.type')}>{t(`partnerType.${partner.type}`)}</Row>
            <Row label={t('home.stage')}>
              <StageBadge stage={partner.stage} />
            </Row>
            <Row label={t('home.manager')}>{partner.managerName ?? t('home.noManager')}</Row>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card h="100%">
            <Group mb="sm">
              <ThemeIcon variant="light" size="lg">
                <IconUser size={20} />
              </ThemeIcon>
              <Text fw={600}>{t('home.you')}</Text>
            </Group>
            <Row label={t('team.name')}>{user.displayName}</Row>
            <Row label={t('team.email')}>{user.email}</Row>
            <Row label={t('team.role')}>{t(`roles.${user.role}`, { ns: 'ui' })}</Row>
            <Row label={t('home.jobRole')}>{user.jobRole ? t(`jobRoles.${user.jobRole}`, { ns: 'ui' }) : '—'}</Row>
          </Card>
        </Grid.Col>
      </Grid>
      <Stack gap="sm">
        <Title order={4}>{t('home.canDo')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <ActionCard
            to="/registrations"
            icon={<IconBriefcase size={20} />}
            title={t('homeRegistrations.title')}
            desc={t('homeRegistrations.desc')}
            extra={
              regs && (
                <Group gap={6}>
                  <Badge variant="light" color={regs.open > 0 ? 'blue' : 'gray'} w="fit-content">
                    {t('homeRegistrations.open', { count: regs.open })}
                  </Badge>
                  {regs.protectionExpiring > 0 && (
                    <Badge variant="light" color="orange" w="fit-content">
                      {t('homeRegistrations.expiring', { count: regs.protectionExpiring })}
                    </Badge>
                  )}
                  {regs.needingAction > 0 && (
                    <Badge variant="light" color="red" w="fit-content">
                      {t('homeRegistrations.needingAction', { count: regs.needingAction })}
                    </Badge>
                  )}
                </Group>
              )
            }
          />
          <ActionCard
            to="/agreements"
            icon={<IconFileCertificate size={20} />}
            title={t('home.cards.agreements.title')}
            desc={t('home.cards.agreements.desc')}
            extra={
              inForce !== undefined && (
                <Badge variant="light" color={inForce > 0 ? 'green' : 'gray'} w="fit-content">
                  {t('home.inForce', { count: inForce })}
                </Badge>
              )
            }
          />
          <ActionCard
            to="/team"
            icon={<IconUsersGroup size={20} />}
            title={t(isAdmin ? 'home.cards.teamAdmin.title' : 'home.cards.teamUser.title')}
            desc={t(isAdmin ? 'home.cards.teamAdmin.desc' : 'home.cards.teamUser.desc')}
          />
          <ActionCard
            to="/learning"
            icon={<IconSchool size={20} />}
            title={t('home.cards.learning.title')}
            desc={t('home.cards.learning.desc')}
            extra={
              learning !== undefined && (
                <Group gap={6}>
                  <Badge variant="light" color={learning > 0 ? 'blue' : 'gray'} w="fit-content">
                    {t('home.coursesInProgress', { count: learning })}
                  </Badge>
                  {!!expiring && (
                    <Badge variant="light" color="orange" w="fit-content">
                      {t('home.certificatesExpiring', { count: expiring })}
                    </Badge>
                  )}
                </Group>
              )
            }
          />
          <ActionCard
            to="/support"
            icon={<IconHelpCircle size={20} />}
            title={t('home.cards.support.title')}
            desc={t('home.cards.support.desc')}
            extra={
              openSupport !== undefined && (
                <Badge variant="light" color={openSupport > 0 ? 'blue' : 'gray'} w="fit-content">
                  {t('home.supportOpen', { count: openSupport })}
                </Badge>
              )
            }
          />
          {isAdmin && <ActionCard to="/application" icon={<IconFileDescription size={20} />} title={t('home.cards.application.title')} desc={t('home.cards.application.desc')} />}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
