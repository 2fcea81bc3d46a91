import { z } from 'zod';
import { pageOf } from '../common/common.schema.js';
import { RebateExplanationSchema } from './rebates.responses.js';
import { RebateProgrammeSchema } from './rebates.schemas.js';

/** Exact figures travel as decimal strings. */
const Amount = z.string();

export const PerformancePeriodSchema = z.object({ index: z.number().int(), start: z.string(), end: z.string() });

/** Where a period's quota comes from: set for the period (rebate_quotas), the terms' quota per period, or none (0). */
export const QuotaSourceSchema = z.enum(['set', 'terms', 'none']);

/** One evaluation period's quota (GET /agreements/:id/quotas, PUT …/quotas/:periodStart). */
export const QuotaSchema = z.object({
  periodIndex: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  quota: Amount,
  source: QuotaSourceSchema,
  /** Editable plainly until the period starts; afterwards only as an amendment with a reason. */
  editable: z.boolean(),
  amendmentReason: z.string().nullable(),
  setBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  setAt: z.string().nullable(),
});
export type Quota = z.infer<typeof QuotaSchema>;
export const QuotaListSchema = z.object({ items: z.array(QuotaSchema) });
export type QuotaList = z.infer<typeof QuotaListSchema>;

export const WatchFlagSchema = z.enum(['close_to_next_tier', 'at_risk']);

/** GET /agreements/:id/performance: one period of one agreement, as the partner and the manager see it. */
export const AgreementPerformanceSchema = z.object({
  agreement: z.object({
    id: z.string(),
    number: z.string(),
    partnerId: z.string(),
    partnerName: z.string(),
    type: z.enum(['exclusive', 'registration', 'distribution']),
    status: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    evaluationPeriod: z.enum(['quarter', 'half', 'year']),
  }),
  /** The rebate programme from the terms' pricing; null without pricing (no rebate, achievement still shown). */
  programme: RebateProgrammeSchema.nullable(),
  periods: z.array(PerformancePeriodSchema),
  period: PerformancePeriodSchema,
  /** The business date the figures are computed on; `final` once the period has ended. */
  asOf: z.string(),
  final: z.boolean(),
  quota: z.object({ amount: Amount, source: QuotaSourceSchema, editable: z.boolean() }),
  /** Σ won amount × share × coefficient (+ sell-out lines), exact. */
  achievement: Amount,
  attainmentPercent: Amount.nullable(),
  /** Share of the period passed (0…1). */
  elapsedFraction: z.number(),
  /** The attainment expected by now at an even pace: elapsed × 100. */
  pacePercent: Amount,
  /** The engine's result for the period (tier, rate, bands, earned, next tier); null without a programme. */
  result: RebateExplanationSchema.nullable(),
  watch: WatchFlagSchema.nullable(),
  /** Cumulative achievement by week, for the pace chart. */
  series: z.array(z.object({ date: z.string(), achievement: Amount })),
  lines: z.number().int(),
  statement: z.object({ id: z.string(), number: z.string(), status: z.enum(['draft', 'approved', 'paid']), payable: Amount }).nullable(),
});
export type AgreementPerformance = z.infer<typeof AgreementPerformanceSchema>;

/** GET /rebates/what-if: what one more deal of `amount` would do to the current period. */
export const WhatIfSchema = z.object({
  agreementId: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  amount: Amount,
  before: Amount,
  after: Amount,
  increase: Amount,
  tierBefore: z.number().int().nullable(),
  tierAfter: z.number().int().nullable(),
  rateBefore: Amount.nullable(),
  rateAfter: Amount.nullable(),
  attainmentBefore: Amount.nullable(),
  attainmentAfter: Amount.nullable(),
});
export type WhatIf = z.infer<typeof WhatIfSchema>;

/** One row of the vendor's performance overview (each agreement's current period). */
export const PerformanceOverviewRowSchema = z.object({
  agreementId: z.string(),
  agreementNumber: z.string(),
  agreementType: z.enum(['exclusive', 'registration', 'distribution']),
  partnerId: z.string(),
  partnerName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  quota: Amount,
  achievement: Amount,
  attainmentPercent: Amount.nullable(),
  pacePercent: Amount,
  tierIndex: z.number().int().nullable(),
  ratePercent: Amount.nullable(),
  earned: Amount,
  /** To the next tier (the threshold when below it); null at the top tier or without a programme. */
  moreNeeded: Amount.nullable(),
  nextRatePercent: Amount.nullable(),
  watch: WatchFlagSchema.nullable(),
});
export type PerformanceOverviewRow = z.infer<typeof PerformanceOverviewRowSchema>;
export const PerformanceOverviewPageSchema = pageOf(PerformanceOverviewRowSchema).extend({
  asOf: z.string(),
  counts: z.object({ close_to_next_tier: z.number().int(), at_risk: z.number().int() }),
});
export type PerformanceOverviewPage = z.infer<typeof PerformanceOverviewPageSchema>;

export const DepositStatusSchema = z.enum(['due', 'paid', 'offset', 'refunded', 'forfeited']);

/** GET /agreements/:id/deposit: an exclusive agreement's deposit, its history and what may happen next. */
export const AgreementDepositSchema = z.object({
  agreementId: z.string(),
  partnerId: z.string(),
  amount: Amount,
  dueOn: z.string(),
  handling: z.enum(['offset', 'refund']),
  status: DepositStatusSchema,
  /** The latest evaluation period ended by today attained its full quota: offset or refund allowed. */
  performanceReached: z.boolean(),
  /** That period's attainment (two decimals); null before any period has ended. */
  attainmentPercent: Amount.nullable(),
  /** What it must attain: 100. */
  thresholdPercent: Amount,
  terminatedForBreach: z.boolean(),
  /** Transitions `depositTransition` allows now. */
  allowed: z.array(DepositStatusSchema),
  events: z.array(
    z.object({
      id: z.string(),
      from: DepositStatusSchema,
      to: DepositStatusSchema,
      amount: Amount,
      occurredOn: z.string(),
      reference: z.string().nullable(),
      note: z.string().nullable(),
      createdBy: z.object({ id: z.string(), name: z.string() }),
      createdAt: z.string(),
    }),
  ),
});
export type AgreementDeposit = z.infer<typeof AgreementDepositSchema>;
