import { Alert, Button, Card, Grid, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingSkyscraper, IconInfoCircle, IconUser } from '@tabler/icons-react';
import { meQueryOptions } from '@partnerline/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { myPartnerQueryOptions } from '../../api/portal';
import { StageBadge } from '@partnerline/ui';

export const Route = createFileRoute('/_authed/')({
  loader: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData(meQueryOptions());
    if (user?.partnerId) await context.queryClient.ensureQueryData(myPartnerQueryOptions(user.partnerId));
  },
  component: Home,
});

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} ta="right">
        {children}
      </Text>
    </Group>
  );
}

function Home() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const { data: partner } = useSuspenseQuery(myPartnerQueryOptions(user!.partnerId!));
  if (!user) return null;
  return (
    <Stack maw={1100} gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t('home.greeting', { name: user.displayName })}</Title>
        <Text c="dimmed">{partner.name}</Text>
      </Stack>
      <Alert icon={<IconInfoCircle size={18} />} title={t('home.nextStep')} color={partner.stage === 'rejected' ? 'red' : partner.stage === 'info_requested' ? 'orange' : 'indigo'}>
        <Stack gap="xs">
          <Text size="sm">{t(`home.next.${partner.stage}`)}</Text>
          {user.role === 'partner_admin' && ['applied', 'screening', 'info_requested', 'approved', 'trial', 'trial_succeeded', 'rejected'].includes(partner.stage) && (
            <Button size="xs" w="fit-content" renderRoot={(props) => <Link {...props} to="/application" />}>
              {t('home.openApplication')}
            </Button>
          )}
        </Stack>
      </Alert>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Group mb="sm">
              <ThemeIcon variant="light" size="lg">
                <IconBuildingSkyscraper size={20} />
              </ThemeIcon>
              <Text fw={600}>{t('home.organisation')}</Text>
            </Group>
            <Row label={t('home.organisation')}>
              {partner.name}
              {partner.nameEn ? ` · ${partner.nameEn}` : ''}
            </Row>
            <Row label={t('home.type')}>{t(`partnerType.${partner.type}`)}</Row>
            <Row label={t('home.stage')}>
              <StageBadge stage={partner.stage} />
            </Row>
            <Row label={t('home.manager')}>{partner.managerName ?? t('home.noManager')}</Row>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card>
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
            {user.role === 'partner_admin' && (
              <Button variant="light" mt="md" renderRoot={(props) => <Link {...props} to="/team" />}>
                {t('home.manageTeam')}
              </Button>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
