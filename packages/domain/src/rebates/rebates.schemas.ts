import { z } from 'zod';

/** A non-negative decimal written as a string (money, percentages): exact, never a float. */
const DecimalString = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, 'validation.decimal');

/** One tier: from this attainment (percent of quota) on, this rate (percent of the basis). */
export const AttainmentTierSchema = z.object({ fromPercent: DecimalString, ratePercent: DecimalString });

/** One price band: from this cumulative volume (CNY) on, this discount (percent) as a price-adjustment credit. */
export const VolumeBandSchema = z.object({ fromVolume: DecimalString, discountPercent: DecimalString });

const ascending = <T>(key: (t: T) => string) => (xs: readonly T[]) => xs.every((x, i) => i === 0 || Number(key(x)) > Number(key(xs[i - 1])));
const nonDecreasing = <T>(key: (t: T) => string) => (xs: readonly T[]) => xs.every((x, i) => i === 0 || Number(key(x)) >= Number(key(xs[i - 1])));

/**
 * A rebate programme on an agreement (DOMAIN §7):
 * - `attainment`: nothing below the threshold; tiers by attainment of the period's quota, paid **retroactive** (the
 *   whole basis at the reached tier's rate) or **incremental** (each band of the basis at its own rate); optional cap.
 * - `volume_pricing`: tiered pricing by cumulative volume, each volume band earning its discount as a credit; optional cap.
 * Tiers ascend and rates never fall (a higher tier never pays less), which is what makes retroactive ≥ incremental.
 */
export const RebateProgrammeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('attainment'),
    method: z.enum(['retroactive', 'incremental']),
    thresholdPercent: DecimalString,
    tiers: z
      .array(AttainmentTierSchema)
      .min(1)
      .max(12)
      .refine(ascending((t: { fromPercent: string }) => t.fromPercent), 'validation.tiers_ascending')
      .refine(nonDecreasing((t: { ratePercent: string }) => t.ratePercent), 'validation.rates_non_decreasing'),
    capAmount: DecimalString.nullable().default(null),
  }),
  z.object({
    kind: z.literal('volume_pricing'),
    bands: z
      .array(VolumeBandSchema)
      .min(1)
      .max(12)
      .refine(ascending((b: { fromVolume: string }) => b.fromVolume), 'validation.tiers_ascending')
      .refine(nonDecreasing((b: { discountPercent: string }) => b.discountPercent), 'validation.rates_non_decreasing'),
    capAmount: DecimalString.nullable().default(null),
  }),
]);
export type RebateProgramme = z.infer<typeof RebateProgrammeSchema>;
export type RebateProgrammeInput = z.input<typeof RebateProgrammeSchema>;
