import { z } from 'zod';
import { AgreementTypeSchema } from '../agreements/agreement.schema.js';
import { IsoDateSchema, IsoDateTimeSchema, MoneySchema, pageOf, PageQuerySchema, UuidSchema } from '../common/common.schema.js';
import {
  CompetitionDeclarationSchema,
  CompetitionFindingSchema,
  IncidentSeveritySchema,
  RenewalFactsSchema,
} from './renewal.schemas.js';

/**
 * The renewal review as the API answers it and what the apps send (issue #15, docs/domain.md §8). One review per
 * agreement; the facts and the recommendation are live while it is open and frozen when it is decided.
 */

export const RenewalReviewStatusSchema = z.enum(['open', 'decided']);
export type RenewalReviewStatus = z.infer<typeof RenewalReviewStatusSchema>;

export const RenewalOutcomeSchema = z.enum(['terminate', 'renew_on_probation', 'renew']);
export const FactStateSchema = z.enum(['ok', 'at_risk', 'failing']);
export const RenewalFactKeySchema = z.enum(['attainment', 'qualification', 'payments', 'service', 'competition']);

const Details = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** The recommendation as `recommendRenewal` gives it (reasons and changes carry their numbers). */
export const RenewalRecommendationSchema = z.object({
  outcome: RenewalOutcomeSchema,
  states: z.record(RenewalFactKeySchema, FactStateSchema),
  reasons: z.array(Details.and(z.object({ fact: RenewalFactKeySchema, state: FactStateSchema, code: z.string() }))),
  toChange: z.array(Details.and(z.object({ fact: RenewalFactKeySchema, code: z.string(), alone: RenewalOutcomeSchema }))),
});

/**
 * A record behind a fact; the apps turn `kind` + `id` into a link (admin and portal each to their own page of it).
 * `label` is data (a statement number, a course name, an invoice number), never a sentence.
 */
export const RenewalEvidenceKindSchema = z.enum([
  'statement',
  'agreement',
  'certificate',
  'qualification_review',
  'invoice',
  'deposit',
  'incident',
  'self_assessment',
  'competition_finding',
]);
export type RenewalEvidenceKind = z.infer<typeof RenewalEvidenceKindSchema>;
export const EvidenceLinkSchema = z.object({
  kind: RenewalEvidenceKindSchema,
  id: z.string(),
  label: z.string(),
  /** The business date of the record (statement period end, certificate expiry, invoice due date…). */
  date: IsoDateSchema.nullable(),
});
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

const UserRef = z.object({ id: UuidSchema, name: z.string() });

export const RenewalReviewSummarySchema = z.object({
  id: UuidSchema,
  agreementId: UuidSchema,
  agreementType: AgreementTypeSchema,
  partnerId: UuidSchema,
  partnerName: z.string(),
  status: RenewalReviewStatusSchema,
  /** The agreement's end date: the renewal date. */
  endDate: IsoDateSchema,
  /** A decision is due by this date (end date − policy decision lead days); past it and still open → overdue. */
  decideBy: IsoDateSchema,
  overdue: z.boolean(),
  openedOn: IsoDateSchema,
  /** True when a manager opened it, false when the sweep did. */
  openedByManager: z.boolean(),
  /** The live recommendation while open, the frozen one once decided. */
  recommendation: RenewalOutcomeSchema,
  decision: RenewalOutcomeSchema.nullable(),
  selfAssessed: z.boolean(),
  willNotRenew: z.boolean(),
});
export type RenewalReviewSummary = z.infer<typeof RenewalReviewSummarySchema>;

export const RenewalReviewPageSchema = pageOf(RenewalReviewSummarySchema);
export type RenewalReviewPage = z.infer<typeof RenewalReviewPageSchema>;

/** The partner's rating of the vendor (1–5 each; likelihood to recommend 0–10). */
export const VendorRatingInputSchema = z.object({
  product: z.number().int().min(1).max(5),
  competitiveness: z.number().int().min(1).max(5),
  margin: z.number().int().min(1).max(5),
  training: z.number().int().min(1).max(5),
  support: z.number().int().min(1).max(5),
  likelyToRecommend: z.number().int().min(0).max(10),
  comments: z.string().trim().max(4000).nullable().default(null),
});
export type VendorRatingInput = z.infer<typeof VendorRatingInputSchema>;

