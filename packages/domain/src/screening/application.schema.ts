import { z } from 'zod';
import { IsoDateSchema, LocaleSchema, MoneySchema, UuidSchema } from '../common/common.schema.js';
import { JobRoleSchema, PasswordSchema } from '../auth/auth.schema.js';
import { PartnerStatusSchema, PartnerTypeSchema } from '../partners/partner.schema.js';
import { checkUscc } from '../partners/uscc.js';
import { STRATEGIC_CRITERIA, SMB_CRITERIA } from './scorecard.rules.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const DomainNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) =>
    d
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/.*$/, ''),
  )
  .pipe(z.string().regex(/^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { message: 'validation.domain' }));

export const TaxIdKindSchema = z.enum(['uscc', 'other']);

export const ContactSchema = z.object({
  name: text(100),
  title: optionalText(100),
  email: z.email({ message: 'validation.email' }).max(200),
  phone: optionalText(40),
});
export type Contact = z.infer<typeof ContactSchema>;

export const SegmentRequestSchema = z.object({ industryId: UuidSchema, regionId: UuidSchema });

/** The public application form (portal, no login). Creates the partner in `applied` and the applicant's account. */
export const PartnerApplicationSchema = z
  .object({
    companyName: text(200),
    companyNameEn: optionalText(200),
    taxIdKind: TaxIdKindSchema,
    taxId: z.string().trim().toUpperCase().min(4).max(40),
    domain: DomainNameSchema,
    regionId: UuidSchema,
    headcount: z.number().int().min(1).max(1_000_000),
    annualRevenue: MoneySchema,
    yearsTrading: z.number().int().min(0).max(200),
    businessLines: z.array(text(100)).min(1).max(20),
    existingVendors: z.array(text(100)).max(30).default([]),
    cashFlow: z.object({
      positiveLastYear: z.boolean(),
      receivablesDays: z.number().int().min(0).max(720),
      notes: optionalText(2000),
    }),
    type: PartnerTypeSchema,
    desiredSegments: z.array(SegmentRequestSchema).min(1).max(30),
    personInCharge: ContactSchema,
    contacts: z.array(ContactSchema).max(10).default([]),
    declarations: z.object({
      integrity: z.literal(true, { message: 'validation.declaration_required' }),
      noConflictingCompetitorProducts: z.literal(true, { message: 'validation.declaration_required' }),
    }),
    account: z.object({
      email: z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ message: 'validation.email' })),
      displayName: text(100),
      password: PasswordSchema,
      locale: LocaleSchema.default('zh-CN'),
    }),
  })
  .superRefine((a, ctx) => {
    if (a.taxIdKind !== 'uscc') return;
    const check = checkUscc(a.taxId);
    if (!check.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['taxId'],
        message: check.reason === 'format' ? 'validation.uscc_format' : 'validation.uscc_checksum',
        params: { expected: check.expected },
      });
    }
  });
export type PartnerApplication = z.infer<typeof PartnerApplicationSchema>;

export const AssignManagerSchema = z.object({ managerId: UuidSchema });

const ScoreSchema = z.number().int().min(0).max(5);
const EvidenceSchema = z.string().trim().max(2000).default('');

/** A scorecard: each criterion scored 0–5 with an evidence note; strategic cards add a separate integrity check. */
export const ScreeningInputSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('strategic'),
    scores: z.object(
      Object.fromEntries(STRATEGIC_CRITERIA.map((c) => [c, ScoreSchema])) as Record<
        (typeof STRATEGIC_CRITERIA)[number],
        typeof ScoreSchema
      >,
    ),
    evidence: z
      .object(
        Object.fromEntries(STRATEGIC_CRITERIA.map((c) => [c, EvidenceSchema])) as Record<
          (typeof STRATEGIC_CRITERIA)[number],
          typeof EvidenceSchema
        >,
      )
      .partial()
      .default({}),
    integrity: ScoreSchema,
    notes: optionalText(4000),
  }),
  z.object({
    type: z.literal('smb'),
    scores: z.object(
      Object.fromEntries(SMB_CRITERIA.map((c) => [c, ScoreSchema])) as Record<(typeof SMB_CRITERIA)[number], typeof ScoreSchema>,
    ),
    evidence: z
      .object(
        Object.fromEntries(SMB_CRITERIA.map((c) => [c, EvidenceSchema])) as Record<(typeof SMB_CRITERIA)[number], typeof EvidenceSchema>,
      )
      .partial()
      .default({}),
    notes: optionalText(4000),
  }),
]);
export type ScreeningInput = z.infer<typeof ScreeningInputSchema>;

export const DecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('reject'), reason: text(2000) }),
  z.object({ decision: z.literal('request_info'), question: text(2000) }),
  z.object({
    decision: z.literal('approve_trial'),
    trial: z.object({ customer: text(200), scope: text(2000), endDate: IsoDateSchema }),
    notes: optionalText(2000),
  }),
  z.object({ decision: z.literal('approve'), notes: optionalText(2000) }),
]);
export type Decision = z.infer<typeof DecisionSchema>;

export const TrialOutcomeSchema = z.object({ outcome: z.enum(['success', 'failure']), notes: text(4000) });
export type TrialOutcome = z.infer<typeof TrialOutcomeSchema>;

export const StatusChangeSchema = z.object({
  status: z.enum(['active', 'suspended', 'terminated']),
  reason: text(2000),
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const InfoAnswerSchema = z.object({ answer: text(4000) });

export const InviteUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'validation.email' })),
  displayName: text(100),
  jobRole: JobRoleSchema,
});
export type InviteUser = z.infer<typeof InviteUserSchema>;

export const AcceptInvitationSchema = z.object({ token: z.string().min(20).max(200), password: PasswordSchema });

export const PartnerDirectoryQuerySchema = z.object({
  type: PartnerTypeSchema.optional(),
  status: PartnerStatusSchema.optional(),
  managerId: UuidSchema.optional(),
  industryId: UuidSchema.optional(),
  regionId: UuidSchema.optional(),
  q: z.string().trim().max(100).optional(),
  /** Only applications still being decided (applied or in screening): the screening queue. */
  openApplications: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(['name', 'createdAt', 'status', 'type', 'applicationAge']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  format: z.enum(['json', 'csv']).default('json'),
});
export type PartnerDirectoryQuery = z.infer<typeof PartnerDirectoryQuerySchema>;
