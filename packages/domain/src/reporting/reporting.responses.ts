import { z } from 'zod';

const count = z.number().int().nonnegative();

/** GET /reporting/home: what the vendor team's home page counts (each opens its filtered queue). */
export const AdminHomeCountsSchema = z.object({
  /** Partners by status: the pipeline at a glance. */
  partners: z.object({ applied: count, screening: count, trial: count, active: count }),
  /** Deal registrations waiting for a review decision. */
  registrationsInReview: count,
  openConflicts: count,
  /** Scheduled qualification reviews whose due date is before the business day. */
  overdueReviews: count,
  /** Support requests nobody has picked up yet (status open). */
  newSupportRequests: count,
});
export type AdminHomeCounts = z.infer<typeof AdminHomeCountsSchema>;

/** GET /reporting/portal-home: the counts on a partner's home page, for the caller's own organisation only. */
export const PortalHomeCountsSchema = z.object({
  /** The organisation's agreements in force. */
  activeAgreements: count,
  /** The caller's own courses in progress. */
  coursesInProgress: count,
  /** Certificates in their expiring window (the partner admin sees the team's, a partner user their own). */
  certificatesExpiring: count,
  /** The organisation's support requests not yet closed. */
  openSupportRequests: count,
  /** The organisation's deal registrations: open (submitted to approved), approved ones whose protection ends within 30 days, drafts not yet submitted. */
  registrations: z.object({ open: count, protectionExpiring: count, needingAction: count }),
});
export type PortalHomeCounts = z.infer<typeof PortalHomeCountsSchema>;
