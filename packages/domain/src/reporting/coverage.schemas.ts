import { z } from 'zod';
import { ChannelStrategySchema, RegionLevelSchema } from '../catalog/catalog.schema.js';
import { IsoDateSchema, IsoDateTimeSchema, UuidSchema } from '../common/common.schema.js';
import { PartnerTypeSchema } from '../partners/partner.schema.js';
import { RebateRunPeriodSchema } from '../rebates/rebates.requests.js';

/**
 * The leadership view's requests and answers (issue #16, docs/domain.md §9 "Coverage and gaps", ADR 0019):
 * GET /api/dashboards/coverage, /coverage/cell, /gaps, /kpis and POST /coverage/plan. The figures are computed by the
 * pure rules in coverage.rules.ts and vital-signs.rules.ts from the reporting module's materialized views.
 */

/** An exact decimal as a string (money, sums); never a float. May be signed where a difference is meant. */
export const DecimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/);
/** A percentage with two decimals ("87.50"); null where there is nothing to divide by (no quota, no submissions). */
export const PercentStringSchema = DecimalStringSchema;
const count = z.number().int().nonnegative();

/** What the heat map colours the matrix by. */
export const CoverageMeasureSchema = z.enum(['partners', 'pipeline', 'won', 'certified', 'attainment', 'gaps']);
export type CoverageMeasure = z.infer<typeof CoverageMeasureSchema>;

/** The four gap flags of a segment (docs/domain.md §9). */
export const GapKindSchema = z.enum(['no_strategic_partner', 'no_smb_partner', 'exclusive_behind_pace', 'certifications_lapse']);
export type GapKind = z.infer<typeof GapKindSchema>;
/** The order gap kinds are listed in, and how ties of equal score are broken first. */
export const GAP_KINDS = GapKindSchema.options;

/** What a gap suggests doing (the quadrant's strategy decides it, see `suggestedAction`). */
export const SuggestedActionSchema = z.enum([
  'recruit_strategic',
  'recruit_smb',
  'review_exclusive_holder',
  'renew_certifications',
  'leave_to_direct_sales',
]);
export type SuggestedAction = z.infer<typeof SuggestedActionSchema>;

/**
 * Where a gap's action starts, as the admin app's TanStack route (`to`) and its typed search or params — never a URL
 * string and never words: the app builds the link, in the user's language.
 */
export const LinkTargetSchema = z.discriminatedUnion('to', [
  /** The applications queue filtered to the segment and the partner type to recruit. */
  z.object({
    to: z.literal('/partners'),
    search: z.object({ view: z.literal('queue'), type: PartnerTypeSchema.optional(), industryId: UuidSchema, regionId: UuidSchema }),
  }),
  /** The exclusive holder's agreement (its performance and quota). */
  z.object({ to: z.literal('/agreements/$agreementId'), params: z.object({ agreementId: UuidSchema }) }),
  /** Certifications expiring, filtered to the partners of the segment. */
  z.object({
    to: z.literal('/training/certifications'),
    search: z.object({ status: z.literal('expiring'), industryId: UuidSchema, regionId: UuidSchema }),
  }),
  /** The segment's rating and strategy (where a segment is handed to direct sales). */
  z.object({ to: z.literal('/segments'), search: z.object({ industryId: UuidSchema, regionId: UuidSchema }) }),
  /** The vendor-rating trend of the renewal self-assessments (issue #15). */
  z.object({ to: z.literal('/renewals/ratings'), search: z.object({ from: IsoDateSchema, to: IsoDateSchema }) }),
]);
export type LinkTarget = z.infer<typeof LinkTargetSchema>;

/**
 * The filters every dashboard takes. `period` is a calendar quarter/half/year ("2026-Q4", "2026-H2", "2026"; default:
 * the business day's quarter); `partnerType` and `productLineId` narrow the measures (partners counted, pipeline, won
 * revenue), never the gap flags, which always look at every partner of the segment.
 */
export const DashboardFiltersSchema = z.object({
  period: RebateRunPeriodSchema.optional(),
  productLineId: UuidSchema.optional(),
  partnerType: PartnerTypeSchema.optional(),
});
export type DashboardFilters = z.infer<typeof DashboardFiltersSchema>;

export const ExportFormatSchema = z.enum(['csv', 'xlsx']);

/** GET /api/dashboards/coverage. `regionId` is the parent to drill into (absent: the top of the tree). */
export const CoverageQuerySchema = DashboardFiltersSchema.extend({
  industryId: UuidSchema.optional(),
  regionId: UuidSchema.optional(),
  measure: CoverageMeasureSchema.default('pipeline'),
  format: ExportFormatSchema.optional(),
});
export type CoverageQuery = z.infer<typeof CoverageQuerySchema>;

