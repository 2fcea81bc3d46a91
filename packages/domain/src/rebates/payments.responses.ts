import { z } from 'zod';
import { pageOf, UuidSchema } from '../common/common.schema.js';
import { INVOICE_FIELDS, INVOICE_ISSUE_CODES } from './invoices.js';
import { InvoiceStatusSchema } from './payments.requests.js';
import { rowRefusalOf } from './spreadsheet-rows.js';

export const InvoiceSchema = z.object({
  id: UuidSchema,
  partnerId: UuidSchema,
  partnerName: z.string(),
  invoiceNo: z.string(),
  amount: z.string(),
  dueOn: z.string(),
  paidOn: z.string().nullable(),
  source: z.enum(['manual', 'import']),
  /** As of today (business date): open, overdue, paid (on time) or paid late. */
  status: InvoiceStatusSchema,
  daysOverdue: z.number().int(),
  createdAt: z.string(),
});
export type InvoiceView = z.infer<typeof InvoiceSchema>;

/** `paymentIntegrity` of one partner's invoices as of a business date, with what is still owed. */
export const PaymentIntegritySchema = z.object({
  asOf: z.string(),
  due: z.number().int(),
  onTime: z.number().int(),
  onTimeRatio: z.number().nullable(),
  worstDaysOverdue: z.number().int(),
  averageDaysOverdue: z.number(),
  openOverdue: z.number().int(),
  outstanding: z.string(),
  overdue: z.string(),
});
export type PaymentIntegrityView = z.infer<typeof PaymentIntegritySchema>;

/** A page of invoices; `integrity` when the page is one partner's (a partner's own, or `?partnerId=`), else null. */
export const PaymentsPageSchema = pageOf(InvoiceSchema).extend({ integrity: PaymentIntegritySchema.nullable() });
export type PaymentsPage = z.infer<typeof PaymentsPageSchema>;

export const InvoiceIssueSchema = z.object({
  row: z.number().int(),
  field: z.enum(INVOICE_FIELDS),
  code: z.enum(INVOICE_ISSUE_CODES),
});

/** `details` of a PAYMENT_ROWS_INVALID (422) refusal: every bad row and why; nothing was stored. */
export const PaymentImportRefusalSchema = rowRefusalOf(InvoiceIssueSchema);

/** What an import did, row by row (all rows were good, or nothing was stored). */
export const PaymentImportSchema = z.object({
  rowCount: z.number().int(),
  created: z.number().int(),
  paid: z.number().int(),
  unchanged: z.number().int(),
  rows: z.array(
    z.object({ row: z.number().int(), partnerId: UuidSchema, invoiceNo: z.string(), outcome: z.enum(['created', 'paid', 'unchanged']) }),
  ),
});
export type PaymentImport = z.infer<typeof PaymentImportSchema>;
