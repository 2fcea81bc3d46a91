import { Group, Progress, Stack, Text } from '@mantine/core';
import { recentRunPeriods, RUN_PERIOD } from '@partnerline/domain';
import { formatMoney, formatNumber, formatPercent, useLocale } from '@partnerline/ui';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** "2026-Q3" → "Q3 2026" / "2026 年第 3 季度". */
export function periodName(t: TFunction, code: string): string {
  const m = RUN_PERIOD.exec(code);
  if (!m) return code;
  const [, year, part] = m;
  if (!part) return t('rebates.periods.year', { year });
  return t(part.startsWith('Q') ? 'rebates.periods.quarter' : 'rebates.periods.half', { year, n: part.slice(1) });
}

/** The periods a run can be started for (the domain's recentRunPeriods), grouped by year and worded. */
export function runPeriodOptions(t: TFunction, today: string) {
  return recentRunPeriods(today).map(({ year, periods }) => ({
    group: t('rebates.periodGroups.year', { year }),
    items: periods.map((value) => ({ value, label: periodName(t, value) })),
  }));
}

/** A percentage held as a decimal string ("85.50") in the UI language, or a dash (ui formatPercent, two decimals). */
export function usePercent() {
  const locale = useLocale();
  return (value: string | number | null | undefined) => formatPercent(value, locale);
}

export function useMoney() {
  const locale = useLocale();
  return (value: string | null | undefined) => formatMoney(value, locale);
}

/** The tier an engine result reached, worded: "Tier 2 · 4%" or "Below threshold". */
export function useTierText() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (tierIndex: number | null, ratePercent: string | null) =>
    tierIndex === null
      ? t('rebates.belowThreshold')
      : t('rebates.tierN', { n: tierIndex + 1, rate: formatNumber(Number(ratePercent ?? 0), locale, 4) });
}

/** Attainment as a bar and a number (the bar caps at 100% but the number does not). */
export function AttainmentBar({ value, expected }: { value: string | null; expected?: number | null }) {
  const pct = usePercent();
  const n = value === null ? 0 : Number(value);
  const behind = expected !== null && expected !== undefined && n < expected;
  return (
    <Stack gap={2} miw={110}>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm" fw={600}>
          {pct(value)}
        </Text>
      </Group>
      <Progress value={Math.min(100, n)} color={n >= 100 ? 'green' : behind ? 'orange' : 'blue'} size="sm" aria-hidden />
    </Stack>
  );
}

/** A table cell's text kept on one line (amounts, numbers, tiers). */
export function Nowrap({ children, fw, c }: { children: ReactNode; fw?: number; c?: string }) {
  return (
    <Text size="sm" component="span" fw={fw} c={c} style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Text>
  );
}
