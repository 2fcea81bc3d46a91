import { z } from 'zod';
import { pageOf } from '../common/common.schema.js';
import { RebateProgrammeSchema } from './rebates.schemas.js';

/** Money and other exact figures travel as decimal strings (signed where they may be negative). */
const Amount = z.string();
const Person = z.object({ id: z.string(), name: z.string() });

export const RebateRunStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);

/** A rebate run: the job that computes every agreement's statement for a period, with its progress and its diff. */
export const RebateRunSchema = z.object({
  id: z.string(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  asOf: z.string(),
  status: RebateRunStatusSchema,
  total: z.number().int(),
  done: z.number().int(),
  errors: z.number().int(),
  errorDetails: z.array(z.object({ agreementId: z.string(), code: z.string(), message: z.string().optional() })),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  locked: z.number().int(),
  /** Per partner: payable before (the previous run's draft; null when new) → after; the 200 largest changes. */
  diff: z.array(z.object({ partnerId: z.string(), partnerName: z.string(), before: Amount.nullable(), after: Amount })),
  startedBy: Person,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  /** done ÷ total × 100, whole percent (100 once succeeded). */
  percent: z.number().int(),
});
export type RebateRun = z.infer<typeof RebateRunSchema>;
export const RebateRunListSchema = z.object({ items: z.array(RebateRunSchema) });

export const RebateStatementSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  agreementId: z.string(),
  agreementType: z.enum(['exclusive', 'registration', 'distribution']),
  partnerId: z.string(),
  partnerName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(['draft', 'approved', 'paid']),
  /** The period had ended on `asOf`: the figures are final unless a late change comes. */
  final: z.boolean(),
  quota: Amount,
  achievement: Amount,
  attainmentPercent: Amount.nullable(),
  tierIndex: z.number().int().nullable(),
  ratePercent: Amount.nullable(),
  earned: Amount,
  alreadySettled: Amount,
  /** Σ of the clawback and adjustment lines (changes to earlier, already settled periods; dispute adjustments). */
  adjustments: Amount,
  /** earned − already settled + adjustments. */
  payable: Amount,
  asOf: z.string(),
  /** asOf + the policy's holding days: the first date a payment may carry; null when the policy has no holding period. */
  payableFrom: z.string().nullable(),
  approvedAt: z.string().nullable(),
  paidOn: z.string().nullable(),
  openDisputes: z.number().int(),
});
export type RebateStatementSummary = z.infer<typeof RebateStatementSummarySchema>;
export const RebateStatementPageSchema = pageOf(RebateStatementSummarySchema);
export type RebateStatementPage = z.infer<typeof RebateStatementPageSchema>;

const BandSchema = z.object({ from: Amount, to: Amount.nullable(), ratePercent: Amount, base: Amount, amount: Amount });

/** The engine's result (RebateResult) without the per-line allocation: what a partner reads to follow the figures. */
export const RebateExplanationSchema = z.object({
  achievement: Amount,
  quota: Amount,
  attainmentPercent: Amount.nullable(),
  tierIndex: z.number().int().nullable(),
  ratePercent: Amount.nullable(),
  method: z.enum(['retroactive', 'incremental']),
  bands: z.array(BandSchema),
  uncapped: Amount,
  capped: z.boolean(),
  earned: Amount,
  alreadySettled: Amount,
  payable: Amount,
  next: z.object({ tierIndex: z.number().int(), ratePercent: Amount, moreNeeded: Amount, earnedThen: Amount, increase: Amount }).nullable(),
});
export type RebateExplanation = z.infer<typeof RebateExplanationSchema>;

export const RebateDisputeStatusValues = ['open', 'adjusted', 'rejected'] as const;

export const RebateStatementLineSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  kind: z.enum(['deal', 'sell_out', 'clawback', 'adjustment']),
  sourceId: z.string().nullable(),
  /** For clawback/adjustment lines: the earlier period the change belongs to. */
  sourcePeriodStart: z.string().nullable(),
  description: z.string(),
  occurredOn: z.string().nullable(),
  amount: Amount.nullable(),
  share: Amount.nullable(),
  coefficient: Amount.nullable(),
  achievement: Amount.nullable(),
  rebate: Amount,
  dispute: z
    .object({ id: z.string(), status: z.enum(RebateDisputeStatusValues), comment: z.string(), resolution: z.string().nullable(), adjustment: Amount.nullable() })
    .nullable(),
});
export type RebateStatementLine = z.infer<typeof RebateStatementLineSchema>;

export const RebateStatementSchema = RebateStatementSummarySchema.extend({
  method: z.enum(['retroactive', 'incremental']),
  explanation: RebateExplanationSchema,
  programme: RebateProgrammeSchema,
  lines: z.array(RebateStatementLineSchema),
  approvedBy: Person.nullable(),
  paidBy: Person.nullable(),
  paymentReference: z.string().nullable(),
});
export type RebateStatement = z.infer<typeof RebateStatementSchema>;

export const RebateLedgerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['accrual', 'reversal', 'clawback', 'settlement', 'payment', 'adjustment', 'deposit_paid', 'deposit_offset', 'deposit_refund', 'deposit_forfeit']),
  amount: Amount,
  periodStart: z.string().nullable(),
  agreementId: z.string(),
  statementId: z.string().nullable(),
  sourceId: z.string().nullable(),
  bookedOn: z.string(),
  note: z.string().nullable(),
});
export const RebateLedgerTotalsSchema = z.object({ accrued: Amount, settled: Amount, paid: Amount, liability: Amount, deposits: Amount });
export const RebateLedgerPageSchema = pageOf(RebateLedgerEntrySchema).extend({ totals: RebateLedgerTotalsSchema });
export type RebateLedgerPage = z.infer<typeof RebateLedgerPageSchema>;

export const RebateDisputeSchema = z.object({
  id: z.string(),
  statementId: z.string(),
  statementNumber: z.string(),
  lineId: z.string(),
  lineNo: z.number().int(),
  lineDescription: z.string(),
  lineRebate: Amount,
  partnerId: z.string(),
  partnerName: z.string(),
  periodStart: z.string(),
  comment: z.string(),
  raisedBy: Person,
  raisedAt: z.string(),
  status: z.enum(RebateDisputeStatusValues),
  resolution: z.string().nullable(),
  adjustment: Amount.nullable(),
  resolvedBy: Person.nullable(),
  resolvedAt: z.string().nullable(),
});
export type RebateDispute = z.infer<typeof RebateDisputeSchema>;
export const RebateDisputeListSchema = z.object({ items: z.array(RebateDisputeSchema) });

export const RebateReversalSchema = z.object({
  registrationId: z.string(),
  reversedOn: z.string(),
  reason: z.string(),
  reversedBy: Person,
  createdAt: z.string(),
});
export type RebateReversal = z.infer<typeof RebateReversalSchema>;
export const RebateReversalListSchema = z.object({ items: z.array(RebateReversalSchema) });

const LiabilityFigures = z.object({ accrued: Amount, paid: Amount, liability: Amount });
export const RebateLiabilitySchema = z.object({
  total: LiabilityFigures,
  partners: z.array(LiabilityFigures.extend({ partnerId: z.string(), partnerName: z.string() })),
});
export type RebateLiability = z.infer<typeof RebateLiabilitySchema>;
