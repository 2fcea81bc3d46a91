import { z } from 'zod';
import { ExclusiveHoldingSchema } from './agreement.schema.js';

/** Response shapes of the agreement endpoints not already in agreement.schema (summary, detail, version). */

/** POST /agreements/:id/amend */
export const AmendmentCreatedSchema = z.object({ version: z.number().int() });

/** GET /exclusivity: who holds an exclusive scope on a segment (null: nobody). */
export const ExclusivityAnswerSchema = z.object({ holder: ExclusiveHoldingSchema.nullable() });

/** POST /exclusivity/preview: the exclusive holdings a draft's scope would overlap. */
export const ExclusivityOverlapsSchema = z.object({ overlaps: z.array(ExclusiveHoldingSchema) });
export type ExclusivityOverlaps = z.infer<typeof ExclusivityOverlapsSchema>;
