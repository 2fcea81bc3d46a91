import { z } from 'zod';
import { DealStageSchema, DecisionLevelSchema, RegistrationStatusSchema } from './deal-registration.schema.js';
import { ConflictKindSchema, ConflictStatusSchema, EvidenceFileSchema } from './deal-registration.responses.js';

/** A name in both languages (catalogue entries: industries, regions, products). */
const NamesSchema = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() });
const EvidenceStandardSchema = z.object({ proofOfCommunication: z.boolean(), customerFeedback: z.boolean(), customerDetails: z.boolean() });

/** An earlier or parallel registration shown beside the one under review. */
export const RelatedRegistrationSchema = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  customerName: z.string(),
  status: RegistrationStatusSchema,
  estimatedAmount: z.string(),
  submittedAt: z.string().nullable(),
  /** Why it is listed: the canonical customer keys it shares with the registration under review. */
  matchedOn: z.array(z.enum(['taxId', 'domain', 'name'])),
});
export type RelatedRegistration = z.infer<typeof RelatedRegistrationSchema>;

/** GET /deal-registrations/:id/review — everything a reviewer needs to decide, in one answer (vendor staff only). */
export const RegistrationReviewSchema = z.object({
  id: z.uuid(),
  status: RegistrationStatusSchema,
  partner: z.object({
    id: z.uuid(),
    name: z.string(),
    nameEn: z.string().nullable(),
    type: z.string(),
    status: z.string(),
    managerName: z.string().nullable(),
    agreements: z.array(z.object({ id: z.uuid(), type: z.string(), startDate: z.string(), endDate: z.string() })),
  }),
  customer: z.object({
    name: z.string(),
    taxId: z.string().nullable(),
    domain: z.string().nullable(),
    address: z.string().nullable(),
    industry: NamesSchema.nullable(),
    region: NamesSchema.nullable(),
  }),
  products: z.array(z.object({ productId: z.uuid(), nameZh: z.string(), nameEn: z.string(), quantity: z.number().int() })),
  estimatedAmount: z.string(),
  stage: DealStageSchema,
  expectedCloseDate: z.string(),
  need: z.string(),
  contacts: z.array(
    z.object({ name: z.string(), title: z.string().nullable(), decisionLevel: DecisionLevelSchema, email: z.string().nullable(), phone: z.string().nullable() }),
  ),
  agreement: z
    .object({ id: z.uuid(), type: z.string(), startDate: z.string(), endDate: z.string(), evidenceStandard: EvidenceStandardSchema.nullable() })
    .nullable(),
  evidence: z.object({ proofOfCommunication: z.string().nullable(), customerFeedback: z.string().nullable(), customerDetails: z.string().nullable() }),
  /** Evidence the covering agreement's standard requires and the registration lacks. */
  missingEvidence: z.array(z.enum(['proofOfCommunication', 'customerFeedback', 'customerDetails'])),
  files: z.array(EvidenceFileSchema),
  /** Earlier registrations by the same partner for the same customer (canonical keys or name core). */
  history: z.array(RelatedRegistrationSchema),
  /** Registrations by other partners for a customer that matches. */
  similar: z.array(RelatedRegistrationSchema),
  conflicts: z.array(z.object({ id: z.uuid(), kind: ConflictKindSchema, status: ConflictStatusSchema })),
  sla: z.object({
    submittedAt: z.string().nullable(),
    dueBy: z.string().nullable(),
    /** Whole business days past the due date (0 when not overdue or not under review). */
    overdueDays: z.number().int(),
  }),
  reviewComment: z.string().nullable(),
  protectionEnds: z.string().nullable(),
});
export type RegistrationReview = z.infer<typeof RegistrationReviewSchema>;

/** POST /deal-registrations/:id/approve (the comment is optional) and /reject (the reason is the comment, required). */
// The body is optional: an approval without a comment may send none (as it always could).
export const ApproveRegistrationSchema = z.object({ comment: z.string().trim().max(2000).optional() }).default({});
export type ApproveRegistration = z.infer<typeof ApproveRegistrationSchema>;
