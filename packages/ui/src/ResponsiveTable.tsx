import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface ResponsiveColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
  /** The card's title on a phone (the first column if none is marked). */
  primary?: boolean;
  /** Shown on the card's top right beside the title (a status, an action). */
  aside?: boolean;
  /** Left out of the card on a phone (e.g. repeated in the title). */
  hideOnPhone?: boolean;
}

/**
 * A table on a wide screen; on a phone (under 40em) one card per row: the primary cell as the title, an aside
 * (status or action) beside it, the other cells as "label: value" lines — every action stays reachable without
 * scrolling sideways. `phone` overrides the media query (tests).
 */
export function ResponsiveTable<T>({
  columns,
  rows,
  rowKey,
  phone,
  label,
  minWidth = 560,
}: {
  columns: ResponsiveColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  phone?: boolean;
  /** The table's accessible name. */
  label?: string;
  /** On a wide screen below this width the table scrolls sideways inside its card. */
  minWidth?: number;
}) {
  const narrow = useMediaQuery('(max-width: 40em)');
  const asCards = phone ?? narrow;
  if (asCards) {
    const primary = columns.find((c) => c.primary) ?? columns[0];
    const asides = columns.filter((c) => c.aside && c !== primary);
    const rest = columns.filter((c) => c !== primary && !c.aside && !c.hideOnPhone);
    return (
      <Stack gap="sm" aria-label={label} role="list">
        {rows.map((row) => (
          <Card key={rowKey(row)} p="sm" role="listitem" withBorder>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{primary.cell(row)}</div>
              {asides.length > 0 && (
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  {asides.map((c) => (
                    <div key={c.key}>{c.cell(row)}</div>
                  ))}
                </Group>
              )}
            </Group>
            {rest.length > 0 && (
              <Stack gap={2} mt={6}>
                {rest.map((c) => (
                  <Group key={c.key} justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {c.header}
                    </Text>
                    <Text size="sm" component="div" ta="right" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      {c.cell(row)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Card p={0}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={c.align}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td key={c.key} ta={c.align}>
                    {c.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
