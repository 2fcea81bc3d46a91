import { ActionIcon, Badge, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { Notification } from '@partnerline/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiFetch } from './api';
import { formatDateTime } from './format';
import { currentLanguage } from './i18n';

export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: ['notifications', currentLanguage()],
    queryFn: () => apiFetch<{ items: Notification[]; unread: number }>('/notifications'),
    refetchInterval: 30_000,
  });

/** The notification centre: a bell with the unread count and the latest notifications. */
export function NotificationBell({ timeZone, onNavigate }: { timeZone: string; onNavigate: (link: string) => void }) {
  const { t, i18n } = useTranslation('ui');
  const qc = useQueryClient();
  const { data } = useQuery(notificationsQueryOptions());
  const readOne = useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const readAll = useMutation({
    mutationFn: () => apiFetch<void>('/notifications/read-all', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = data?.unread ?? 0;
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  return (
    <Popover width={380} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Indicator disabled={unread === 0} label={unread} size={16} offset={4} color="red">
          <ActionIcon variant="subtle" size="lg" aria-label={t('notifications.open', { count: unread })}>
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>{t('notifications.title')}</Text>
          {unread > 0 && (
            <Button variant="subtle" size="compact-xs" onClick={() => readAll.mutate()}>
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420}>
          {!data?.items.length && (
            <Text c="dimmed" size="sm" p="md">
              {t('notifications.empty')}
            </Text>
          )}
          <Stack gap={0}>
            {data?.items.map((n) => (
              <UnstyledButton
                key={n.id}
                px="md"
                py="sm"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', background: n.readAt ? undefined : 'var(--mantine-color-indigo-0)' }}
                onClick={() => {
                  if (!n.readAt) readOne.mutate(n.id);
                  if (n.link) onNavigate(n.link);
                }}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {n.title}
                  </Text>
                  {!n.readAt && <Badge size="xs" color="red" variant="dot" />}
                </Group>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {n.body}
                </Text>
                <Text size="xs" c="dimmed" mt={2}>
                  {formatDateTime(n.createdAt, locale, timeZone)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

