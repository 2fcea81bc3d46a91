import { z } from 'zod';

/** What a create endpoint answers: the new record's id. (Pages use `pageOf` from common.schema.) */
export const CreatedSchema = z.object({ id: z.uuid() });
export type Created = z.infer<typeof CreatedSchema>;
