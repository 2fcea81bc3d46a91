import { List, Stack, Text } from '@mantine/core';
import { Dec, groupDigits, nextTierOutcome, type RebateExplanation, type RebateProgramme, type RebateStatement } from '@partnerline/domain';
import { formatMoney, formatPercent, StatusBadge, useLocale } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';

/**
 * Rebate pieces shared by the performance, statement and sell-out pages: the tier's name, the next-tier sentence, the
 * engine's arithmetic in words, the statement/dispute/line badges (partner-worded) and the client-side CSV files.
 */

/** An exact decimal with thousands separators and no rounding ("¥8,800.005"): the unrounded sum before the one rounding. */
function exactMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || !/^-?\d+(\.\d+)?$/.test(value)) return value ?? '—';
  // At least the cents ("8800" → "8800.00"); more decimals stay as they are.
  const grouped = groupDigits(/\.\d{2,}$/.test(value) ? value : new Dec(value).toFixed(2));
  return grouped.startsWith('-') ? `-¥${grouped.slice(1)}` : `¥${grouped}`;
}

/** A tier's name: "Tier 2 (from 100% → 4%)"; a volume band "Band 2 (from ¥1,000,000 → 2%)". */
export function useTierName() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (programme: RebateProgramme | null | undefined, index: number | null | undefined): string => {
    if (index === null || index === undefined) return t('performance.noTier');
    if (programme?.kind === 'attainment') {
      const tier = programme.tiers[index];
      return t('performance.tierName', {
        n: index + 1,
        from: formatPercent(tier?.fromPercent, locale),
        rate: formatPercent(tier?.ratePercent, locale),
      });
    }
    if (programme?.kind === 'volume_pricing') {
      const band = programme.bands[index];
      return t('performance.bandName', {
        n: index + 1,
        from: formatMoney(band?.fromVolume, locale),
        rate: formatPercent(band?.discountPercent, locale),
      });
    }
    return t('performance.tierShort', { n: index + 1 });
  };
}

const NEXT_TIER_KEY = {
  no_next_tier: 'performance.noNextTier',
  top_tier: 'performance.topTier',
  from_there: 'performance.nextTierFromThere',
  next_band: 'performance.nextBand',
  next_tier: 'performance.nextTier',
} as const;

