import { z } from 'zod';
import { pageOf, UuidSchema } from '../common/common.schema.js';
import { SELL_OUT_FIELDS, SELL_OUT_ISSUE_CODES } from './sell-out.js';
import { rowRefusalOf } from './spreadsheet-rows.js';

/** One refused cell of a sell-out row: the spreadsheet row (the header is row 1), the column, and why. */
export const SellOutIssueSchema = z.object({
  row: z.number().int(),
  field: z.enum(SELL_OUT_FIELDS),
  code: z.enum(SELL_OUT_ISSUE_CODES),
});
export type SellOutIssueView = z.infer<typeof SellOutIssueSchema>;

/** `details` of a SELL_OUT_ROWS_INVALID (422) refusal: every bad row and why; nothing was stored. */
export const SellOutRefusalSchema = rowRefusalOf(SellOutIssueSchema);

/** `details` of a SELL_OUT_REPORT_EXISTS (409) refusal: the period's current report, which `replace=true` would supersede. */
export const SellOutReportExistsSchema = z.object({
  reportId: UuidSchema,
  fileName: z.string(),
  createdAt: z.string(),
});

export const SellOutReportSchema = z.object({
  id: UuidSchema,
  agreementId: UuidSchema,
  agreementNumber: z.string(),
  partnerId: UuidSchema,
  partnerName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  fileName: z.string(),
  /** Data rows in the file. */
  rowCount: z.number().int(),
  importedCount: z.number().int(),
  /** Rows skipped because the partner accepted importing only the good rows, and why each was bad. */
  skippedRows: z.array(z.number().int()),
  /** Why each skipped row was bad: the first ISSUES_SHOWN (issueCount says how many there are). */
  issues: z.array(SellOutIssueSchema),
  issueCount: z.number().int(),
  quantity: z.number().int(),
  amount: z.string(),
  submittedBy: z.object({ id: UuidSchema, name: z.string() }),
  createdAt: z.string(),
  /** When a later report of the same period replaced this one (its lines no longer count); null: the current report. */
  supersededAt: z.string().nullable(),
  /** The report that replaced this one. */
  supersededBy: UuidSchema.nullable(),
});
export type SellOutReport = z.infer<typeof SellOutReportSchema>;

export const SellOutReportListSchema = pageOf(SellOutReportSchema);
export type SellOutReportList = z.infer<typeof SellOutReportListSchema>;
