import { z } from 'zod';
import { UuidSchema } from '../common/common.schema.js';
import type { Transitions } from '../common/state-machine.js';

export const PartnerTypeSchema = z.enum(['strategic', 'smb']);
export type PartnerType = z.infer<typeof PartnerTypeSchema>;

export const PartnerStatusSchema = z.enum(['applied', 'screening', 'rejected', 'trial', 'active', 'suspended', 'terminated']);
export type PartnerStatus = z.infer<typeof PartnerStatusSchema>;

/**
 * Partner lifecycle (DOMAIN §3): applied → screening → (rejected | trial) → active → (suspended) → terminated.
 * Approval "straight to an agreement" moves screening → active once its first agreement activates,
 * so screening → active is allowed too; a suspended partner can be reactivated.
 */
export const PARTNER_TRANSITIONS: Transitions<PartnerStatus> = {
  applied: ['screening', 'rejected'],
  screening: ['rejected', 'trial', 'active'],
  rejected: [],
  trial: ['active', 'rejected', 'terminated'],
  active: ['suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  terminated: [],
};

export const PartnerSummarySchema = z.object({
  id: UuidSchema,
  name: z.string(),
  nameEn: z.string().nullable(),
  type: PartnerTypeSchema,
  status: PartnerStatusSchema,
  taxId: z.string(),
  domain: z.string().nullable(),
  city: z.string().nullable(),
  /** The city's English name where the catalog has one (English pages show it instead of the Chinese name). */
  cityEn: z.string().nullable().optional(),
  managerId: UuidSchema.nullable(),
  managerName: z.string().nullable(),
  createdAt: z.string(),
});
export type PartnerSummary = z.infer<typeof PartnerSummarySchema>;
