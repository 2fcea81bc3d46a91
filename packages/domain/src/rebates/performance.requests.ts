import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, UuidSchema } from '../common/common.schema.js';

const Money = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,2})?$/, { message: 'validation.money' });

/** GET /agreements/:id/performance?period=<periodStart> (default: the period holding today). */
export const PerformanceQuerySchema = z.object({ period: IsoDateSchema.optional() });

/** GET /rebates/what-if?agreementId=&amount=. */
export const WhatIfQuerySchema = z.object({ agreementId: UuidSchema, amount: Money });

export const PerformanceOverviewSortSchema = z.enum(['attainment', 'moreNeeded', 'partner']);

/** GET /rebates/performance (vendor roles). */
export const PerformanceOverviewQuerySchema = PageQuerySchema.extend({
  sort: PerformanceOverviewSortSchema.default('attainment'),
  order: z.enum(['asc', 'desc']).default('desc'),
  watch: z.enum(['close_to_next_tier', 'at_risk', 'any']).optional(),
  partnerId: UuidSchema.optional(),
  type: z.enum(['exclusive', 'registration', 'distribution']).optional(),
});
export type PerformanceOverviewQuery = z.infer<typeof PerformanceOverviewQuerySchema>;

/** PUT /agreements/:id/quotas/:periodStart. After the period started, only with an amendment reason. */
export const SetQuotaSchema = z.object({
  quota: Money,
  amendmentReason: z.string().trim().max(2000).optional(),
});
export type SetQuota = z.infer<typeof SetQuotaSchema>;

/** POST /agreements/:id/deposit-events. */
export const DepositEventSchema = z.object({
  to: z.enum(['paid', 'offset', 'refunded', 'forfeited']),
  occurredOn: IsoDateSchema,
  reference: z.string().trim().max(200).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type DepositEventRequest = z.infer<typeof DepositEventSchema>;