/** `POST /api/renewal-reviews/:id/self-assessment` (partner admin of the review's partner, while the review is open). */
export const SelfAssessmentInputSchema = z
  .object({
    wentWell: z.string().trim().min(1).max(4000),
    plan: z.string().trim().min(1).max(4000),
    /** The quota the partner proposes for the next term (CNY), or null. */
    proposedQuota: MoneySchema.nullable().default(null),
    competitionDeclaration: CompetitionDeclarationSchema.exclude(['not_submitted']),
    /** Which competing products, when the partner declares it sells some. */
    competingProducts: z.string().trim().max(2000).nullable().default(null),
    /** False: the partner declares it will not renew (a task for its channel manager). */
    willRenew: z.boolean(),
    rating: VendorRatingInputSchema,
  })
  .refine((v) => v.competitionDeclaration !== 'sells_competing_products' || !!v.competingProducts, {
    path: ['competingProducts'],
    message: 'validation.required',
  });
export type SelfAssessmentInput = z.infer<typeof SelfAssessmentInputSchema>;

export const SelfAssessmentSchema = z.object({
  wentWell: z.string(),
  plan: z.string(),
  proposedQuota: z.string().nullable(),
  competitionDeclaration: CompetitionDeclarationSchema.exclude(['not_submitted']),
  competingProducts: z.string().nullable(),
  willRenew: z.boolean(),
  rating: VendorRatingInputSchema,
  submittedBy: UserRef,
  submittedOn: IsoDateSchema,
});
export type SelfAssessment = z.infer<typeof SelfAssessmentSchema>;

/** `POST /api/renewal-reviews/:id/competition-finding` (channel manager, while open). */
export const CompetitionFindingInputSchema = z.object({
  finding: CompetitionFindingSchema,
  note: z.string().trim().min(1).max(4000),
});
export type CompetitionFindingInput = z.infer<typeof CompetitionFindingInputSchema>;

/** `POST /api/renewal-reviews/:id/decision` (channel manager), one shape per outcome. */
export const RenewalDecisionInputSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('renew'),
    rationale: z.string().trim().min(1).max(4000),
    /** The successor's quota per period; absent → the suggested one. */
    quota: MoneySchema.optional(),
  }),
  z.object({
    outcome: z.literal('renew_on_probation'),
    rationale: z.string().trim().min(1).max(4000),
    quota: MoneySchema.optional(),
    conditions: z.array(z.string().trim().min(1).max(500)).min(1).max(10),
    checkOn: IsoDateSchema,
  }),
  z.object({
    outcome: z.literal('terminate'),
    rationale: z.string().trim().min(1).max(4000),
    /** What happens to a paid deposit at the end date (ignored when there is none to handle). */
    depositHandling: z.enum(['refund', 'forfeit']).optional(),
  }),
]);
export type RenewalDecisionInput = z.infer<typeof RenewalDecisionInputSchema>;

export const ProbationConditionSchema = z.object({ id: UuidSchema, text: z.string(), met: z.boolean().nullable() });

export const RenewalDecisionSchema = z.object({
  outcome: RenewalOutcomeSchema,
  rationale: z.string(),
  decidedBy: UserRef,
  decidedAt: IsoDateTimeSchema,
  /** Renew / renew on probation: the successor agreement draft. */
  successorAgreementId: UuidSchema.nullable(),
  probation: z
    .object({ checkOn: IsoDateSchema, conditions: z.array(ProbationConditionSchema), outcome: z.enum(['met', 'not_met']).nullable() })
    .nullable(),
  /** Terminate: effective at the agreement's end date. */
  terminationEffective: IsoDateSchema.nullable(),
  depositHandling: z.enum(['refund', 'forfeit', 'carry_over', 'none']).nullable(),
});
export type RenewalDecision = z.infer<typeof RenewalDecisionSchema>;

export const RenewalReviewDetailSchema = RenewalReviewSummarySchema.extend({
  agreement: z.object({ startDate: IsoDateSchema, endDate: IsoDateSchema, renewalThresholdPercent: z.number() }),
  facts: RenewalFactsSchema,
  /** The records behind each fact. */
  evidence: z.record(RenewalFactKeySchema, z.array(EvidenceLinkSchema)),
  recommendationDetail: RenewalRecommendationSchema,
  /** Successor quota suggested from performance (last actual × policy growth factor); null without a basis. */
  suggestedQuota: z.string().nullable(),
  competitionFinding: z
    .object({ finding: CompetitionFindingSchema, note: z.string(), foundBy: UserRef, foundAt: IsoDateTimeSchema })
    .nullable(),
  selfAssessment: SelfAssessmentSchema.nullable(),
  decision: RenewalDecisionSchema.nullable(),
});
export type RenewalReviewDetail = z.infer<typeof RenewalReviewDetailSchema>;