const IndustryRefSchema = z.object({ id: UuidSchema, code: z.string(), nameZh: z.string(), nameEn: z.string() });
const RegionRefSchema = z.object({ id: UuidSchema, code: z.string(), nameZh: z.string(), nameEn: z.string(), level: RegionLevelSchema });
export const PartnerRefSchema = z.object({ id: UuidSchema, name: z.string() });

/** The calendar period the figures cover (first and last business day, inclusive). */
export const DashboardPeriodSchema = z.object({ key: RebateRunPeriodSchema, start: IsoDateSchema, end: IsoDateSchema });

/** How fresh the figures are: the last refresh of the views and now − that, in whole seconds. */
const Freshness = { asOf: IsoDateTimeSchema, staleSeconds: count };

/** Counts of distinct active partners in a cell, by type (a partner present in several child regions counts once). */
export const PartnersByTypeSchema = z.object({ strategic: count, smb: count, total: count });

/** A recruitment target or an exclusive scope drafted in planning mode that touches the cell. */
export const PlannedInCellSchema = z.object({
  recruits: z.object({ strategic: count, smb: count }),
  exclusiveHolder: PartnerRefSchema.nullable(),
});

/** One segment (industry × region) of the matrix, its measures rolled up over the region's subtree. */
export const CoverageCellSchema = z.object({
  industryId: UuidSchema,
  regionId: UuidSchema,
  /** The rated segment, null when nobody rated this industry × region (no quadrant, no coverage gaps). */
  segmentId: UuidSchema.nullable(),
  strategy: ChannelStrategySchema.nullable(),
  /** 0–100, null when unrated. */
  marketPotential: z.number().int().min(0).max(100).nullable(),
  partners: PartnersByTypeSchema,
  /**
   * The partner whose exclusive scope covers the whole cell on the business day, else null. `agreementId` is null only
   * in a plan's answer, for a drafted scope.
   */
  exclusiveHolder: PartnerRefSchema.extend({ agreementId: UuidSchema.nullable() }).nullable(),
  /** Approved registrations' value × the partner's share. */
  openPipeline: DecimalStringSchema,
  /** Won registrations closed in the period, × each partner's split share. */
  wonRevenue: DecimalStringSchema,
  /** Distinct certified people of the cell's partners. */
  certifiedHeadcount: count,
  /** Σ quota and Σ achievement of the cell's partners' current evaluation periods; attainment = Σ achievement ÷ Σ quota. */
  quota: DecimalStringSchema,
  achievement: DecimalStringSchema,
  attainmentPercent: PercentStringSchema.nullable(),
  gaps: z.array(GapKindSchema),
  /** The chosen measure's value (decimal string), null where it has none (attainment without quota). */
  heat: DecimalStringSchema.nullable(),
  /** Only in a plan's answer: what the drafts add to this cell. */
  planned: PlannedInCellSchema.optional(),
});
export type CoverageCell = z.infer<typeof CoverageCellSchema>;

/** A column of the matrix: a child region of the drilled-into parent. `hasChildren` says whether it can be drilled. */
export const CoverageColumnSchema = RegionRefSchema.extend({ hasChildren: z.boolean() });

/** A row: one industry, its cells in column order, and `total` = the industry in the parent region as a whole. */
export const CoverageRowSchema = z.object({ industry: IndustryRefSchema, cells: z.array(CoverageCellSchema), total: CoverageCellSchema.nullable() });

/** GET /api/dashboards/coverage. */
export const CoverageMatrixSchema = z.object({
  ...Freshness,
  period: DashboardPeriodSchema,
  measure: CoverageMeasureSchema,
  /** The drilled-into region (null at the top) and its ancestors, root first, for the breadcrumb. */
  parent: RegionRefSchema.nullable(),
  breadcrumb: z.array(RegionRefSchema),
  columns: z.array(CoverageColumnSchema),
  rows: z.array(CoverageRowSchema),
  /** Smallest and largest non-null heat value over the cells (null when none), for the colour scale. */
  heatRange: z.object({ min: DecimalStringSchema, max: DecimalStringSchema }).nullable(),
});
export type CoverageMatrix = z.infer<typeof CoverageMatrixSchema>;

/** GET /api/dashboards/coverage/cell. */
export const CoverageCellQuerySchema = DashboardFiltersSchema.extend({
  industryId: UuidSchema,
  regionId: UuidSchema,
  dealsLimit: z.coerce.number().int().min(1).max(500).default(100),
  format: ExportFormatSchema.optional(),
});
export type CoverageCellQuery = z.infer<typeof CoverageCellQuerySchema>;

