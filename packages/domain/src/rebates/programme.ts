import { Dec } from '../common/money.js';
import { RebateProgrammeSchema, type RebateProgramme } from './rebates.schemas.js';

/** The part of an agreement's terms a programme comes from (terms as stored: numbers and money strings). */
export interface PricingTerms {
  pricing?:
    | { model: 'fixed_rebate'; rebate: { thresholdPercent: number; mode: 'retroactive' | 'incremental'; tiers: readonly { attainmentPercent: number; ratePercent: number }[] } }
    | { model: 'tiered'; breaks: readonly { minQuantity: number; unitPrice: string }[] }
    | null;
}

const dec = (n: number | string) => new Dec(n).toFixed();

/**
 * The rebate programme of an agreement, from its terms' pricing (issue #14 contract):
 * - `fixed_rebate` → an attainment programme: the rebate's mode, threshold and tiers (by attainment percent), no cap;
 * - `tiered` distribution price breaks → volume pricing: a break from `minQuantity` at `unitPrice` becomes a band from
 *   the volume `minQuantity × the first break's unit price`, with the discount `(1 − unitPrice ÷ first unit price) × 100`
 *   (4 decimals, half up) earned as a price-adjustment credit;
 * - no pricing → null (performance still shows achievement and attainment; no statement).
 * Tiers and breaks are taken in ascending order. Pricing that makes no valid programme (a price rising with volume, two
 * breaks at the same quantity, a rate falling with attainment) gives null rather than a wrong one.
 */
export function programmeOfTerms(terms: PricingTerms | null | undefined): RebateProgramme | null {
  const pricing = terms?.pricing;
  if (!pricing) return null;
  let candidate: unknown;
  if (pricing.model === 'fixed_rebate') {
    const tiers = [...pricing.rebate.tiers].sort((a, b) => a.attainmentPercent - b.attainmentPercent);
    candidate = {
      kind: 'attainment',
      method: pricing.rebate.mode,
      thresholdPercent: dec(pricing.rebate.thresholdPercent),
      tiers: tiers.map((t) => ({ fromPercent: dec(t.attainmentPercent), ratePercent: dec(t.ratePercent) })),
      capAmount: null,
    };
  } else if (pricing.model === 'tiered') {
    const breaks = [...pricing.breaks].sort((a, b) => a.minQuantity - b.minQuantity);
    if (!breaks.length) return null;
    const first = new Dec(breaks[0].unitPrice);
    if (first.lte(0)) return null;
    candidate = {
      kind: 'volume_pricing',
      bands: breaks.map((b) => ({
        fromVolume: new Dec(b.minQuantity).times(first).toFixed(),
        discountPercent: new Dec(1).minus(new Dec(b.unitPrice).div(first)).times(100).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(),
      })),
      capAmount: null,
    };
  } else {
    return null;
  }
  const parsed = RebateProgrammeSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
