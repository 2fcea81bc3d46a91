import { z } from 'zod';
import { pageOf } from '../common/common.schema.js';
import { RegistrationInputSchema, RegistrationStatusSchema } from './deal-registration.schema.js';

/** Response shapes of the deal-registration and conflict endpoints (what the API answers and the apps parse). */

export const ConflictKindSchema = z.enum(['duplicate_customer', 'exclusive_territory', 'direct_sales']);
export const ConflictStatusSchema = z.enum(['open', 'resolved']);

/** POST /deal-registrations/:id/submit */
export const RegistrationSubmittedSchema = z.object({ status: RegistrationStatusSchema, conflicts: z.array(ConflictKindSchema) });
export type RegistrationSubmitted = z.infer<typeof RegistrationSubmittedSchema>;
/**
 * GET /deal-registrations/requirements: what a submission in a segment needs — the covering agreement (exclusive before
 * registration) and which evidence its standard requires; `covered: false` means only a trial partner may submit there.
 */
export const RegistrationRequirementsSchema = z.object({
  covered: z.boolean(),
  agreement: z.object({ id: z.string().uuid(), type: z.enum(['exclusive', 'registration', 'distribution']) }).nullable(),
  evidence: z.object({ proofOfCommunication: z.boolean(), customerFeedback: z.boolean(), customerDetails: z.boolean() }),
});
export type RegistrationRequirements = z.infer<typeof RegistrationRequirementsSchema>;
/** POST /deal-registrations: the new id; with `?submit=true` also the status and conflicts of the submission. */
export const RegistrationCreatedSchema = z.object({ id: z.string().uuid(), status: RegistrationStatusSchema.optional(), conflicts: z.array(ConflictKindSchema).optional() });
export type RegistrationCreated = z.infer<typeof RegistrationCreatedSchema>;

/** GET /deal-registrations/:id */
export const RegistrationDetailSchema = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  status: RegistrationStatusSchema,
  customerName: z.string(),
  estimatedAmount: z.string(),
  slaDue: z.string().nullable(),
  protectionEnds: z.string().nullable(),
  details: RegistrationInputSchema,
  history: z.array(z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), note: z.string().nullable(), occurredAt: z.string() })),
  conflicts: z.array(z.object({ id: z.uuid(), kind: ConflictKindSchema, status: ConflictStatusSchema })),
  /** The reviewer's comment on the decision (approve or reject), shown to the partner. */
  reviewComment: z.string().nullable().optional(),
});
export type RegistrationDetail = z.infer<typeof RegistrationDetailSchema>;

/** One row of GET /deal-registrations (the vendor queue, or a partner's own registrations). */
export const RegistrationListItemSchema = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  status: RegistrationStatusSchema,
  customerName: z.string(),
  estimatedAmount: z.string(),
  expectedClose: z.string(),
  slaDue: z.string().nullable(),
  slaBreached: z.boolean(),
  protectionEnds: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type RegistrationListItem = z.infer<typeof RegistrationListItemSchema>;
export const RegistrationPageSchema = pageOf(RegistrationListItemSchema);

/** GET /deal-registrations/:id/evidence and the upload's answer. */
export const EvidenceFileSchema = z.object({ id: z.uuid(), kind: z.string(), filename: z.string(), mimeType: z.string(), size: z.number().int(), uploadedAt: z.string() });
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

/** POST /deal-registrations/:id/extend */
export const RegistrationExtendedSchema = z.object({ protectionEnds: z.string() });

/** One row of GET /conflicts. */
// kind and status are typed as plain strings because the conflicts service types them so today; they hold
// ConflictKindSchema / ConflictStatusSchema values.
export const ConflictSummarySchema = z.object({
  id: z.uuid(),
  /** Case number shown to people (e.g. "C-000123"). */
  number: z.string(),
  kind: z.string(),
  /** Every kind of collision the case groups (a later submission can add one). */
  kinds: z.array(z.string()),
  status: z.string(),
  openedAt: z.string(),
  resolution: z.string().nullable(),
  customerName: z.string(),
  /** The customer as the other parties wrote it, when they wrote it differently. */
  otherCustomerNames: z.array(z.string()),
  raisedBy: z.string(),
  parties: z.number().int(),
});
export type ConflictSummary = z.infer<typeof ConflictSummarySchema>;

