import { createTheme } from '@mantine/core';

/** A calm, professional look: indigo accents on neutral greys, CJK-friendly fonts, sentence-case badges. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    // Badges carry statuses and quadrants, often in Chinese: sentence case, never an ellipsis.
    Badge: {
      styles: {
        root: { textTransform: 'none', letterSpacing: 0, fontWeight: 600, overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    },
  },
});
