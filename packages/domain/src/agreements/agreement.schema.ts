import { z } from 'zod';
import { IsoDateSchema, MoneySchema, UuidSchema } from '../common/common.schema.js';
import { JobRoleSchema } from '../auth/auth.schema.js';

export const AgreementTypeSchema = z.enum(['exclusive', 'registration', 'distribution']);
export const AgreementStatusSchema = z.enum(['draft', 'pending_approval', 'active', 'expired', 'terminated', 'renewed', 'rejected']);
export const EvaluationPeriodSchema = z.enum(['quarter', 'half', 'year']);

/** A scope entry: an industry (null = all industries) × a region (null = all regions; covers its descendants). */
export const ScopeEntrySchema = z.object({ industryId: UuidSchema.nullable(), regionId: UuidSchema.nullable() });

const text = (max: number) => z.string().trim().max(max);

export const PricingSchema = z.discriminatedUnion('model', [
  z.object({
    model: z.literal('fixed_rebate'),
    items: z
      .array(z.object({ productId: UuidSchema, unitPrice: MoneySchema }))
      .max(100)
      .default([]),
    rebate: z.object({
      thresholdPercent: z.number().min(0).max(1000),
      mode: z.enum(['retroactive', 'incremental']),
      tiers: z
        .array(z.object({ attainmentPercent: z.number().min(0).max(1000), ratePercent: z.number().min(0).max(100) }))
        .min(1)
        .max(10),
    }),
  }),
  z.object({
    model: z.literal('tiered'),
    breaks: z
      .array(z.object({ minQuantity: z.number().int().min(0), unitPrice: MoneySchema }))
      .min(1)
      .max(20),
  }),
]);

export const EvidenceStandardSchema = z.object({
  proofOfCommunication: z.boolean(),
  customerFeedback: z.boolean(),
  customerDetails: z.boolean(),
});
export type EvidenceStandard = z.infer<typeof EvidenceStandardSchema>;

export const DepositSchema = z.object({ amount: MoneySchema, dueDate: IsoDateSchema, handling: z.enum(['offset', 'refund']) });

export const QualificationRequirementSchema = z.object({
  jobRole: JobRoleSchema,
  productLineId: UuidSchema,
  headcount: z.number().int().min(1).max(1000),
});

/**
 * An incentive coefficient (激励系数, issue #14): a registration's achievement is weighted by the highest coefficient
 * among the rules it matches (a product line of its products and/or its customer's industry; a rule naming both must
 * match both); 1 when none. A decimal 0 < c ≤ 10 with at most 4 decimals.
 */
export const IncentiveCoefficientSchema = z
  .object({
    productLineId: UuidSchema.nullable(),
    industryId: UuidSchema.nullable(),
    coefficient: z
      .string()
      .trim()
      .regex(/^\d{1,2}(\.\d{1,4})?$/, { message: 'validation.coefficient_invalid' })
      .refine((c) => Number(c) > 0 && Number(c) <= 10, { message: 'validation.coefficient_invalid' }),
  })
  .refine((r) => r.productLineId !== null || r.industryId !== null, { message: 'validation.coefficient_target_required', path: ['productLineId'] });
export type IncentiveCoefficient = z.infer<typeof IncentiveCoefficientSchema>;

/** Everything an agreement states. Drafts may be incomplete; completeness is checked on submit (agreementGaps). */
export const AgreementTermsSchema = z
  .object({
    partnerId: UuidSchema,
    type: AgreementTypeSchema,
    scope: z.array(ScopeEntrySchema).min(1, { message: 'validation.scope_required' }).max(50),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    productIds: z.array(UuidSchema).max(100).default([]),
    pricing: PricingSchema.nullable().default(null),
    paymentTerms: text(2000).default(''),
    evaluationPeriod: EvaluationPeriodSchema.nullable().default(null),
    quotaPerPeriod: MoneySchema.nullable().default(null),
    renewalThresholdPercent: z.number().min(0).max(200).default(80),
    qualificationRequirements: z.array(QualificationRequirementSchema).max(30).default([]),
    serviceDivision: z.object({ vendor: text(4000), partner: text(4000) }).default({ vendor: '', partner: '' }),
    obligations: z.object({ vendor: text(4000), partner: text(4000) }).default({ vendor: '', partner: '' }),
    renewalTerms: text(4000).default(''),
    evidenceStandard: EvidenceStandardSchema.nullable().default(null),
    deposit: DepositSchema.nullable().default(null),
    incentiveCoefficients: z.array(IncentiveCoefficientSchema).max(20).default([]),
  })
  .refine((t) => t.endDate >= t.startDate, { message: 'validation.end_before_start', path: ['endDate'] });