export const CellPartnerSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  type: PartnerTypeSchema,
  /** The child regions of the cell the partner is present in (one partner, several regions, counted once). */
  regionIds: z.array(UuidSchema),
  /** Holds an exclusive scope in force on the business day that covers the cell or part of it (same industry or all). */
  exclusive: z.boolean(),
  certifiedHeadcount: count,
  /** Valid certifications that expire before the partner's agreement ends. */
  certificationsLapsing: count,
  agreementEndsOn: IsoDateSchema.nullable(),
  quota: DecimalStringSchema,
  achievement: DecimalStringSchema,
  attainmentPercent: PercentStringSchema.nullable(),
  /** The attainment expected by now (elapsed share of the evaluation period × 100). */
  pacePercent: PercentStringSchema.nullable(),
});
export type CellPartner = z.infer<typeof CellPartnerSchema>;

export const CellDealSchema = z.object({
  id: UuidSchema,
  customerName: z.string(),
  partnerId: UuidSchema,
  partnerName: z.string(),
  regionId: UuidSchema,
  status: z.enum(['approved', 'won']),
  amount: DecimalStringSchema,
  /** The partner's split share, "1" unless a conflict split the deal. */
  share: DecimalStringSchema,
  /** amount × share: what the deal adds to the cell's pipeline or won revenue. */
  counted: DecimalStringSchema,
  closedOn: IsoDateSchema.nullable(),
});

/** GET /api/dashboards/coverage/cell: the partners and deals behind a cell (deals largest first, up to `dealsLimit`). */
export const CoverageCellDetailSchema = z.object({
  ...Freshness,
  period: DashboardPeriodSchema,
  industry: IndustryRefSchema,
  region: RegionRefSchema,
  cell: CoverageCellSchema,
  partners: z.array(CellPartnerSchema),
  deals: z.array(CellDealSchema),
  dealsTotal: count,
});
export type CoverageCellDetail = z.infer<typeof CoverageCellDetailSchema>;

/** GET /api/dashboards/gaps: rated segments in the region's subtree (every level), ranked. */
export const GapsQuerySchema = DashboardFiltersSchema.extend({
  industryId: UuidSchema.optional(),
  regionId: UuidSchema.optional(),
  kind: GapKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  format: ExportFormatSchema.optional(),
});
export type GapsQuery = z.infer<typeof GapsQuerySchema>;

export const GapItemSchema = z.object({
  /** 1-based position in the ranking. */
  rank: z.number().int().min(1),
  kind: GapKindSchema,
  industry: IndustryRefSchema,
  region: RegionRefSchema,
  strategy: ChannelStrategySchema.nullable(),
  marketPotential: z.number().int().min(0).max(100).nullable(),
  /** 0–1, per kind (docs/domain.md §9): 1 for an uncovered segment, the pace shortfall, the lapsing share of certified staff. */
  size: DecimalStringSchema,
  /** market potential × size: what the list is ranked by. */
  score: DecimalStringSchema,
  action: SuggestedActionSchema,
  link: LinkTargetSchema,
  /** The figures behind the flag. The holder (agreement null for a plan's draft) only for a pace gap. */
  holder: PartnerRefSchema.extend({ agreementId: UuidSchema.nullable() }).nullable(),
  /** For a pace gap the holder's attainment, otherwise the segment's (Σ achievement ÷ Σ quota). */
  attainmentPercent: PercentStringSchema.nullable(),
  /** For a pace gap: the attainment expected by now; otherwise null. */
  pacePercent: PercentStringSchema.nullable(),
  certificationsLapsing: count,
  certifiedHeadcount: count,
});
export type GapItem = z.infer<typeof GapItemSchema>;

export const GapListSchema = z.object({ ...Freshness, period: DashboardPeriodSchema, items: z.array(GapItemSchema), total: count });
export type GapList = z.infer<typeof GapListSchema>;

/** GET /api/dashboards/kpis. */
export const KpisQuerySchema = DashboardFiltersSchema.extend({
  industryId: UuidSchema.optional(),
  regionId: UuidSchema.optional(),
  top: z.coerce.number().int().min(1).max(50).default(5),
  /** Certifications expiring and renewals due within this many days of the business day. */
  withinDays: z.coerce.number().int().min(1).max(365).default(90),
  format: ExportFormatSchema.optional(),
});
export type KpisQuery = z.infer<typeof KpisQuerySchema>;

export const AttainmentBucketSchema = z.enum(['lt50', 'from50to80', 'from80to100', 'from100to120', 'gte120']);
export type AttainmentBucket = z.infer<typeof AttainmentBucketSchema>;

export const RankedPartnerSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  type: PartnerTypeSchema,
  quota: DecimalStringSchema,
  achievement: DecimalStringSchema,
  attainmentPercent: PercentStringSchema,
});
export type RankedPartner = z.infer<typeof RankedPartnerSchema>;

