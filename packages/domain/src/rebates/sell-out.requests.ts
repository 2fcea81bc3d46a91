import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, UuidSchema } from '../common/common.schema.js';

/** The form fields beside the file of `POST /api/sell-out-reports` (multipart: every field is text). */
export const SellOutUploadSchema = z.object({
  agreementId: UuidSchema,
  /** The first day of one of the agreement's evaluation periods. */
  periodStart: IsoDateSchema,
  /** `true`: import the good rows and skip the bad ones (named in the report); otherwise all rows or none. */
  acceptGoodRows: z.enum(['true', 'false']).default('false'),
  /**
   * `true`: this file replaces the period's current report (a corrected file); the old report is kept, marked superseded,
   * and its lines leave the rebate basis. Otherwise a period that already has a report answers 409 SELL_OUT_REPORT_EXISTS.
   */
  replace: z.enum(['true', 'false']).default('false'),
});
export type SellOutUpload = z.infer<typeof SellOutUploadSchema>;

export const SellOutListQuerySchema = PageQuerySchema.extend({ agreementId: UuidSchema.optional() });
export type SellOutListQuery = z.infer<typeof SellOutListQuerySchema>;
