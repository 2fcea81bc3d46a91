import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconBuildingStore, IconLayoutGrid, IconHistory, IconSettings, IconUsers } from '@tabler/icons-react';
import { useQueries, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { meQueryOptions } from '@partnerline/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { partnersQueryOptions } from '../../api/partners';

export const Route = createFileRoute('/_authed/')({ component: Home });

function Home() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const statuses = ['applied', 'screening', 'trial', 'active'] as const;
  const counts = useQueries({ queries: statuses.map((status) => partnersQueryOptions({ status, page: 1, pageSize: 1 })) });
  if (!user) return null;

  const links: { to: string; label: string; icon: ReactNode; show: boolean }[] = [
    { to: '/partners', label: t('home.links.partners'), icon: <IconBuildingStore size={20} />, show: true },
    { to: '/segments', label: t('home.links.segments'), icon: <IconLayoutGrid size={20} />, show: true },
    { to: '/policies', label: t('home.links.policies'), icon: <IconSettings size={20} />, show: true },
    { to: '/users', label: t('home.links.users'), icon: <IconUsers size={20} />, show: user.role === 'vendor_admin' },
    { to: '/audit', label: t('home.links.audit'), icon: <IconHistory size={20} />, show: user.role !== 'channel_manager' },
  ];

  return (
    <Stack gap="xl" maw={1100}>
      <Stack gap={4}>
        <Title order={2}>{t('home.greeting', { name: user.displayName })}</Title>
        <Text c="dimmed">{t(`home.${user.role as 'vendor_admin' | 'channel_manager' | 'leadership'}`)}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {statuses.map((s, i) => (
          <Card key={s}>
            <Text size="sm" c="dimmed">
              {t(`home.stats.${s === 'applied' ? 'applications' : s}`)}
            </Text>
            <Title order={2} mt={4}>
              {counts[i].data?.total ?? '—'}
            </Title>
          </Card>
        ))}
      </SimpleGrid>
      <Stack gap="sm">
        <Title order={4}>{t('home.quick')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {links
            .filter((l) => l.show)
            .map((l) => (
              <UnstyledButton key={l.to} onClick={() => void navigate({ to: l.to as '/' })}>
                <Card>
                  <Group justify="space-between" wrap="nowrap">
                    <Group wrap="nowrap">
                      <ThemeIcon variant="light" size="lg">
                        {l.icon}
                      </ThemeIcon>
                      <Text fw={500}>{l.label}</Text>
                    </Group>
                    <IconArrowRight size={16} />
                  </Group>
                </Card>
              </UnstyledButton>
            ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
