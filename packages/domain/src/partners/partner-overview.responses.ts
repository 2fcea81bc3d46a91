import { z } from 'zod';

const count = z.number().int().nonnegative();
/** Exact decimal money as a string. */
const money = z.string();

/** GET /partners/:id/overview: the partner 360 for vendor staff, assembled from each owning module. */
export const PartnerOverviewSchema = z.object({
  registrations: z.object({
    open: count,
    won: count,
    lost: count,
    /** Estimated amounts of the open registrations. */
    pipelineValue: money,
    /** Won amounts. */
    wonRevenue: money,
    /** The most recently changed registrations. */
    recent: z.array(
      z.object({ id: z.string(), customerName: z.string(), status: z.string(), estimatedAmount: money, expectedClose: z.string(), updatedAt: z.string() }),
    ),
  }),
  agreements: z.array(z.object({ id: z.string(), number: z.string().nullable().optional(), type: z.string(), status: z.string(), startDate: z.string().nullable(), endDate: z.string().nullable() })),
  supportRequests: z.array(z.object({ id: z.string(), number: z.string(), kind: z.string(), subject: z.string(), status: z.string(), createdAt: z.string() })),
  certifications: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), holderName: z.string(), earnedOn: z.string(), expiresOn: z.string(), revoked: z.boolean() })),
  reviews: z.array(z.object({ id: z.string(), dueOn: z.string(), status: z.string(), result: z.string().nullable(), completedAt: z.string().nullable() })),
  /** Audit entries and registration status changes for this partner, newest first. */
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['audit', 'registration']),
      action: z.string(),
      actorName: z.string().nullable(),
      entity: z.string(),
      entityId: z.string(),
      /** For a registration status change: the customer and the statuses. */
      detail: z.string().nullable(),
    }),
  ),
});
export type PartnerOverview = z.infer<typeof PartnerOverviewSchema>;
