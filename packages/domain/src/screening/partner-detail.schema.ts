import { z } from 'zod';
import { JobRoleSchema, RoleSchema } from '../auth/auth.schema.js';
import { ChannelStrategySchema } from '../catalog/catalog.schema.js';
import { PartnerStatusSchema, PartnerSummarySchema, PartnerTypeSchema } from '../partners/partner.schema.js';
import { ContactSchema, TaxIdKindSchema } from './application.schema.js';
import { pageOf } from '../common/common.schema.js';

const Id = z.uuid();
const When = z.string();

export const PartnerStageSchema = z.enum([
  'applied',
  'screening',
  'info_requested',
  'approved',
  'trial',
  'trial_succeeded',
  'rejected',
  'active',
  'suspended',
  'terminated',
]);

export const SegmentRequestViewSchema = z.object({
  industryId: Id,
  regionId: Id,
  industryNameZh: z.string(),
  industryNameEn: z.string(),
  regionNameZh: z.string(),
  regionNameEn: z.string(),
  /** The segment's channel-strategy quadrant, and whether the requested partner type fits it. */
  strategy: ChannelStrategySchema.nullable(),
  fitWarning: z.enum(['direct_sales_segment', 'no_investment_segment', 'type_mismatch']).nullable(),
});

export const ScreeningViewSchema = z.object({
  id: Id,
  type: PartnerTypeSchema,
  scores: z.record(z.string(), z.number()),
  evidence: z.record(z.string(), z.string()),
  integrity: z.number().nullable(),
  weights: z.record(z.string(), z.number()),
  passMark: z.number(),
  total: z.number(),
  knockedOut: z.boolean(),
  passed: z.boolean(),
  notes: z.string().nullable(),
  scoredBy: z.string(),
  createdAt: When,
});
export type ScreeningView = z.infer<typeof ScreeningViewSchema>;

export const PartnerUserSchema = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  jobRole: JobRoleSchema.nullable(),
  disabled: z.boolean(),
  invitationPending: z.boolean(),
});
export type PartnerUser = z.infer<typeof PartnerUserSchema>;

export const PartnerDetailSchema = PartnerSummarySchema.extend({
  stage: PartnerStageSchema,
  taxIdKind: TaxIdKindSchema,
  regionId: Id.nullable(),
  headcount: z.number().nullable(),
  annualRevenue: z.string().nullable(),
  yearsTrading: z.number().nullable(),
  businessLines: z.array(z.string()),
  existingVendors: z.array(z.string()),
  cashFlow: z.object({ positiveLastYear: z.boolean(), receivablesDays: z.number(), notes: z.string().optional() }).nullable(),
  personInCharge: ContactSchema.nullable(),
  contacts: z.array(ContactSchema),
  declarations: z.object({ integrity: z.boolean(), noConflictingCompetitorProducts: z.boolean() }).nullable(),
  appliedAt: When,
  approvedAt: When.nullable(),
  segments: z.array(SegmentRequestViewSchema),
  statusHistory: z.array(
    z.object({
      fromStatus: PartnerStatusSchema.nullable(),
      toStatus: PartnerStatusSchema,
      reason: z.string().nullable(),
      actorName: z.string().nullable(),
      occurredAt: When,
    }),
  ),
  screenings: z.array(ScreeningViewSchema),
  decisions: z.array(
    z.object({
      id: Id,
      decision: z.enum(['reject', 'request_info', 'approve_trial', 'approve']),
      text: z.string().nullable(),
      decidedBy: z.string(),
      createdAt: When,
    }),
  ),
  infoRequests: z.array(
    z.object({
      id: Id,
      question: z.string(),
      askedBy: z.string(),
      askedAt: When,
      answer: z.string().nullable(),
      answeredBy: z.string().nullable(),
      answeredAt: When.nullable(),
    }),
  ),
  trials: z.array(
    z.object({
      id: Id,
      customer: z.string(),
      scope: z.string(),
      endDate: z.string(),
      startedAt: When,
      outcome: z.enum(['success', 'failure']).nullable(),
      outcomeNotes: z.string().nullable(),
      outcomeAt: When.nullable(),
    }),
  ),
  users: z.array(PartnerUserSchema),
  /** What may happen next from here (so the apps show only valid actions). */
  allowedDecisions: z.array(z.enum(['reject', 'request_info', 'approve_trial', 'approve'])),
  allowedStatusChanges: z.array(PartnerStatusSchema),
});
export type PartnerDetail = z.infer<typeof PartnerDetailSchema>;

export const PartnerDirectoryItemSchema = PartnerSummarySchema.extend({
  stage: PartnerStageSchema,
  appliedAt: When,
  segmentCount: z.number().int(),
  latestScore: z.number().nullable(),
});
export type PartnerDirectoryItem = z.infer<typeof PartnerDirectoryItemSchema>;

/** GET /partners: a page of the directory; a search's total stops at 1000 (`totalExact: false` then means "1000 or more"). */
export const PartnerDirectoryPageSchema = pageOf(PartnerDirectoryItemSchema).extend({ totalExact: z.boolean().optional() });
export type PartnerDirectoryPage = z.infer<typeof PartnerDirectoryPageSchema>;
