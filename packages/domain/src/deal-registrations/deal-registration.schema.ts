import { z } from 'zod';
import { IsoDateSchema, MoneySchema, UuidSchema } from '../common/common.schema.js';
import type { Transitions } from '../common/state-machine.js';

export const RegistrationStatusSchema = z.enum(['draft', 'submitted', 'in_review', 'in_conflict', 'approved', 'won', 'lost', 'expired', 'rejected', 'withdrawn']);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

/** DOMAIN §5: draft → submitted → (in_review | in_conflict) → approved → (won | lost | expired); also rejected, withdrawn. */
export const REGISTRATION_TRANSITIONS: Transitions<RegistrationStatus> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['in_review', 'in_conflict'],
  in_review: ['approved', 'rejected', 'in_conflict', 'withdrawn'],
  in_conflict: ['approved', 'rejected', 'in_review', 'withdrawn'],
  approved: ['won', 'lost', 'expired', 'withdrawn'],
  won: [],
  lost: [],
  expired: [],
  rejected: [],
  withdrawn: [],
};

export const DecisionLevelSchema = z.enum(['user_influencer', 'procurement', 'decision_maker']);
export const DealStageSchema = z.enum(['qualifying', 'solution', 'proposal', 'negotiation']);

export const RegistrationCustomerSchema = z.object({
  name: z.string().trim().min(2).max(200),
  taxId: z.string().trim().toUpperCase().max(40).optional(),
  domain: z.string().trim().toLowerCase().max(253).optional(),
  industryId: UuidSchema,
  regionId: UuidSchema,
  address: z.string().trim().max(500).optional(),
});

export const RegistrationInputSchema = z.object({
  customer: RegistrationCustomerSchema,
  contacts: z
    .array(z.object({ name: z.string().trim().min(1).max(100), title: z.string().trim().max(100).optional(), decisionLevel: DecisionLevelSchema, email: z.email().optional(), phone: z.string().trim().max(40).optional() }))
    .min(1)
    .max(20),
  products: z.array(z.object({ productId: UuidSchema, quantity: z.number().int().min(1).max(100000) })).min(1).max(50),
  estimatedAmount: MoneySchema,
  expectedCloseDate: IsoDateSchema,
  stage: DealStageSchema,
  need: z.string().trim().min(10).max(4000),
  evidence: z
    .object({
      proofOfCommunication: z.string().trim().max(4000).optional(),
      customerFeedback: z.string().trim().max(4000).optional(),
      customerDetails: z.string().trim().max(4000).optional(),
    })
    .default({}),
});
export type RegistrationInput = z.infer<typeof RegistrationInputSchema>;

/** POST /deal-registrations/:id/extend — what moved since the registration (at least a sentence). */
export const ExtendRegistrationSchema = z.object({ progress: z.string().trim().min(5).max(2000) });
/** POST /deal-registrations/:id/won — the deal's amount and the day it was won. */
export const WonRegistrationSchema = z.object({ amount: MoneySchema, date: IsoDateSchema });
/** POST /deal-registrations/:id/lost — why the deal was lost. */
export const LostRegistrationSchema = z.object({ reason: z.string().trim().min(1).max(2000) });

export type ConflictKind = 'duplicate_customer' | 'exclusive_territory' | 'direct_sales';

/** Which evidence the covering agreement's standard demands and the registration lacks. */
export function missingEvidence(
  standard: { proofOfCommunication: boolean; customerFeedback: boolean; customerDetails: boolean } | null,
  evidence: RegistrationInput['evidence'],
): ('proofOfCommunication' | 'customerFeedback' | 'customerDetails')[] {
  if (!standard) return [];
  return (['proofOfCommunication', 'customerFeedback', 'customerDetails'] as const).filter((k) => standard[k] && !evidence[k]?.trim());
}
