import { List, Stack, Text } from '@mantine/core';
import type { Locale, RebateProgramme, RebateResult } from '@partnerline/domain';
import { formatMoney, formatNumber, useLocale } from '@partnerline/ui';
import { useTranslation } from 'react-i18next';

/** The engine's result as the API sends it (the per-line allocation is on the statement lines instead). */
export type Explained = Omit<RebateResult, 'allocation'> & { allocation?: unknown };

/** "4%" / "4.5%": a rate or attainment as the UI writes it (a percentage is not money: a number is fine here). */
export const pct = (value: string | number | null | undefined, locale: Locale): string =>
  value === null || value === undefined || value === '' ? '—' : `${formatNumber(Number(value), locale, 2)}%`;

/** An exact decimal with thousands separators and no rounding ("¥8,800.005"): the unrounded sum before the one rounding. */
export function exactMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || !/^-?\d+(\.\d+)?$/.test(value)) return value ?? '—';
  const negative = value.startsWith('-');
  const [whole, frac] = value.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}${frac ? `.${frac.length < 2 ? frac.padEnd(2, '0') : frac}` : '.00'}`;
}

/** A tier's name: "Tier 2 (from 100% → 4%)"; a volume band "Band 2 (from ¥1,000,000 → 2%)". */
export function useTierName() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (programme: RebateProgramme | null | undefined, index: number | null | undefined): string => {
    if (index === null || index === undefined) return t('performance.noTier');
    if (programme?.kind === 'attainment') {
      const tier = programme.tiers[index];
      return t('performance.tierName', { n: index + 1, from: pct(tier?.fromPercent, locale), rate: pct(tier?.ratePercent, locale) });
    }
    if (programme?.kind === 'volume_pricing') {
      const band = programme.bands[index];
      return t('performance.bandName', {
        n: index + 1,
        from: formatMoney(band?.fromVolume, locale),
        rate: pct(band?.discountPercent, locale),
      });
    }
    return t('performance.tierShort', { n: index + 1 });
  };
}

/** "¥80,000.00 more to reach tier 3 (rate 6%), which would pay ¥27,200.00 more." — or the top-tier / no-quota words. */
export function NextTierText({ result, programme }: { result: Explained; programme: RebateProgramme | null | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!programme) return null;
  const next = result.next;
  if (!next) {
    return <Text size="sm">{result.tierIndex === null ? t('performance.noNextTier') : t('performance.topTier')}</Text>;
  }
  const params = {
    amount: formatMoney(next.moreNeeded, locale),
    n: next.tierIndex + 1,
    rate: pct(next.ratePercent, locale),
    increase: formatMoney(next.increase, locale),
    then: formatMoney(next.earnedThen, locale),
  };
  // Incremental bands: reaching a tier's start adds nothing by itself (the band above it starts empty) — say what it does.
  return (
    <Text size="sm" fw={500} data-testid="next-tier">
      {Number(next.increase) === 0
        ? t('performance.nextTierFromThere', params)
        : programme.kind === 'volume_pricing'
          ? t('performance.nextBand', params)
          : t('performance.nextTier', params)}
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
  result: Explained;
  programme: RebateProgramme | null | undefined;
  lines?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (x: string | null | undefined) => formatMoney(x, locale);
  const tierName = useTierName();
  if (!programme) return <Text size="sm">{t('performance.noProgramme')}</Text>;
  const steps: string[] = [];
  steps.push(
    result.attainmentPercent !== null
      ? t('performance.explain.basis', {
          count: lines ?? 0,
          achievement: money(result.achievement),
          quota: money(result.quota),
          attainment: pct(result.attainmentPercent, locale),
        })
      : t('performance.explain.basisVolume', { count: lines ?? 0, achievement: money(result.achievement) }),
  );
  if (programme.kind === 'attainment')
    steps.push(t('performance.explain.threshold', { threshold: pct(programme.thresholdPercent, locale) }));
  if (result.tierIndex === null) {
    steps.push(programme.kind === 'attainment' ? t('performance.explain.belowThreshold') : t('performance.explain.belowFirstBand'));
  } else {
    steps.push(t('performance.explain.reached', { tier: tierName(programme, result.tierIndex) }));
    if (result.method === 'retroactive') {
      const b = result.bands[0];
      if (b)
        steps.push(
          t('performance.explain.retroactive', { base: money(b.base), rate: pct(b.ratePercent, locale), amount: money(b.amount) }),
        );
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
                rate: pct(b.ratePercent, locale),
                amount: money(b.amount),
              })
            : t('performance.explain.band', {
                from: money(b.from),
                to: money(b.to),
                base: money(b.base),
                rate: pct(b.ratePercent, locale),
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
