import { z } from 'zod';
import { IsoDateSchema } from '../common/common.schema.js';

export const AuditEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  /** The actor's display name today (null for the system or an unknown actor). */
  actorName: z.string().nullable().optional(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  entity: z.string().max(64).optional(),
  /** A record id (uuids, and the few non-uuid ids such as a policy key). */
  entityId: z.string().trim().min(1).max(100).optional(),
  action: z.string().max(100).optional(),
  /** Who: part of the actor's email or name. */
  actor: z.string().trim().max(200).optional(),
  /** Business dates, both inclusive. */
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** The fields that changed between two snapshots of a record (for audit diffs). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])).sort();
}