export type AgreementTerms = z.infer<typeof AgreementTermsSchema>;
export type ScopeEntry = z.infer<typeof ScopeEntrySchema>;

export const ApproveAgreementSchema = z.object({
  /** vendor_admin only: activate an exclusive agreement without a track record, with a written justification. */
  overrideTrackRecord: z.object({ justification: z.string().trim().min(10).max(2000) }).optional(),
});
export const RejectAgreementSchema = z.object({ reason: z.string().trim().min(1).max(2000) });
export const TerminateAgreementSchema = z.object({ reason: z.string().trim().min(1).max(2000), effectiveDate: IsoDateSchema });

export const ScopeViewSchema = ScopeEntrySchema.extend({
  industryNameZh: z.string().nullable(),
  industryNameEn: z.string().nullable(),
  regionNameZh: z.string().nullable(),
  regionNameEn: z.string().nullable(),
});

export const AgreementSummarySchema = z.object({
  id: UuidSchema,
  number: z.string(),
  partnerId: UuidSchema,
  partnerName: z.string(),
  type: AgreementTypeSchema,
  status: AgreementStatusSchema,
  version: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  scope: z.array(ScopeViewSchema),
  quotaPerPeriod: z.string().nullable(),
  evaluationPeriod: EvaluationPeriodSchema.nullable(),
  pendingAmendment: z.boolean(),
  updatedAt: z.string(),
});
export type AgreementSummary = z.infer<typeof AgreementSummarySchema>;

export const AgreementVersionSchema = z.object({
  version: z.number().int(),
  kind: z.enum(['original', 'amendment']),
  status: z.enum(['draft', 'pending', 'approved', 'rejected']),
  terms: z.unknown(),
  createdBy: z.string(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  changedFields: z.array(z.string()),
});

export const AgreementDetailSchema = AgreementSummarySchema.extend({
  terms: z.unknown(),
  submittedBy: z.string().nullable(),
  submittedById: UuidSchema.nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  termination: z.object({ reason: z.string(), effectiveDate: z.string() }).nullable(),
  overrideJustification: z.string().nullable(),
  allowedActions: z.array(z.enum(['edit', 'submit', 'approve', 'reject', 'terminate', 'amend'])),
  /** Gaps that block submission/activation, as stable codes. */
  gaps: z.array(z.string()),
});
export type AgreementDetail = z.infer<typeof AgreementDetailSchema>;

export const AgreementQuerySchema = z.object({
  type: AgreementTypeSchema.optional(),
  status: AgreementStatusSchema.optional(),
  partnerId: UuidSchema.optional(),
  industryId: UuidSchema.optional(),
  regionId: UuidSchema.optional(),
  endingWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const ExclusivityQuerySchema = z.object({ industryId: UuidSchema, regionId: UuidSchema, on: IsoDateSchema.optional() });
export const ExclusivityPreviewSchema = z
  .object({
    scope: z.array(ScopeEntrySchema).min(1),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    excludeAgreementId: UuidSchema.optional(),
  })
  .refine((p) => p.endDate >= p.startDate, { message: 'validation.end_before_start', path: ['endDate'] });
export const ExclusiveHoldingSchema = z.object({
  agreementId: UuidSchema,
  number: z.string(),
  partnerId: UuidSchema,
  partnerName: z.string(),
  industryNameZh: z.string(),
  industryNameEn: z.string(),
  regionNameZh: z.string(),
  regionNameEn: z.string(),
  from: z.string(),
  until: z.string(),
});
export type ExclusiveHolding = z.infer<typeof ExclusiveHoldingSchema>;
