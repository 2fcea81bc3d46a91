import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, UuidSchema } from '../common/common.schema.js';

/** A run period's code: a quarter ("2026-Q3"), a half ("2026-H2") or a year ("2026"); groups: year, part (Q3/H2) or none. */
export const RUN_PERIOD = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

/** A run period: a calendar quarter ("2026-Q3"), half ("2026-H2") or year ("2026") in the business time zone. */
export const RebateRunPeriodSchema = z
  .string()
  .trim()
  .regex(RUN_PERIOD, { message: 'validation.rebate_period' })
  .refine((p) => Number(p.slice(0, 4)) >= 1970 && Number(p.slice(0, 4)) <= 2200, { message: 'validation.date_range' });

/** POST /rebate-runs. */
export const StartRebateRunSchema = z.object({ period: RebateRunPeriodSchema });
export type StartRebateRun = z.infer<typeof StartRebateRunSchema>;

/** The first and last day of a run period (business dates). */
export function runPeriodBounds(period: string): { start: string; end: string } {
  const year = Number(period.slice(0, 4));
  const [first, months] = period.includes('-Q') ? [(Number(period.at(-1)) - 1) * 3 + 1, 3] : period.includes('-H') ? [(Number(period.at(-1)) - 1) * 6 + 1, 6] : [1, 12];
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastMonth = first + months - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter holding a business date ("2026-11-28" → "2026-Q4"): the period a run defaults to. */
export const quarterOf = (today: string): string => `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;

/** The periods a run can be started for, by year (this year, then last year), each newest first: Q4…Q1, H2, H1, the year. */
export function recentRunPeriods(today: string): { year: number; periods: string[] }[] {
  const year = Number(today.slice(0, 4));
  return [year, year - 1].map((y) => ({ year: y, periods: [`${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`, `${y}-H2`, `${y}-H1`, `${y}`] }));
}

export const RebateRunQuerySchema = z.object({ period: RebateRunPeriodSchema.optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });

export const RebateStatementStatusSchema = z.enum(['draft', 'approved', 'paid']);
export type RebateStatementStatus = z.infer<typeof RebateStatementStatusSchema>;

/** GET /rebate-statements. */
export const RebateStatementQuerySchema = PageQuerySchema.extend({
  status: RebateStatementStatusSchema.optional(),
  partnerId: UuidSchema.optional(),
  agreementId: UuidSchema.optional(),
  periodStart: IsoDateSchema.optional(),
  runId: UuidSchema.optional(),
});
export type RebateStatementQuery = z.infer<typeof RebateStatementQuerySchema>;

/** POST /rebate-statements/:id/pay. */
export const PayRebateStatementSchema = z.object({ paidOn: IsoDateSchema, reference: z.string().trim().min(1).max(200) });
export type PayRebateStatement = z.infer<typeof PayRebateStatementSchema>;

/** POST /rebate-statements/:id/lines/:lineId/dispute. */
export const DisputeRebateLineSchema = z.object({ comment: z.string().trim().min(1).max(2000) });
export type DisputeRebateLine = z.infer<typeof DisputeRebateLineSchema>;

/** A signed amount of money (an adjustment may go either way), at most two decimals. */
const SignedMoneySchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,2})?$/, { message: 'validation.signed_money' });

/** POST /rebate-disputes/:id/resolve. */
export const ResolveRebateDisputeSchema = z.object({
  outcome: z.enum(['adjusted', 'rejected']),
  amount: SignedMoneySchema.optional(),
  resolution: z.string().trim().min(1).max(2000),
});
export type ResolveRebateDispute = z.infer<typeof ResolveRebateDisputeSchema>;

export const RebateDisputeStatusSchema = z.enum(['open', 'adjusted', 'rejected']);
export const RebateDisputeQuerySchema = z.object({ status: RebateDisputeStatusSchema.optional(), partnerId: UuidSchema.optional() });

/** POST /rebate-reversals. */
export const CreateRebateReversalSchema = z.object({ registrationId: UuidSchema, reason: z.string().trim().min(1).max(2000) });
export type CreateRebateReversal = z.infer<typeof CreateRebateReversalSchema>;

/** GET /rebate-ledger. */
export const RebateLedgerQuerySchema = PageQuerySchema.extend({ partnerId: UuidSchema.optional(), agreementId: UuidSchema.optional() });
export type RebateLedgerQuery = z.infer<typeof RebateLedgerQuerySchema>;
