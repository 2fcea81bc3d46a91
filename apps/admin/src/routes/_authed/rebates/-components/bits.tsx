import { Badge, type BadgeProps, Group, Progress, Stack, Text } from '@mantine/core';
import { ApiError, formatMoney, formatNumber, useLocale } from '@partnerline/ui';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A run period as the API takes it: a quarter (2026-Q3), a half (2026-H2) or a year (2026). */
export const RUN_PERIOD = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

/** "2026-Q3" → "Q3 2026" / "2026 年第 3 季度". */
export function periodName(t: TFunction, code: string): string {
  const m = RUN_PERIOD.exec(code);
  if (!m) return code;
  const [, year, part] = m;
  if (!part) return t('rebates.periods.year', { year });
  return t(part.startsWith('Q') ? 'rebates.periods.quarter' : 'rebates.periods.half', { year, n: part.slice(1) });
}

/** The periods a run can be started for, grouped by year (this year and last year), newest first. */
export function runPeriodOptions(t: TFunction, today: string) {
  const year = Number(today.slice(0, 4));
  return [year, year - 1].map((y) => ({
    group: t('rebates.periodGroups.year', { year: y }),
    items: [`${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`, `${y}-H2`, `${y}-H1`, `${y}`].map((value) => ({
      value,
      label: periodName(t, value),
    })),
  }));
}

/** The quarter holding a date: the default period to run. */
export const currentQuarter = (today: string) => `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;

/** Today's calendar date in the user's zone (the API decides with its business clock; this only preselects). */
export const localToday = (timeZone = 'Asia/Shanghai') =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

const COLORS: Record<string, Record<string, string>> = {
  statementStatus: { draft: 'gray', approved: 'blue', paid: 'green' },
  runStatus: { queued: 'gray', running: 'blue', succeeded: 'green', failed: 'red' },
  disputeStatus: { open: 'orange', adjusted: 'teal', rejected: 'gray' },
  depositStatus: { due: 'orange', paid: 'blue', offset: 'teal', refunded: 'green', forfeited: 'red' },
  lineKind: { deal: 'blue', sell_out: 'cyan', clawback: 'red', adjustment: 'grape' },
  watchKinds: { close_to_next_tier: 'teal', at_risk: 'red' },
};

/** One badge for the rebates screens' states, worded from the `rebates` catalogue. */
export function RebateBadge({ kind, value, ...rest }: { kind: keyof typeof COLORS; value: string } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[kind][value] ?? 'gray'} variant="light" styles={{ label: { overflow: 'visible' } }} {...rest}>
      {t(`rebates.${kind}.${value}`)}
    </Badge>
  );
}

/** A percentage held as a decimal string ("85.50") in the UI language, or a dash. */
export function usePercent() {
  const locale = useLocale();
  return (value: string | number | null | undefined) =>
    value === null || value === undefined || value === '' ? '—' : `${formatNumber(Number(value), locale)}%`;
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

/** The message to show for a refused request (the API words it in the UI language). */
export const errorText = (e: unknown): string => (e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e));

/** A decimal amount as typed in a form: digits with up to two decimals, optionally negative. */
export const AMOUNT = /^-?\d{1,12}(\.\d{1,2})?$/;
export const POSITIVE_AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
