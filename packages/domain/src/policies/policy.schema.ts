import { z } from 'zod';

const pct = z.number().min(0).max(1000);
const posInt = z.number().int().min(1);

const RebateTierSchema = z.object({ attainmentPercent: pct, ratePercent: z.number().min(0).max(100) });

/**
 * Every configurable default of DOMAIN.md in one place. Code reads these values from the
 * policies service (persisted, audited); the defaults below are what a fresh install starts with.
 */
export const PoliciesSchema = z.object({
  segments: z.object({
    highPotentialAt: z.number().int().min(1).max(100),
    hardDifficultyAt: z.number().int().min(1).max(100),
  }),
  screening: z.object({
    passMark: z.number().min(0).max(100),
    integrityKnockoutBelow: z.number().int().min(0).max(5),
    strategicWeights: z.object({
      customerRelationships: pct,
      execution: pct,
      strategicFit: pct,
      segmentCoverage: pct,
    }),
    smbWeights: z.object({
      cashFlowStability: pct,
      customerProximity: pct,
      dedicatedOwner: pct,
      integrityCompliance: pct,
    }),
  }),
  registrations: z.object({
    trialOpenRegistrationLimit: z.number().int().min(0).max(100),
    protectionDays: posInt.max(730),
    extensionDays: posInt.max(365),
    maxExtensions: z.number().int().min(0).max(5),
    reviewSlaBusinessDays: posInt.max(30),
    fuzzyNameThreshold: z.number().min(0.1).max(1),
    /** customerNamesMatch threshold for Latin brands (measured by bench/matching.bench.mjs). */
    nameMatchThreshold: z.number().min(0.5).max(1).default(0.85),
    /** Evidence files one registration may carry (issue #12: an upload loop must not fill the database). */
    maxEvidenceFiles: posInt.max(100).default(10),
    autoApproveInOwnExclusiveScope: z.boolean(),
    expiryReminderDays: z
      .array(posInt)
      .max(5)
      .refine((d) => d.every((v, i) => i === 0 || d[i - 1] > v), { message: 'validation.policy_reminders_descending' }),
  }),
  training: z.object({
    quizPassMarkPercent: z.number().min(1).max(100),
    quizAttemptLimit: posInt.max(20),
    certificationValidityMonths: posInt.max(120),
    certificationReminderDays: z
      .array(posInt)
      .max(5)
      .refine((d) => d.every((v, i) => i === 0 || d[i - 1] > v), { message: 'validation.policy_reminders_descending' }),
    qualificationReviewIntervalMonths: posInt.max(36),
  }),
  rebates: z.object({
    thresholdPercent: pct,
    mode: z.enum(['retroactive', 'incremental']),
    tiers: z
      .array(RebateTierSchema)
      .min(1)
      .max(10)
      .refine((t) => t.every((v, i) => i === 0 || t[i - 1].attainmentPercent < v.attainmentPercent), {
        message: 'validation.policy_tiers_ascending',
      }),
    /** Holding period: days after a statement's accruals were booked before its amount may be paid (0 = none). */
    holdingDays: z.number().int().min(0).max(365).default(0),
  }),
  renewals: z.object({
    openDaysBeforeEnd: posInt.max(365),
    /** The partner sees its renewal readiness from this many days before the end. */
    readinessWindowDays: posInt.max(730).default(90),
    /** A decision is due this many days before the end; an open review past it is overdue and escalated. */
    decisionLeadDays: z.number().int().min(0).max(365).default(14),
    /** The successor's suggested quota: the last period's actual × this factor (exact decimal). */
    quotaGrowthFactor: z.string().regex(/^\d{1,2}(\.\d{1,4})?$/).default('1.10'),
    /** Vendor-rating aggregates are shown only from this many answering partners. */
    ratingMinimumRespondents: posInt.max(100).default(5),
  }),
  auth: z.object({
    loginMaxFailures: posInt.max(100),
    loginWindowMinutes: posInt.max(1440),
    sessionTtlHours: posInt.max(24 * 30),
  }),
  display: z.object({ defaultTimeZone: z.string().min(1) }),
});
export type Policies = z.infer<typeof PoliciesSchema>;

export const DEFAULT_POLICIES: Policies = {
  segments: { highPotentialAt: 50, hardDifficultyAt: 50 },
  screening: {
    passMark: 60,
    integrityKnockoutBelow: 3,
    strategicWeights: { customerRelationships: 30, execution: 25, strategicFit: 20, segmentCoverage: 25 },
    smbWeights: { cashFlowStability: 25, customerProximity: 25, dedicatedOwner: 20, integrityCompliance: 30 },
  },
  registrations: {
    trialOpenRegistrationLimit: 3,
    protectionDays: 90,
    extensionDays: 30,
    maxExtensions: 1,
    reviewSlaBusinessDays: 2,
    fuzzyNameThreshold: 0.6,
    nameMatchThreshold: 0.85,
    maxEvidenceFiles: 10,
    autoApproveInOwnExclusiveScope: false,
    expiryReminderDays: [14, 3],
  },
  training: {
    quizPassMarkPercent: 80,
    quizAttemptLimit: 3,
    certificationValidityMonths: 24,
    certificationReminderDays: [60, 30],
    qualificationReviewIntervalMonths: 6,
  },
  rebates: {
    thresholdPercent: 80,
    mode: 'retroactive',
    tiers: [
      { attainmentPercent: 80, ratePercent: 2 },
      { attainmentPercent: 100, ratePercent: 4 },
      { attainmentPercent: 120, ratePercent: 6 },
    ],
    holdingDays: 0,
  },
  renewals: { openDaysBeforeEnd: 60, readinessWindowDays: 90, decisionLeadDays: 14, quotaGrowthFactor: '1.10', ratingMinimumRespondents: 5 },
  auth: { loginMaxFailures: 5, loginWindowMinutes: 15, sessionTtlHours: 12 },
  display: { defaultTimeZone: 'Asia/Shanghai' },
};

export const PoliciesResponseSchema = z.object({
  policies: PoliciesSchema,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type PoliciesResponse = z.infer<typeof PoliciesResponseSchema>;
