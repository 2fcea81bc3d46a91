import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, PositiveMoneySchema, UuidSchema } from '../common/common.schema.js';
import { INVOICE_NO_MAX } from './invoices.js';

// Control characters and bidirectional overrides have no place in an invoice number.
const INVOICE_NO = /^[^\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]+$/u;

/** `POST /api/payments`: one invoice the vendor issued to a partner (paid date when already paid). */
export const InvoiceInputSchema = z.object({
  partnerId: UuidSchema,
  invoiceNo: z.string().trim().min(1).max(INVOICE_NO_MAX).regex(INVOICE_NO, { message: 'validation.text_characters' }),
  amount: PositiveMoneySchema,
  dueOn: IsoDateSchema,
  paidOn: IsoDateSchema.nullable().optional(),
});
export type InvoiceInput = z.infer<typeof InvoiceInputSchema>;

/** `POST /api/payments/:id/paid`. */
export const InvoicePaidSchema = z.object({ paidOn: IsoDateSchema });

export const InvoiceStatusSchema = z.enum(['open', 'overdue', 'paid', 'paid_late']);

export const PaymentsQuerySchema = PageQuerySchema.extend({
  partnerId: UuidSchema.optional(),
  status: InvoiceStatusSchema.optional(),
});
export type PaymentsQuery = z.infer<typeof PaymentsQuerySchema>;
