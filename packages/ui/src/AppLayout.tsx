import { AppShell, Avatar, Box, Burger, Group, Menu, NavLink, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconHexagons, IconLogout } from '@tabler/icons-react';
import type { Role, User } from '@partnerline/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './notifications';

export interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  roles: readonly Role[];
  active: boolean;
}

export interface AppLayoutProps {
  user: User;
  appName: string;
  nav: NavItem[];
  onNavigate: (to: string) => void;
  onLogout: () => void;
  children: ReactNode;
}

/** The product shell: header with brand, notifications and the user menu; a role-filtered side navigation. */
export function AppLayout({ user, appName, nav, onNavigate, onLogout, children }: AppLayoutProps) {
  const { t } = useTranslation('ui');
  const [opened, { toggle }] = useDisclosure();
  const updateMe = useUpdateMe();
  const items = nav.filter((n) => n.roles.includes(user.role));
  const initials = user.displayName.replace(/\s+/g, '').slice(0, 2).toUpperCase();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('layout.navigation')} />
            <ThemeIcon size={32} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
              <IconHexagons size={20} />
            </ThemeIcon>
            <Title order={4}>{t('product')}</Title>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {appName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="xs">
              <LanguageSwitch onChange={(locale) => updateMe.mutate({ locale })} />
            </Box>
            <NotificationBell timeZone={user.timeZone} onNavigate={onNavigate} />
            <Menu position="bottom-end" width={260} shadow="md">
              <Menu.Target>
                <UnstyledButton aria-label={t('layout.openMenu', { name: user.displayName })}>
                  <Group gap={8} wrap="nowrap">
                    <Avatar color="indigo" radius="xl" size={32}>
                      {initials}
                    </Avatar>
                    <Box visibleFrom="sm">
                      <Text size="sm" fw={600} lh={1.2}>
                        {user.displayName}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {t(`roles.${user.role}`)}
                        {user.partnerName ? ` · ${user.partnerName}` : ''}
                      </Text>
                    </Box>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('layout.signedInAs')}</Menu.Label>
                <Stack gap={0} px="sm" pb="xs">
                  <Text size="sm" fw={600}>
                    {user.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`roles.${user.role}`)}
                    {user.jobRole ? ` · ${t(`jobRoles.${user.jobRole}`)}` : ''}
                    {user.partnerName ? ` · ${user.partnerName}` : ''}
                  </Text>
                </Stack>
                <Menu.Divider />
                <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={onLogout}>
                  {t('layout.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('layout.navigation')}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            href={item.to}
            label={item.label}
            leftSection={item.icon}
            active={item.active}
            onClick={(e) => {
              e.preventDefault();
              onNavigate(item.to);
              if (opened) toggle();
            }}
            style={{ borderRadius: 8 }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">{children}</AppShell.Main>
    </AppShell>
  );
}
