import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { adminHomeQueryOptions, meQueryOptions } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';
import { SCREENS } from '../../nav';

export const Route = createFileRoute('/_authed/')({ component: Home });

const STATUSES = [
  { status: 'applied', key: 'applications' },
  { status: 'screening', key: 'screening' },
  { status: 'trial', key: 'trial' },
  { status: 'active', key: 'active' },
] as const;

/** The landing page: who you are, the partner pipeline at a glance, and the screens your role may use. */
function Home() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  // Every count comes from the reporting module in one request: no queue is downloaded to count it.
  const { data: counts } = useQuery(adminHomeQueryOptions());
  // What waits for the vendor team right now: each card opens the filtered queue.
  type Root = (props: Record<string, unknown>) => React.ReactNode;
  const attention: { key: string; value: number | undefined; root: Root }[] = [
    { key: 'inReview', value: counts?.registrationsInReview, root: (props) => <Link {...props} to="/registrations" search={{ status: 'in_review' }} /> },
    { key: 'openConflicts', value: counts?.openConflicts, root: (props) => <Link {...props} to="/conflicts" /> },
    { key: 'overdueReviews', value: counts?.overdueReviews, root: (props) => <Link {...props} to="/qualification-reviews" search={{ view: 'overdue' }} /> },
    { key: 'openSupport', value: counts?.newSupportRequests, root: (props) => <Link {...props} to="/support" search={{ status: 'open' }} /> },
  ];
  if (!user) return null;
  const role = user.role as 'vendor_admin' | 'channel_manager' | 'leadership';
  const screens = SCREENS.filter((s) => s.to !== '/' && s.roles.includes(user.role));

  return (
    <Stack gap="xl" maw={1100}>
      <Stack gap={6}>
        <Group gap="sm">
          <Title order={2}>{t('home.greeting', { name: user.displayName })}</Title>
          <Badge variant="light" size="lg">
            {t(`roles.${role}`, { ns: 'ui' })}
          </Badge>
        </Group>
        <Text c="dimmed">{t(`home.${role}`)}</Text>
      </Stack>
      <Stack gap="sm">
        <Title order={4}>{t('home.partnersNow')}</Title>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {STATUSES.map(({ status, key }) => (
            <UnstyledButton key={status} renderRoot={(props) => <Link {...props} to="/partners" search={{ status }} />}>
              <Card h="100%">
                <Text size="sm" c="dimmed">
                  {t(`home.stats.${key}`)}
                </Text>
                <Title order={2} mt={4}>
                  {counts?.partners[status] ?? '—'}
                </Title>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Stack>
      <Stack gap="sm">
        <Title order={4}>{t('home.attention')}</Title>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {attention.map((a) => (
            <UnstyledButton key={a.key} renderRoot={a.root}>
              <Card h="100%">
                <Text size="sm" c="dimmed">
                  {t(`home.stats.${a.key}`)}
                </Text>
                <Title order={2} mt={4} c={a.value ? (a.key === 'overdueReviews' ? 'red' : undefined) : 'dimmed'}>
                  {a.value ?? '—'}
                </Title>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Stack>
      <Stack gap="sm">
        <Title order={4}>{t('home.quick')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {screens.map((s) => {
            const Icon = s.icon;
            return (
              <UnstyledButton key={s.to} renderRoot={(props) => <Link {...props} to={s.to as '/'} />} h="100%">
                <Card h="100%">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Group wrap="nowrap" align="flex-start">
                      <ThemeIcon variant="light" size="lg">
                        <Icon size={20} />
                      </ThemeIcon>
                      <Stack gap={2}>
                        <Text fw={600}>{t(`home.links.${s.key}`)}</Text>
                        <Text size="sm" c="dimmed">
                          {t(`home.desc.${s.key}`)}
                        </Text>
                      </Stack>
                    </Group>
                    <IconArrowRight size={16} style={{ flexShrink: 0 }} />
                  </Group>
                </Card>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
