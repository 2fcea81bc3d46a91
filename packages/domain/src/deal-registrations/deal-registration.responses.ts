import { z } from 'zod';
import { pageOf } from '../common/common.schema.js';
import { RegistrationInputSchema, RegistrationStatusSchema } from './deal-registration.schema.js';

/** Response shapes of the deal-registration and conflict endpoints (what the API answers and the apps parse). */

export const ConflictKindSchema = z.enum(['duplicate_customer', 'exclusive_territory', 'direct_sales']);
export const ConflictStatusSchema = z.enum(['open', 'resolved']);

/** POST /deal-registrations/:id/submit */
export const RegistrationSubmittedSchema = z.object({ status: RegistrationStatusSchema, conflicts: z.array(ConflictKindSchema) });
export type RegistrationSubmitted = z.infer<typeof RegistrationSubmittedSchema>;

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
  kind: z.string(),
  status: z.string(),
  openedAt: z.string(),
  resolution: z.string().nullable(),
  customerName: z.string(),
  raisedBy: z.string(),
  parties: z.number().int(),
});
export type ConflictSummary = z.infer<typeof ConflictSummarySchema>;

/** GET /conflicts/:id: the parties side by side and the system's recommendation. */
export const ConflictDetailSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
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
    }),
  ),
  directAccounts: z.array(z.object({ id: z.uuid(), kind: z.string(), name: z.string(), owner: z.string().nullable() })),
  exclusiveHolders: z.array(z.object({ agreementId: z.uuid(), partnerName: z.string(), from: z.string(), until: z.string() })),
  recommendation: z
    .object({ outcome: z.literal('award'), winnerId: z.uuid(), reasons: z.array(z.enum(['exclusive_owner', 'incumbent', 'first_to_register', 'partner_over_direct'])) })
    .nullable(),
});
export type ConflictDetail = z.infer<typeof ConflictDetailSchema>;

/** POST /direct-accounts/import */
export const DirectAccountImportReportSchema = z.object({ imported: z.number().int(), rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })) });
export type DirectAccountImportReport = z.infer<typeof DirectAccountImportReportSchema>;
