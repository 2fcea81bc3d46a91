import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled fact in a detail page's header: a small dimmed label above its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </Stack>
  );
}
