import { type FieldKind, type FieldSpecs, specsFrom } from '@partnerline/ui';

/**
 * Every form's fields by their schema path and kind. The labels are the catalogue's `formFields.<form>.<key>`
 * (a phrase a refusal can open with: "Choose the region", "请选择所在区域"), so one test checks every message of
 * every form in both languages. (The registration form keeps its own specs beside it.)
 */
export const FORM_FIELDS = {
  apply: {
    companyName: 'text',
    companyNameEn: 'text',
    taxId: 'text',
    domain: 'url',
    regionId: 'choose',
    headcount: 'number',
    annualRevenue: 'amount',
    yearsTrading: 'number',
    businessLines: 'text',
    existingVendors: 'text',
    'cashFlow.receivablesDays': 'number',
    'cashFlow.notes': 'text',
    type: 'choose',
    desiredSegments: 'choose',
    'desiredSegments.*.industryId': 'choose',
    'desiredSegments.*.regionId': 'choose',
    'personInCharge.name': 'text',
    'personInCharge.title': 'text',
    'personInCharge.email': 'email',
    'personInCharge.phone': 'text',
    'declarations.integrity': 'choose',
    'declarations.noConflictingCompetitorProducts': 'choose',
    'account.displayName': 'text',
    'account.email': 'email',
    'account.password': 'text',
  },
  invite: { displayName: 'text', email: 'email', jobRole: 'choose' },
  support: { kind: 'choose', subject: 'text', body: 'text', requestedFunds: 'amount', activityDate: 'date' },
  supportReply: { body: 'text' },
  supportClose: { resolution: 'text' },
  registrationAction: { progress: 'text', amount: 'amount', date: 'date', reason: 'text' },
  evidenceUpload: { kind: 'choose', file: 'file' },
  enrol: { userId: 'choose', courseId: 'choose' },
  invitation: { password: 'text' },
  answer: { answer: 'text' },
  selfAssessment: {
    wentWell: 'text',
    plan: 'text',
    proposedQuota: 'amount',
    competitionDeclaration: 'choose',
    competingProducts: 'text',
    willRenew: 'choose',
    'rating.product': 'choose',
    'rating.competitiveness': 'choose',
    'rating.margin': 'choose',
    'rating.training': 'choose',
    'rating.support': 'choose',
    'rating.likelyToRecommend': 'choose',
    'rating.comments': 'text',
  },
} as const satisfies Record<string, Record<string, FieldKind>>;

export type FormName = keyof typeof FORM_FIELDS;

/** A form's field specs in the current language. */
export function fieldSpecs(form: FormName, t?: (key: string) => string): FieldSpecs {
  return specsFrom(form, FORM_FIELDS[form], t);
}