export const RenewalReviewsQuerySchema = PageQuerySchema.extend({
  status: RenewalReviewStatusSchema.optional(),
  /** Open reviews whose end date is within this many days of today (the board's 30/60/90). */
  dueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  recommendation: RenewalOutcomeSchema.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  partnerId: UuidSchema.optional(),
});
export type RenewalReviewsQuery = z.infer<typeof RenewalReviewsQuerySchema>;

/** `POST /api/renewal-reviews` — a channel manager opens the review of an agreement on demand. */
export const OpenRenewalReviewInputSchema = z.object({ agreementId: UuidSchema });
export type OpenRenewalReviewInput = z.infer<typeof OpenRenewalReviewInputSchema>;

/**
 * `GET /api/agreements/:id/renewal-readiness` — what the partner sees on its agreement page from
 * `readinessWindowDays` (90) before the end: each fact's state, reasons and what would change it.
 */
export const RenewalReadinessSchema = z.object({
  agreementId: UuidSchema,
  endDate: IsoDateSchema,
  daysToEnd: z.number().int(),
  /** False before the window opens (the rest is then null). */
  shown: z.boolean(),
  reviewId: UuidSchema.nullable(),
  reviewStatus: RenewalReviewStatusSchema.nullable(),
  selfAssessed: z.boolean(),
  recommendation: RenewalRecommendationSchema.nullable(),
  evidence: z.record(RenewalFactKeySchema, z.array(EvidenceLinkSchema)).nullable(),
});
export type RenewalReadiness = z.infer<typeof RenewalReadinessSchema>;

// Incidents (owned by the partners module): service, complaints, reputation, compliance.
export const IncidentCategorySchema = z.enum(['service', 'complaint', 'reputation', 'compliance']);
export const IncidentInputSchema = z.object({
  occurredOn: IsoDateSchema,
  severity: IncidentSeveritySchema,
  category: IncidentCategorySchema,
  summary: z.string().trim().min(1).max(4000),
});
export type IncidentInput = z.infer<typeof IncidentInputSchema>;
export const IncidentSchema = IncidentInputSchema.extend({
  id: UuidSchema,
  partnerId: UuidSchema,
  recordedBy: UserRef,
  recordedAt: IsoDateTimeSchema,
});
export type Incident = z.infer<typeof IncidentSchema>;
export const IncidentListSchema = z.object({ items: z.array(IncidentSchema) });

/** `GET /api/vendor-ratings?from&to` — "what our partners think of us", aggregates only from `minimumRespondents`. */
export const RATING_DIMENSIONS = ['product', 'competitiveness', 'margin', 'training', 'support'] as const;
const Averages = z.object({
  product: z.string(),
  competitiveness: z.string(),
  margin: z.string(),
  training: z.string(),
  support: z.string(),
});
const Nps = z.object({ score: z.number().int().min(-100).max(100), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int() });
export const VendorRatingSummarySchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  respondents: z.number().int().min(0),
  minimumRespondents: z.number().int().min(1),
  /** False when fewer than minimumRespondents answered: averages, nps, comments are then null/empty. */
  shown: z.boolean(),
  /** Averages to one decimal, as strings. */
  averages: Averages.nullable(),
  nps: Nps.nullable(),
  /** Per quarter (YYYY-Qn); each quarter's figures shown only from minimumRespondents. */
  trend: z.array(z.object({ quarter: z.string(), respondents: z.number().int(), averages: Averages.nullable(), nps: Nps.nullable() })),
  /** Comments without the partner's name, newest first. */
  comments: z.array(z.object({ text: z.string(), submittedOn: IsoDateSchema })),
});
export type VendorRatingSummary = z.infer<typeof VendorRatingSummarySchema>;
export const VendorRatingsQuerySchema = z.object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() });

/** `POST /api/renewal-reviews/:id/probation-check` (channel manager, on or after the check date): each condition met or not. */
export const ProbationCheckInputSchema = z.object({
  conditions: z.array(z.object({ id: UuidSchema, met: z.boolean() })).min(1).max(10),
});
export type ProbationCheckInput = z.infer<typeof ProbationCheckInputSchema>;
