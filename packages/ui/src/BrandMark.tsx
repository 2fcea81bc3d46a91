import { Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHexagons } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The product's mark and name; `tagline` adds the one-line description under the name. */
export function BrandMark({ size = 'md', tagline = false, inverted = false }: { size?: 'sm' | 'md' | 'lg'; tagline?: boolean; inverted?: boolean }) {
  const { t } = useTranslation('ui');
  const icon = { sm: 32, md: 40, lg: 48 }[size];
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon size={icon} radius="md" variant={inverted ? 'white' : 'gradient'} gradient={{ from: 'indigo.7', to: 'cyan.6', deg: 135 }} aria-hidden>
        <IconHexagons size={Math.round(icon * 0.6)} />
      </ThemeIcon>
      <Stack gap={0}>
        <Title order={size === 'lg' ? 2 : 4} c={inverted ? 'white' : undefined} lh={1.15}>
          {t('product')}
        </Title>
        {tagline && (
          <Text size="sm" c={inverted ? 'indigo.1' : 'dimmed'}>
            {t('tagline')}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
