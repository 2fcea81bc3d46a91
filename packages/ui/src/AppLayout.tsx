import { AppShell, Avatar, Box, Burger, Divider, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconLogout } from '@tabler/icons-react';
import type { Locale, Role, User } from '@partnerline/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from './auth';
import { BrandMark } from './BrandMark';
import { LANGUAGES } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './notifications';

export interface NavItem {
  /** An in-app path such as `/segments`. */
  to: string;
  label: string;
  icon: ReactNode;
  /** Who may use the screen; everyone else never sees the entry. */
  roles: readonly Role[];
  active: boolean;
}

export interface AppLayoutProps {
  user: User;
  appName: string;
  /** The app's base path (`/admin`), so nav links are real links that open in a new tab too. */
  basePath: string;
  nav: NavItem[];
  onNavigate: (to: string) => void;
  onLogout: () => void;
  children: ReactNode;
}

/** The entries of `nav` the user's role may use. */
export function navFor(nav: NavItem[], role: Role): NavItem[] {
  return nav.filter((n) => n.roles.includes(role));
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  // Latin names: first letters of two words; Chinese names: the first two characters.
  if (parts.length > 1 && /^[A-Za-z]/.test(parts[0])) return `${parts[0][0]}${parts[1][0]}`.toUpperCase();
  return name.replace(/\s+/g, '').slice(0, 2).toUpperCase();
}

/** The product shell: brand, language, notifications and the user menu on top; role-filtered navigation on the side. */
export function AppLayout({ user, appName, basePath, nav, onNavigate, onLogout, children }: AppLayoutProps) {
  const { t, i18n } = useTranslation('ui');
  const [opened, { toggle, close }] = useDisclosure();
  const updateMe = useUpdateMe();
  const items = navFor(nav, user.role);
  const roleLine = [t(`roles.${user.role}`), user.jobRole ? t(`jobRoles.${user.jobRole}`) : null].filter(Boolean).join(' · ');
  // The choice is remembered in this browser (i18n) and on the account (emails, next sign-in elsewhere).
  const switchLanguage = (locale: Locale) => {
    void i18n.changeLanguage(locale);
    updateMe.mutate({ locale });
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('layout.navigation')} />
            <BrandMark size="sm" />
            <Divider orientation="vertical" visibleFrom="sm" my={18} />
            <Text c="dimmed" size="sm" fw={500} visibleFrom="sm">
              {appName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="xs">
              <LanguageSwitch onChange={(locale) => updateMe.mutate({ locale })} />
            </Box>
            <NotificationBell timeZone={user.timeZone} onNavigate={onNavigate} />
            <Menu position="bottom-end" width={280} shadow="md">
              <Menu.Target>
                <UnstyledButton aria-label={t('layout.openMenu', { name: user.displayName })} px={6} py={4} style={{ borderRadius: 8 }}>
                  <Group gap={8} wrap="nowrap">
                    <Avatar color="indigo" radius="xl" size={32}>
                      {initialsOf(user.displayName)}
                    </Avatar>
                    <Box visibleFrom="sm" maw={220}>
                      <Text size="sm" fw={600} lh={1.2} truncate>
                        {user.displayName}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2} truncate>
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
                <Stack gap={2} px="sm" pb="xs">
                  <Text size="sm" fw={600}>
                    {user.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                  <Text size="xs">{roleLine}</Text>
                  {user.partnerName && (
                    <Text size="xs">
                      {t('layout.organisation')}: {user.partnerName}
                    </Text>
                  )}
                </Stack>
                <Menu.Divider />
                <Menu.Label>{t('layout.language')}</Menu.Label>
                {LANGUAGES.map((l) => (
                  <Menu.Item
                    key={l.value}
                    lang={l.value}
                    rightSection={i18n.language === l.value ? <IconCheck size={14} /> : null}
                    onClick={() => i18n.language !== l.value && switchLanguage(l.value)}
                  >
                    {l.label}
                  </Menu.Item>
                ))}
                <Menu.Divider />
                <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={onLogout}>
                  {t('layout.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('layout.navigation')}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            href={`${basePath}${item.to === '/' ? '/' : item.to}`}
            label={item.label}
            leftSection={item.icon}
            active={item.active}
            aria-current={item.active ? 'page' : undefined}
            onClick={(e) => {
              // Plain clicks stay in the single-page app; modified clicks open a tab as links should.
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              onNavigate(item.to);
              close();
            }}
            fw={500}
            style={{ borderRadius: 8 }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">{children}</AppShell.Main>
    </AppShell>
  );
}
