import { z } from 'zod';
import { pageOf } from '../common/common.schema.js';
import { RegistrationListItemSchema } from './deal-registration.responses.js';
import { RegistrationStatusSchema } from './deal-registration.schema.js';

/**
 * The review queue (GET /deal-registrations): server-side search, filters, sorting and bounded paging.
 * Counts are exact up to QUEUE_COUNT_LIMIT, then reported as "at least" (`exact: false`) — a count never scans the table.
 */
export const QUEUE_COUNT_LIMIT = 1000;
/** Deepest row a page may start at (offset paging stays an index walk of at most this many rows). */
export const QUEUE_MAX_OFFSET = 10_000;

/** A tab of the queue: one status, "open" (submitted, in review, in conflict) or "all". */
export const QueueTabSchema = z.union([z.enum(['open', 'all']), RegistrationStatusSchema]);
export type QueueTab = z.infer<typeof QueueTabSchema>;
export const QUEUE_TABS = ['open', 'in_review', 'in_conflict', 'approved', 'all'] as const;
export const QueueSortSchema = z.enum(['sla', 'submitted', 'amount', 'customer']);
export type QueueSort = z.infer<typeof QueueSortSchema>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Query of GET /deal-registrations. Without `status` every status is listed (the admin queue asks for `open`). */
export const RegistrationQueueQuerySchema = z
  .object({
    status: QueueTabSchema.optional(),
    partnerId: z.uuid().optional(),
    managerId: z.uuid().optional(),
    industryId: z.uuid().optional(),
    regionId: z.uuid().optional(),
    overdue: bool.optional(),
    q: z.string().trim().max(100).optional(),
    sort: QueueSortSchema.optional(),
    order: z.enum(['asc', 'desc']).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  })
  .refine((q) => (q.page - 1) * q.pageSize <= QUEUE_MAX_OFFSET, { path: ['page'], message: 'page too deep' });
export type RegistrationQueueQuery = z.infer<typeof RegistrationQueueQuerySchema>;

/** One queue row: the list item plus what the reviewer filters and decides on. */
export const RegistrationQueueItemSchema = RegistrationListItemSchema.extend({
  industryId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  /** In an open conflict case: bulk approval refuses it. */
  inOpenCase: z.boolean().optional(),
});
export type RegistrationQueueItem = z.infer<typeof RegistrationQueueItemSchema>;

export const RegistrationQueuePageSchema = pageOf(RegistrationQueueItemSchema).extend({
  /** false when `total` is the count limit and more rows match. */
  totalExact: z.boolean().optional(),
});
export type RegistrationQueuePage = z.infer<typeof RegistrationQueuePageSchema>;

const TabCountSchema = z.object({ count: z.number().int(), exact: z.boolean() });
/** GET /deal-registrations/counts: rows per tab under the same filters (status aside). */
export const RegistrationQueueCountsSchema = z.object({
  open: TabCountSchema,
  in_review: TabCountSchema,
  in_conflict: TabCountSchema,
  approved: TabCountSchema,
  all: TabCountSchema,
});
export type RegistrationQueueCounts = z.infer<typeof RegistrationQueueCountsSchema>;

/** POST /deal-registrations/bulk-approve */
export const BulkApproveSchema = z.object({
  ids: z.array(z.uuid()).min(1).max(100),
  comment: z.string().trim().max(2000).optional(),
});
export type BulkApprove = z.infer<typeof BulkApproveSchema>;
export const BulkApproveResultSchema = z.object({
  results: z.array(z.object({ id: z.uuid(), ok: z.boolean(), status: z.number().int(), code: z.string().optional() })),
});
export type BulkApproveResult = z.infer<typeof BulkApproveResultSchema>;