/** "¥80,000.00 more to reach tier 3 (rate 6%), which would pay ¥27,200.00 more." — or the top-tier / no-quota words. */
export function NextTierText({ result, programme }: { result: RebateExplanation; programme: RebateProgramme | null | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const outcome = nextTierOutcome(result, programme);
  if (outcome === 'no_programme') return null;
  const next = result.next;
  if (!next) return <Text size="sm">{t(NEXT_TIER_KEY[outcome])}</Text>;
  const params = {
    amount: formatMoney(next.moreNeeded, locale),
    n: next.tierIndex + 1,
    rate: formatPercent(next.ratePercent, locale),
    increase: formatMoney(next.increase, locale),
    then: formatMoney(next.earnedThen, locale),
  };
  // Incremental bands: reaching a tier's start adds nothing by itself (the band above it starts empty) — say what it does.
  return (
    <Text size="sm" fw={500} data-testid="next-tier">
      {t(NEXT_TIER_KEY[outcome], params)}
    </Text>
  );
}

/**
 * The arithmetic a partner can follow, in words: the basis, the tier reached, each band (base × rate = amount), the
 * cap, the one rounding to the cent and what was already settled.
 */
export function Explanation({
  result,
  programme,
  lines,
}: {
  result: RebateExplanation;
  programme: RebateProgramme | null | undefined;
  lines?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (x: string | null | undefined) => formatMoney(x, locale);
  const pct = (x: string | null | undefined) => formatPercent(x, locale);
  const tierName = useTierName();
  if (!programme) return <Text size="sm">{t('performance.noProgramme')}</Text>;
  const steps: string[] = [];
  steps.push(
    result.attainmentPercent !== null
      ? t('performance.explain.basis', {
          count: lines ?? 0,
          achievement: money(result.achievement),
          quota: money(result.quota),
          attainment: pct(result.attainmentPercent),
        })
      : t('performance.explain.basisVolume', { count: lines ?? 0, achievement: money(result.achievement) }),
  );
  if (programme.kind === 'attainment') steps.push(t('performance.explain.threshold', { threshold: pct(programme.thresholdPercent) }));
  if (result.tierIndex === null) {
    steps.push(programme.kind === 'attainment' ? t('performance.explain.belowThreshold') : t('performance.explain.belowFirstBand'));
  } else {
    steps.push(t('performance.explain.reached', { tier: tierName(programme, result.tierIndex) }));
    if (result.method === 'retroactive') {
      const b = result.bands[0];
      if (b) steps.push(t('performance.explain.retroactive', { base: money(b.base), rate: pct(b.ratePercent), amount: money(b.amount) }));
    } else {
      steps.push(programme.kind === 'attainment' ? t('performance.explain.incremental') : t('performance.explain.volumeBands'));
    }
  }
  const bandLines =
    result.method === 'incremental' && result.tierIndex !== null
      ? result.bands.map((b) =>
          b.to === null
            ? t('performance.explain.bandOpen', {
                from: money(b.from),
                base: money(b.base),
                rate: pct(b.ratePercent),
                amount: money(b.amount),
              })
            : t('performance.explain.band', {
                from: money(b.from),
                to: money(b.to),
                base: money(b.base),
                rate: pct(b.ratePercent),
                amount: money(b.amount),
              }),
        )
      : [];
  const after: string[] = [];
  if (result.capped) after.push(t('performance.explain.capped', { cap: money(programme.capAmount), uncapped: money(result.uncapped) }));
  // Below the threshold there is nothing to round: the sentence would only say ¥0.00 twice.
  if (result.tierIndex !== null)
    after.push(
      t('performance.explain.rounding', {
        exact: exactMoney(result.capped ? programme.capAmount : result.uncapped),
        earned: money(result.earned),
      }),
    );
  if (Number(result.alreadySettled) !== 0)
    after.push(t('performance.explain.settled', { settled: money(result.alreadySettled), payable: money(result.payable) }));
  return (
    <Stack gap={6} data-testid="explanation">
      {steps.map((s, i) => (
        <Text key={`s${i}`} size="sm">
          {s}
        </Text>
      ))}
      {bandLines.length > 0 && (
        <List size="sm" spacing={2} withPadding>
          {bandLines.map((s, i) => (
            <List.Item key={i}>{s}</List.Item>
          ))}
        </List>
      )}
      {after.map((s, i) => (
        <Text key={`a${i}`} size="sm">
          {s}
        </Text>
      ))}
    </Stack>
  );
}

/** A statement's state, worded for the partner (partners see approved and paid ones). */
export function StatementStatus({ status }: { status: RebateStatement['status'] }) {
  const { t } = useTranslation();
  return (
    <StatusBadge kind="rebateStatement" value={status}>
      {t(`rebates.status.${status}`)}
    </StatusBadge>
  );
}

/** A disputed line's state, worded for the partner ("Disputed" while open). */
export function DisputeStatus({ status }: { status: NonNullable<RebateStatement['lines'][number]['dispute']>['status'] }) {
  const { t } = useTranslation();
  return (
    <StatusBadge kind="rebateDispute" value={status}>
      {t(`rebates.disputeStatus.${status}`)}
    </StatusBadge>
  );
}

/** A statement line's kind. */
export function LineKind({ kind }: { kind: RebateStatement['lines'][number]['kind'] }) {
  const { t } = useTranslation();
  return (
    <StatusBadge kind="rebateLine" value={kind}>
      {t(`rebates.kind.${kind}`)}
    </StatusBadge>
  );
}

/**
 * Client-side CSV files (the ledger's reconciliation export, the sell-out template): RFC 4180 quoting, a UTF-8
 * byte-order mark so Excel opens Chinese text correctly, CRLF rows. A statement's CSV and XLSX come from the API.
 */
export type Cell = string | number | null | undefined;

const NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell: quoted when it holds a quote, a comma or a line break; text that a spreadsheet would run as a formula is defused. */
function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Saves text as a file through a temporary link (revoked afterwards). */
export function download(filename: string, content: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
