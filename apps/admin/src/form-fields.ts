import { type FieldKind, type FieldSpecs, specsFrom } from '@partnerline/ui';

/**
 * Every form's fields by their schema path and kind. The labels are the catalogue's `formFields.<form>.<key>`
 * (a phrase a refusal can open with: "Choose a partner", "请选择合作伙伴"), so one test checks every message of
 * every form in both languages.
 */
export const FORM_FIELDS = {
  agreement: {
    partnerId: 'choose',
    type: 'choose',
    scope: 'choose',
    'scope.*.industryId': 'choose',
    'scope.*.regionId': 'choose',
    startDate: 'date',
    endDate: 'date',
    productIds: 'choose',
    paymentTerms: 'text',
    evaluationPeriod: 'choose',
    quotaPerPeriod: 'amount',
    renewalThresholdPercent: 'number',
    'qualificationRequirements.*.jobRole': 'choose',
    'qualificationRequirements.*.productLineId': 'choose',
    'qualificationRequirements.*.headcount': 'number',
    'serviceDivision.vendor': 'text',
    'serviceDivision.partner': 'text',
    'obligations.vendor': 'text',
    'obligations.partner': 'text',
    renewalTerms: 'text',
    'deposit.amount': 'amount',
    'deposit.dueDate': 'date',
    'deposit.handling': 'choose',
    'incentiveCoefficients.*.productLineId': 'choose',
    'incentiveCoefficients.*.industryId': 'choose',
    'incentiveCoefficients.*.coefficient': 'number',
  },
  course: {
    code: 'text',
    title: 'text',
    summary: 'text',
    track: 'choose',
    jobRole: 'choose',
    productLineId: 'choose',
    language: 'choose',
    durationMinutes: 'number',
    modules: 'text',
    'modules.*.title': 'text',
    'modules.*.body': 'text',
    'modules.*.links.*.label': 'text',
    'modules.*.links.*.url': 'url',
    'modules.*.videoUrl': 'url',
    quiz: 'text',
    'quiz.*.prompt': 'text',
    'quiz.*.options': 'text',
    'quiz.*.options.*.text': 'text',
  },
  path: { name: 'text', jobRole: 'choose', productLineId: 'choose', courseIds: 'choose', validityMonths: 'number' },
  segment: { marketPotential: 'number', expansionDifficulty: 'number', notes: 'text' },
  invite: { email: 'email', displayName: 'text', role: 'choose' },
  disable: { reason: 'text' },
  decision: { reason: 'text', question: 'text', notes: 'text', 'trial.customer': 'text', 'trial.scope': 'text', 'trial.endDate': 'date' },
  trialOutcome: { outcome: 'choose', notes: 'text' },
  statusChange: { reason: 'text' },
  scorecard: { integrity: 'number', notes: 'text' },
  resolve: { rationale: 'text', winnerRegistrationId: 'choose' },
  rebatePay: { reference: 'text', paidOn: 'date' },
  rebateReversal: { reason: 'text' },
  quota: { quota: 'amount', amendmentReason: 'text' },
  disputeResolution: { amount: 'amount', resolution: 'text' },
  invoice: { partnerId: 'choose', invoiceNo: 'text', amount: 'amount', dueOn: 'date', paidOn: 'date' },
  invoicePaid: { paidOn: 'date' },
  depositEvent: { to: 'choose', occurredOn: 'date', reference: 'text', note: 'text' },
  renewalDecision: { rationale: 'text', quota: 'amount', conditions: 'text', checkOn: 'date', depositHandling: 'choose' },
  competitionFinding: { finding: 'choose', note: 'text' },
  probationCheck: { 'conditions.*.met': 'choose' },
  incident: { occurredOn: 'date', severity: 'choose', category: 'choose', summary: 'text' },
} as const satisfies Record<string, Record<string, FieldKind>>;

export type FormName = keyof typeof FORM_FIELDS;

/** A form's field specs in the current language. */
export function fieldSpecs(form: FormName, t?: (key: string) => string): FieldSpecs {
  return specsFrom(form, FORM_FIELDS[form], t);
}
