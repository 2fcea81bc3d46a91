import { Card, Group, type MantineSize, Pagination, Stack, Text } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';

/**
 * A list's paging footer: nothing for a single page (unless it has a summary such as "12 statements" to show),
 * otherwise the summary on the left and the page buttons.
 */
export function Pager({
  total,
  pageSize,
  page,
  onChange,
  summary,
  justify,
  size = 'sm',
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
  /** Shown whenever there is something in the list, even on a single page. */
  summary?: ReactNode;
  justify?: 'flex-start' | 'center' | 'flex-end' | 'space-between';
  size?: MantineSize;
}) {
  const pages = Math.ceil(total / pageSize);
  const showSummary = summary !== undefined && summary !== null && total > 0;
  if (pages <= 1 && !showSummary) return null;
  return (
    <Group justify={justify ?? (showSummary ? 'space-between' : 'flex-end')}>
      {showSummary && (
        <Text size="sm" c="dimmed">
          {summary}
        </Text>
      )}
      {pages > 1 && <Pagination total={pages} value={page} onChange={onChange} size={size} />}
    </Group>
  );
}

/** An empty list's card: a large muted icon, the message, and optionally an action (a link to where to start). */
export function EmptyCard({
  icon: Icon,
  children,
  action,
}: {
  icon: ComponentType<{ size?: number | string; color?: string }>;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Card>
      <Stack align="center" py="xl" gap="xs">
        <Icon size={36} color="var(--mantine-color-gray-5)" />
        <Text c="dimmed">{children}</Text>
        {action}
      </Stack>
    </Card>
  );
}
