/**
 * Every status (and kind) a badge shows in either app, with its colour. Labels live in the `ui` catalogue under
 * `status.<kind>.<value>`, so the vendor and the partner read the same word for the same state.
 *
 * One deliberate exception: a partner's own application is worded for the applicant (`applicationStage`,
 * "Application received") while the vendor team reads its pipeline stage (`partnerStage`, "Applied"); both share colours.
 */
const partnerStage = {
  applied: 'blue',
  screening: 'indigo',
  info_requested: 'orange',
  approved: 'teal',
  trial: 'violet',
  trial_succeeded: 'teal',
  rejected: 'red',
  active: 'green',
  suspended: 'yellow',
  terminated: 'gray',
} as const;

export const STATUS_COLOR = {
  partnerStage,
  applicationStage: partnerStage,
  partnerStatus: {
    applied: 'blue',
    screening: 'indigo',
    rejected: 'red',
    trial: 'violet',
    active: 'green',
    suspended: 'yellow',
    terminated: 'gray',
  },
  registration: {
    draft: 'gray',
    submitted: 'blue',
    in_review: 'blue',
    in_conflict: 'orange',
    approved: 'green',
    won: 'teal',
    lost: 'dark',
    expired: 'dark',
    rejected: 'red',
    withdrawn: 'gray',
  },
  agreement: {
    draft: 'gray',
    pending_approval: 'orange',
    active: 'green',
    expired: 'dark',
    terminated: 'red',
    renewed: 'teal',
    rejected: 'red',
  },
  conflictKind: { duplicate_customer: 'orange', exclusive_territory: 'grape', direct_sales: 'blue' },
  course: { draft: 'gray', published: 'green', archived: 'dark' },
  certificate: { active: 'green', expiring: 'orange', expired: 'gray', revoked: 'red' },
  support: { open: 'blue', in_progress: 'violet', closed: 'gray' },
  supportKind: { marketing_support: 'grape', technical_question: 'cyan', sales_coaching: 'teal' },
  funds: { requested: 'orange', approved: 'green', declined: 'red' },
  review: { scheduled: 'blue', completed: 'gray' },
  reviewResult: { pass: 'green', fail: 'red' },
  jobRun: { queued: 'gray', running: 'blue', succeeded: 'green', failed: 'red' },
  // Rebates (a rebate run's status is a `jobRun`). Worded in the `ui` catalogue as the vendor reads them; where the
  // partner reads another word ("Disputed" for an open dispute) the portal passes its own label as the badge's children.
  rebateStatement: { draft: 'gray', approved: 'blue', paid: 'green' },
  rebateDispute: { open: 'orange', adjusted: 'teal', rejected: 'gray' },
  rebateLine: { deal: 'blue', sell_out: 'cyan', clawback: 'red', adjustment: 'grape' },
  invoice: { open: 'blue', overdue: 'red', paid: 'green', paid_late: 'orange' },
  deposit: { due: 'orange', paid: 'blue', offset: 'teal', refunded: 'green', forfeited: 'red' },
  performanceWatch: { close_to_next_tier: 'teal', at_risk: 'red' },
  // Renewals: a review's recommendation or decision, and each fact's state. Worded in the `ui` catalogue as the vendor
  // reads them; each app may pass its own words ("Renewal", "Renewed" for the partner) as the badge's children.
  renewalOutcome: { renew: 'green', renew_on_probation: 'orange', terminate: 'red' },
  renewalFactState: { ok: 'green', at_risk: 'orange', failing: 'red' },
} as const;

export type StatusKind = keyof typeof STATUS_COLOR;
export type StatusValue<K extends StatusKind> = keyof (typeof STATUS_COLOR)[K] & string;
