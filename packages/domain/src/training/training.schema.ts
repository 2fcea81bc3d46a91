import { z } from 'zod';
import { JobRoleSchema } from '../auth/auth.schema.js';
import { IsoDateSchema, LocaleSchema, MoneySchema, pageOf, UuidSchema } from '../common/common.schema.js';
import type { Transitions } from '../common/state-machine.js';

/** DOMAIN §6: solution technical training, GTM sales training, sales-process sharing. */
export const CourseTrackSchema = z.enum(['solution_technical', 'gtm_sales', 'sales_process']);
export type CourseTrack = z.infer<typeof CourseTrackSchema>;
export const CourseStatusSchema = z.enum(['draft', 'published', 'archived']);
export type CourseStatus = z.infer<typeof CourseStatusSchema>;

const title = z.string().trim().min(1).max(200);
const httpUrl = z.url({ protocol: /^https?$/ }).max(1000);

/** A module: Markdown body (rendered without raw HTML), further links, an optional video. */
export const CourseModuleSchema = z.object({
  id: UuidSchema,
  title,
  body: z.string().max(50_000).default(''),
  links: z
    .array(z.object({ label: z.string().trim().min(1).max(200), url: httpUrl }))
    .max(20)
    .default([]),
  videoUrl: httpUrl.nullable().default(null),
});
export type CourseModule = z.infer<typeof CourseModuleSchema>;

export const QuizOptionSchema = z.object({ id: UuidSchema, text: z.string().trim().min(1).max(500), correct: z.boolean() });
export const QuizQuestionSchema = z
  .object({
    id: UuidSchema,
    kind: z.enum(['single', 'multiple']),
    prompt: z.string().trim().min(1).max(2000),
    options: z.array(QuizOptionSchema).min(2).max(8),
  })
  .refine((q) => (q.kind === 'single' ? q.options.filter((o) => o.correct).length === 1 : q.options.some((o) => o.correct)), {
    message: 'validation.quiz_correct_options',
    path: ['options'],
  })
  .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, { message: 'validation.duplicate_ids', path: ['options'] });
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;

/** What an author writes. Module and question ids are chosen by the client (crypto.randomUUID) so edits keep them stable. */
export const CourseInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'validation.course_code' }),
    title,
    summary: z.string().trim().max(2000).default(''),
    track: CourseTrackSchema,
    jobRole: JobRoleSchema,
    productLineId: UuidSchema,
    language: LocaleSchema,
    durationMinutes: z.number().int().min(1).max(6000).default(30),
    modules: z.array(CourseModuleSchema).min(1, { message: 'validation.course_modules_required' }).max(50),
    quiz: z.array(QuizQuestionSchema).max(100).default([]),
  })
  .refine((c) => new Set(c.modules.map((m) => m.id)).size === c.modules.length, { message: 'validation.duplicate_ids', path: ['modules'] })
  .refine((c) => new Set(c.quiz.map((q) => q.id)).size === c.quiz.length, { message: 'validation.duplicate_ids', path: ['quiz'] });
export type CourseInput = z.infer<typeof CourseInputSchema>;

/** PATCH: the whole content again (an editor saves the document), and/or a status change. */
export const CoursePatchSchema = z.object({ content: CourseInputSchema.optional(), status: CourseStatusSchema.optional() });

export const COURSE_TRANSITIONS: Transitions<CourseStatus> = {
  draft: ['published', 'archived'],
  published: ['archived'],
  archived: ['published'],
};

export const EnrolmentStatusSchema = z.enum(['in_progress', 'completed']);

export const EnrolmentViewSchema = z.object({
  id: UuidSchema,
  courseId: UuidSchema,
  userId: UuidSchema,
  status: EnrolmentStatusSchema,
  completedModuleIds: z.array(UuidSchema),
  progressPercent: z.number().int(),
  attemptsUsed: z.number().int(),
  attemptsLeft: z.number().int(),
  bestScorePercent: z.number().nullable(),
  passedAt: z.string().nullable(),
});
export type EnrolmentView = z.infer<typeof EnrolmentViewSchema>;

export const CourseSummarySchema = z.object({
  id: UuidSchema,
  code: z.string(),
  title: z.string(),
  summary: z.string(),
  track: CourseTrackSchema,
  jobRole: JobRoleSchema,
  productLineId: UuidSchema,
  productLineCode: z.string(),
  language: LocaleSchema,
  durationMinutes: z.number().int(),
  status: CourseStatusSchema,
  moduleCount: z.number().int(),
  questionCount: z.number().int(),
  enrolment: EnrolmentViewSchema.nullable(),
  enrolledCount: z.number().int(),
  updatedAt: z.string(),
});
export type CourseSummary = z.infer<typeof CourseSummarySchema>;

/** A learner's view of a question: no `correct` flags, ever, before the attempt is submitted. */
export const LearnerQuestionSchema = z.object({
  id: UuidSchema,
  kind: z.enum(['single', 'multiple']),
  prompt: z.string(),
  options: z.array(z.object({ id: UuidSchema, text: z.string() })),
});
export type LearnerQuestion = z.infer<typeof LearnerQuestionSchema>;