export const KpisSchema = z.object({
  ...Freshness,
  period: DashboardPeriodSchema,
  /** Registrations submitted in the period, and of those how many were approved and won; conversions in percent. */
  funnel: z.object({
    submitted: count,
    approved: count,
    won: count,
    approvedOfSubmitted: PercentStringSchema.nullable(),
    wonOfApproved: PercentStringSchema.nullable(),
    wonOfSubmitted: PercentStringSchema.nullable(),
  }),
  /** Conflicts opened and resolved in the period; median hours from opening to resolution of those resolved. */
  conflicts: z.object({ opened: count, resolved: count, stillOpen: count, medianHoursToResolve: DecimalStringSchema.nullable() }),
  /** Registrations whose review went past the review SLA, of those reviewed in the period. */
  slaBreaches: z.object({ breached: count, reviewed: count, percent: PercentStringSchema.nullable() }),
  /** Partners with a quota in the period, by attainment bucket (every bucket present, in order); those without quota apart. */
  attainment: z.object({ buckets: z.array(z.object({ bucket: AttainmentBucketSchema, count })), withoutQuota: count }),
  topPartners: z.array(RankedPartnerSchema),
  bottomPartners: z.array(RankedPartnerSchema),
  /** Rebates accrued (ledger accruals net of reversals and clawbacks) vs paid, and what remains owed. */
  rebateLiability: z.object({ accrued: DecimalStringSchema, paid: DecimalStringSchema, outstanding: DecimalStringSchema }),
  certificationsExpiring: z.object({ withinDays: count, count, partners: count }),
  /** Agreements ending within `withinDays`, by their open review's recommendation ('none' = no review yet). */
  renewalsDue: z.object({
    withinDays: count,
    total: count,
    byRecommendation: z.object({ renew: count, renew_on_probation: count, terminate: count, none: count }),
  }),
  /** The vendor-rating trend lives on the renewals ratings page; this is the link to it for the same period. */
  vendorRating: z.object({ link: LinkTargetSchema }),
});
export type Kpis = z.infer<typeof KpisSchema>;

/** A new exclusive scope drafted in planning mode (nothing is created). */
export const DraftExclusiveScopeSchema = z
  .object({ partnerId: UuidSchema, industryId: UuidSchema, regionId: UuidSchema, start: IsoDateSchema, end: IsoDateSchema })
  .refine((d) => d.end >= d.start, { message: 'validation.end_before_start', path: ['end'] });
export type DraftExclusiveScope = z.infer<typeof DraftExclusiveScopeSchema>;

/** A recruitment target drafted in planning mode: `count` more active partners of the type in the segment. */
export const DraftRecruitmentTargetSchema = z.object({
  industryId: UuidSchema,
  regionId: UuidSchema,
  partnerType: PartnerTypeSchema,
  count: z.number().int().min(1).max(1000),
});
export type DraftRecruitmentTarget = z.infer<typeof DraftRecruitmentTargetSchema>;

/** POST /api/dashboards/coverage/plan: the matrix query plus the drafts (at least one). */
export const CoveragePlanRequestSchema = CoverageQuerySchema.omit({ format: true })
  .extend({
    exclusiveScopes: z.array(DraftExclusiveScopeSchema).max(50).default([]),
    recruitmentTargets: z.array(DraftRecruitmentTargetSchema).max(200).default([]),
  })
  .refine((p) => p.exclusiveScopes.length + p.recruitmentTargets.length > 0, { message: 'zod.required', path: ['recruitmentTargets'] });
export type CoveragePlanRequest = z.infer<typeof CoveragePlanRequestSchema>;

/** How a draft exclusive scope meets an existing holder: the same region, an ancestor of it or a descendant. */
export const OverlapRelationSchema = z.enum(['same_region', 'holder_covers_draft', 'draft_covers_holder']);

export const ExclusiveOverlapSchema = z.object({
  /** Index of the draft in `exclusiveScopes`. */
  draftIndex: z.number().int().nonnegative(),
  relation: OverlapRelationSchema,
  holder: PartnerRefSchema.extend({ agreementId: UuidSchema.nullable() }),
  /** The holder's scope entry (null = all industries / all regions) and term. */
  industryId: UuidSchema.nullable(),
  regionId: UuidSchema.nullable(),
  from: IsoDateSchema,
  until: IsoDateSchema,
});
export type ExclusiveOverlap = z.infer<typeof ExclusiveOverlapSchema>;

export const GapKeySchema = z.object({ industryId: UuidSchema, regionId: UuidSchema, kind: GapKindSchema });

/** The answer to a plan: the matrix and gaps as they would be, which gaps the drafts close or open, and overlaps. */
export const CoveragePlanSchema = z.object({
  matrix: CoverageMatrixSchema,
  gaps: z.array(GapItemSchema),
  closedGaps: z.array(GapKeySchema),
  openedGaps: z.array(GapKeySchema),
  overlaps: z.array(ExclusiveOverlapSchema),
});
export type CoveragePlan = z.infer<typeof CoveragePlanSchema>;
