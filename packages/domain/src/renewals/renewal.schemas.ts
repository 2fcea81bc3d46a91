import { z } from 'zod';
import { IsoDateSchema } from '../common/common.schema.js';
import type { PaymentIntegrity } from '../rebates/payments.js';

/**
 * The facts a renewal review gathers (docs/domain.md §8), as plain data: the API computes them from statements,
 * certificates, qualification reviews, the payments ledger, deposits, incidents and the competition finding;
 * `recommendRenewal` turns them into advice. Amounts are exact decimal strings, never floats.
 */

/** A non-negative exact decimal (achievement, quota). */
const DecimalString = z.string().regex(/^\d{1,15}(\.\d{1,4})?$/, { message: 'validation.decimal' });

export const AttainmentFactSchema = z.object({
  /** Achievement over the whole term (from statements). */
  achievement: DecimalString,
  /** Quota over the whole term; 0 means no quota was set (the fact then holds). */
  quota: DecimalString,
  /** The agreement's renewalThresholdPercent (may be below 100). */
  thresholdPercent: z.number().min(0).max(200),
});
export type AttainmentFact = z.infer<typeof AttainmentFactSchema>;

export const QualificationRequirementFactSchema = z.object({
  /** A stable key of the requirement, e.g. `presales:NET` (job role : product line). */
  requirement: z.string().min(1).max(200),
  required: z.number().int().min(0),
  /** Staff certified today. */
  certified: z.number().int().min(0),
  /** Of those, certificates that expire before the renewal date. */
  expiringBeforeRenewal: z.number().int().min(0),
});
export type QualificationRequirementFact = z.infer<typeof QualificationRequirementFactSchema>;

export const QualificationFactSchema = z.object({
  requirements: z.array(QualificationRequirementFactSchema),
  /** Result of the latest completed qualification review; null when none was completed in the term. */
  latestReview: z.enum(['pass', 'fail']).nullable(),
});
export type QualificationFact = z.infer<typeof QualificationFactSchema>;

export const RenewalPaymentIntegritySchema = z.object({
  due: z.number().int().min(0),
  onTime: z.number().int().min(0),
  onTimeRatio: z.number().min(0).max(1).nullable(),
  worstDaysOverdue: z.number().int().min(0),
  averageDaysOverdue: z.number().min(0),
  openOverdue: z.number().int().min(0),
}) satisfies z.ZodType<PaymentIntegrity>;

export const PaymentFactSchema = z.object({
  integrity: RenewalPaymentIntegritySchema,
  /** The agreement's deposit status; null when the agreement asks for no deposit. */
  depositStatus: z.enum(['due', 'paid', 'offset', 'refunded', 'forfeited']).nullable(),
});
export type PaymentFact = z.infer<typeof PaymentFactSchema>;

export const IncidentSeveritySchema = z.enum(['minor', 'major', 'critical']);
export type IncidentSeverity = z.infer<typeof IncidentSeveritySchema>;

export const IncidentFactSchema = z.object({ date: IsoDateSchema, severity: IncidentSeveritySchema });
export type IncidentFact = z.infer<typeof IncidentFactSchema>;

export const CompetitionDeclarationSchema = z.enum(['not_submitted', 'no_competing_products', 'sells_competing_products']);
export const CompetitionFindingSchema = z.enum(['compliant', 'concern', 'breach']);
export type CompetitionFinding = z.infer<typeof CompetitionFindingSchema>;

export const CompetitionFactSchema = z.object({
  declaration: CompetitionDeclarationSchema,
  /** The channel manager's finding; null while not yet assessed. */
  finding: CompetitionFindingSchema.nullable(),
});
export type CompetitionFact = z.infer<typeof CompetitionFactSchema>;

export const RenewalFactsSchema = z.object({
  renewalDate: IsoDateSchema,
  attainment: AttainmentFactSchema,
  qualification: QualificationFactSchema,
  payments: PaymentFactSchema,
  /** Service and reputation incidents recorded against the partner in the term. */
  incidents: z.array(IncidentFactSchema),
  competition: CompetitionFactSchema,
});
export type RenewalFacts = z.infer<typeof RenewalFactsSchema>;

/** Policy thresholds of the recommendation. Fractions are decimal strings (exact). */
export const RenewalPolicySchema = z.object({
  /** Attainment below threshold × this fraction is failing (0.75: threshold 80 % → below 60 % fails). */
  attainmentFailFraction: z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/),
  /** On-time ratio at or above this holds… */
  onTimeRatioMin: z.number().min(0).max(1),
  /** …below this it fails; in between it is at risk. */
  onTimeRatioFailBelow: z.number().min(0).max(1),
  /** Worst days overdue at or below this holds… */
  worstDaysOverdueMax: z.number().int().min(0),
  /** …above this it fails; in between it is at risk. */
  worstDaysOverdueFailAbove: z.number().int().min(0),
  /** This many minor incidents put service at risk. */
  minorIncidentsAtRisk: z.number().int().min(1),
  /** This many major incidents fail service (one major is already at risk; any critical fails). */
  majorIncidentsFailing: z.number().int().min(1),
  /** This many facts at risk together recommend termination (one alone → probation). */
  atRiskFactsToTerminate: z.number().int().min(2),
});
export type RenewalPolicy = z.infer<typeof RenewalPolicySchema>;

/** Defaults until the policies module carries them (a later issue moves them there). */
export const DEFAULT_RENEWAL_POLICY: RenewalPolicy = {
  attainmentFailFraction: '0.75',
  onTimeRatioMin: 0.9,
  onTimeRatioFailBelow: 0.7,
  worstDaysOverdueMax: 30,
  worstDaysOverdueFailAbove: 90,
  minorIncidentsAtRisk: 3,
  majorIncidentsFailing: 2,
  atRiskFactsToTerminate: 2,
};