/** Which key made a party match the case's customer, and how strongly (score 1 for exact keys, null for exclusive/direct-scope parties). */
export const PartyMatchKeySchema = z.enum(['tax_id', 'domain', 'name', 'exclusive', 'direct']);
export const PartyMatchSchema = z.object({
  key: PartyMatchKeySchema,
  /** 0..1 for a name match (customerNamesMatch score), 1 for tax id / domain, null for exclusive / direct scope. */
  score: z.number().nullable(),
  /** The two canonical forms compared: `ours` = this party's, `theirs` = the case customer's (the first registration's). */
  normalised: z.object({ ours: z.string(), theirs: z.string() }).nullable(),
});
export type PartyMatch = z.infer<typeof PartyMatchSchema>;

export const RecommendationReasonSchema = z.enum(['exclusive_owner', 'incumbent', 'first_to_register', 'partner_over_direct', 'intruder_excluded']);

/** GET /conflicts/:id: the parties side by side and the system's recommendation. */
export const ConflictDetailSchema = z.object({
  id: z.uuid(),
  /** Short case number shown to people and named in REGISTRATION_IN_OPEN_CASE (e.g. "C-000123"). */
  number: z.string(),
  kind: z.string(),
  /** Every kind found for this customer's case (a case may be duplicate + exclusive + direct at once). */
  kinds: z.array(ConflictKindSchema),
  status: z.string(),
  openedAt: z.string(),
  /** What the detector found (stored as JSON when the conflict opened). */
  evidence: z.unknown(),
  resolution: z.string().nullable(),
  rationale: z.string().nullable(),
  registrations: z.array(
    z.object({
      id: z.uuid(),
      partnerId: z.uuid(),
      partnerName: z.string(),
      status: z.string(),
      customerName: z.string(),
      taxId: z.string().nullable(),
      domain: z.string().nullable(),
      submittedAt: z.string(),
      agreementType: z.string().nullable(),
      exclusiveOwner: z.boolean(),
      incumbent: z.boolean(),
      evidence: z.record(z.string(), z.string()),
      estimatedAmount: z.string(),
      sharePercent: z.number().nullable(),
      awarded: z.boolean().nullable(),
      /** Why this registration is in the case. */
      match: PartyMatchSchema,
      /** From the partner's real status: true only for a partner in 'trial' (an active partner never is). */
      onTrial: z.boolean(),
      /** Registered inside another partner's exclusive scope without a covering agreement: never recommended. */
      intruder: z.boolean(),
      /** Can be chosen as winner / given a share (its registration is still open). */
      selectable: z.boolean(),
    }),
  ),
  directAccounts: z.array(z.object({ id: z.uuid(), kind: z.string(), name: z.string(), owner: z.string().nullable(), match: PartyMatchSchema })),
  /** Exclusive-territory holders are parties too: awardable with `winnerAgreementId`. */
  exclusiveHolders: z.array(
    z.object({
      agreementId: z.uuid(),
      agreementNumber: z.string(),
      partnerId: z.uuid(),
      partnerName: z.string(),
      from: z.string(),
      until: z.string(),
      onTrial: z.boolean(),
      selectable: z.boolean(),
      awarded: z.boolean().nullable(),
      match: PartyMatchSchema,
    }),
  ),
  recommendation: z
    .object({
      outcome: z.literal('award'),
      /** A registration id, or an exclusive holder's agreementId (find it in exclusiveHolders): award with winnerAgreementId then. */
      winnerId: z.uuid(),
      reasons: z.array(RecommendationReasonSchema),
    })
    .nullable(),
});
export type ConflictDetail = z.infer<typeof ConflictDetailSchema>;

/** POST /conflicts/:id/resolve body. Award to a registration OR to an exclusive holder (its agreement); a split needs ≥ 2 parties, whole percents summing to 100. */
const rationale = z.string().trim().min(5, { message: 'validation.rationale_required' }).max(4000);
export const ConflictResolutionSchema = z.discriminatedUnion('resolution', [
  z.object({ resolution: z.literal('award'), winnerRegistrationId: z.uuid().optional(), winnerAgreementId: z.uuid().optional(), rationale }).refine((v) => !!v.winnerRegistrationId !== !!v.winnerAgreementId, {
    message: 'validation.award_one_winner',
    path: ['winnerRegistrationId'],
  }),
  z.object({ resolution: z.literal('split'), shares: z.array(z.object({ registrationId: z.uuid(), percent: z.number().int().min(1).max(99) })).min(2).max(100), rationale }),
  z.object({ resolution: z.literal('reject_all'), rationale }),
  z.object({ resolution: z.literal('dismiss'), rationale }),
]);
export type ConflictResolution = z.infer<typeof ConflictResolutionSchema>;

/** POST /direct-accounts/import */
export const DirectAccountImportReportSchema = z.object({ imported: z.number().int(), rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })) });
export type DirectAccountImportReport = z.infer<typeof DirectAccountImportReportSchema>;