export const CourseDetailSchema = CourseSummarySchema.extend({
  modules: z.array(CourseModuleSchema),
  /** Authors (vendor staff) get the full quiz with answers; learners get null here and fetch the shuffled quiz of their enrolment. */
  quiz: z.array(QuizQuestionSchema).nullable(),
  passMarkPercent: z.number(),
  attemptLimit: z.number().int(),
  certificationPaths: z.array(z.object({ id: UuidSchema, name: z.string() })),
});
export type CourseDetail = z.infer<typeof CourseDetailSchema>;

export const EnrolSchema = z.object({ userId: UuidSchema.optional() });

export const QuizAttemptInputSchema = z.object({
  answers: z.array(z.object({ questionId: UuidSchema, optionIds: z.array(UuidSchema).max(8) })).max(100),
});
export type QuizAttemptInput = z.infer<typeof QuizAttemptInputSchema>;

export const QuizResultSchema = z.object({
  attemptNo: z.number().int(),
  scorePercent: z.number(),
  passMarkPercent: z.number(),
  passed: z.boolean(),
  attemptsLeft: z.number().int(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  questions: z.array(
    z.object({
      questionId: UuidSchema,
      correct: z.boolean(),
      selectedOptionIds: z.array(UuidSchema),
      /** Revealed only once the quiz is passed or no attempt is left, so a failed attempt is not an answer key. */
      correctOptionIds: z.array(UuidSchema).nullable(),
    }),
  ),
  certificationsEarned: z.array(z.object({ id: UuidSchema, name: z.string(), code: z.string() })),
});
export type QuizResult = z.infer<typeof QuizResultSchema>;

export const CertificationPathInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  jobRole: JobRoleSchema,
  productLineId: UuidSchema,
  courseIds: z.array(UuidSchema).min(1).max(20),
  /** null: the policy's validity (default 24 months). */
  validityMonths: z.number().int().min(1).max(120).nullable().default(null),
  active: z.boolean().default(true),
});
export type CertificationPathInput = z.infer<typeof CertificationPathInputSchema>;

export const CertificationPathSchema = CertificationPathInputSchema.extend({
  id: UuidSchema,
  productLineCode: z.string(),
  courses: z.array(z.object({ id: UuidSchema, code: z.string(), title: z.string() })),
  holders: z.number().int(),
});

export const CertificationStatusSchema = z.enum(['active', 'expiring', 'expired', 'revoked']);
export type CertificationStatus = z.infer<typeof CertificationStatusSchema>;

export const CertificationSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  pathId: UuidSchema,
  name: z.string(),
  jobRole: JobRoleSchema,
  productLineId: UuidSchema,
  productLineCode: z.string(),
  userId: UuidSchema,
  holderName: z.string(),
  holderEmail: z.string(),
  partnerId: UuidSchema,
  partnerName: z.string(),
  earnedOn: IsoDateSchema,
  expiresOn: IsoDateSchema,
  status: CertificationStatusSchema,
  revokedReason: z.string().nullable(),
});
export type Certification = z.infer<typeof CertificationSchema>;

export const CertificationListQuerySchema = z.object({
  partnerId: UuidSchema.optional(),
  userId: UuidSchema.optional(),
  status: CertificationStatusSchema.optional(),
  expiringWithinDays: z.coerce.number().int().min(1).max(730).optional(),
});

export const RevokeCertificationSchema = z.object({ reason: z.string().trim().min(1).max(2000) });

/** Public verification answers exactly this: who, what, valid when — nothing more. */
export const CertificationVerificationSchema = z.object({
  code: z.string(),
  holderName: z.string(),
  certification: z.string(),
  partnerName: z.string(),
  earnedOn: IsoDateSchema,
  expiresOn: IsoDateSchema,
  status: CertificationStatusSchema,
});

export const QualificationLineSchema = z.object({
  jobRole: JobRoleSchema,
  productLineId: UuidSchema,
  productLineCode: z.string(),
  required: z.number().int(),
  held: z.number().int(),
  missing: z.number().int(),
  holders: z.array(z.object({ userId: UuidSchema, name: z.string(), expiresOn: IsoDateSchema })),
});
export type QualificationLine = z.infer<typeof QualificationLineSchema>;

export const QualificationSchema = z.object({
  agreementId: UuidSchema,
  agreementNumber: z.string(),
  partnerId: UuidSchema,
  asOf: IsoDateSchema,
  compliant: z.boolean(),
  lines: z.array(QualificationLineSchema),
});
export type Qualification = z.infer<typeof QualificationSchema>;

// ── Qualification reviews (资格认定审查) ────────────────────────────────────────────

export const ReviewCheckSchema = z.object({ pass: z.boolean(), notes: z.string().trim().max(2000).default('') });
export const QualificationReviewInputSchema = z.object({
  demoEnvironment: ReviewCheckSchema,
  marketingQuality: ReviewCheckSchema,
  afterSalesProcess: ReviewCheckSchema,
  notes: z.string().trim().max(4000).default(''),
});
export type QualificationReviewInput = z.infer<typeof QualificationReviewInputSchema>;

export const ScheduleReviewSchema = z.object({ partnerId: UuidSchema, dueOn: IsoDateSchema });
export const ReviewListQuerySchema = z.object({
  partnerId: UuidSchema.optional(),
  status: z.enum(['scheduled', 'completed']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const QualificationReviewSchema = z.object({
  id: UuidSchema,
  partnerId: UuidSchema,
  partnerName: z.string(),
  dueOn: IsoDateSchema,
  status: z.enum(['scheduled', 'completed']),
  overdue: z.boolean(),
  result: z.enum(['pass', 'fail']).nullable(),
  /** The certified-staff check, computed at completion from every active agreement's requirements. */
  certifiedStaff: z
    .object({
      pass: z.boolean(),
      gaps: z.array(
        z.object({ agreementNumber: z.string(), jobRole: JobRoleSchema, productLineCode: z.string(), missing: z.number().int() }),
      ),
    })
    .nullable(),
  checklist: QualificationReviewInputSchema.nullable(),
  reviewerName: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type QualificationReview = z.infer<typeof QualificationReviewSchema>;

// ── Support requests ─────────────────────────────────────────────────────────────

export const SupportKindSchema = z.enum(['marketing_support', 'technical_question', 'sales_coaching']);
export type SupportKind = z.infer<typeof SupportKindSchema>;
export const SupportStatusSchema = z.enum(['open', 'in_progress', 'closed']);
export type SupportStatus = z.infer<typeof SupportStatusSchema>;
export const FundsStatusSchema = z.enum(['requested', 'approved', 'declined']);

export const SUPPORT_TRANSITIONS: Transitions<SupportStatus> = {
  open: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: [],
};

export const SupportRequestInputSchema = z
  .object({
    kind: SupportKindSchema,
    subject: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(8000),
    /** Marketing activity support: the funds asked for, and the activity's date. */
    requestedFunds: MoneySchema.nullable().default(null),
    activityDate: IsoDateSchema.nullable().default(null),
  })
  .refine((r) => r.requestedFunds === null || r.kind === 'marketing_support', {
    message: 'validation.funds_marketing_only',
    path: ['requestedFunds'],
  })
  .refine((r) => r.requestedFunds === null || !r.requestedFunds.startsWith('-'), {
    message: 'validation.money_positive',
    path: ['requestedFunds'],
  });
export type SupportRequestInput = z.infer<typeof SupportRequestInputSchema>;

export const SupportMessageInputSchema = z.object({ body: z.string().trim().min(1).max(8000) });
export const SupportAssignSchema = z.object({ assigneeId: UuidSchema });
export const SupportFundsDecisionSchema = z
  .object({
    decision: z.enum(['approved', 'declined']),
    amount: MoneySchema.nullable().default(null),
    note: z.string().trim().max(2000).default(''),
  })
  .refine((d) => d.decision === 'declined' || d.amount !== null, { message: 'validation.required', path: ['amount'] });
export const SupportCloseSchema = z.object({ resolution: z.string().trim().min(1).max(2000) });

export const SupportRequestSchema = z.object({
  id: UuidSchema,
  number: z.string(),
  partnerId: UuidSchema,
  partnerName: z.string(),
  kind: SupportKindSchema,
  subject: z.string(),
  status: SupportStatusSchema,
  requestedFunds: z.string().nullable(),
  approvedFunds: z.string().nullable(),
  fundsStatus: FundsStatusSchema.nullable(),
  activityDate: z.string().nullable(),
  assigneeId: UuidSchema.nullable(),
  assigneeName: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SupportRequest = z.infer<typeof SupportRequestSchema>;

export const SupportThreadSchema = SupportRequestSchema.extend({
  messages: z.array(
    z.object({
      id: UuidSchema,
      authorName: z.string(),
      authorSide: z.enum(['partner', 'vendor', 'system']),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type SupportThread = z.infer<typeof SupportThreadSchema>;

// ── Server-side paging of the admin queues ─────────────────────────────────────

/**
 * Optional paging of a list: with `page` the API answers one page `{ items, total, page, pageSize }`
 * (the admin queues); without it, the whole (capped) list as before (the portal's small lists).
 */
export const OptionalPageSchema = z.object({
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export const CertificationQueueQuerySchema = CertificationListQuerySchema.extend(OptionalPageSchema.shape);
export const ReviewQueueQuerySchema = ReviewListQuerySchema.extend(OptionalPageSchema.shape);
export const SupportListQuerySchema = z
  .object({
    status: SupportStatusSchema.optional(),
    kind: SupportKindSchema.optional(),
    partnerId: UuidSchema.optional(),
    assigneeId: UuidSchema.optional(),
  })
  .extend(OptionalPageSchema.shape);
export const CertificationPageSchema = pageOf(CertificationSchema);
export type CertificationPage = z.infer<typeof CertificationPageSchema>;
export const QualificationReviewPageSchema = pageOf(QualificationReviewSchema);
export type QualificationReviewPage = z.infer<typeof QualificationReviewPageSchema>;
export const SupportRequestPageSchema = pageOf(SupportRequestSchema);
export type SupportRequestPage = z.infer<typeof SupportRequestPageSchema>;
