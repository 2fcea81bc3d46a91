import { defineErrors } from '../common/error-def.js';

/** Error codes of the payments ledger (the partner's invoices from the vendor), with both messages. */
export const paymentErrors = defineErrors({
  PAYMENT_ROWS_INVALID: {
    status: 422,
    en: '{count} row(s) cannot be imported (rows {rows}); nothing was imported.',
    zh: '有 {count} 行无法导入（第 {rows} 行），本次未导入任何数据。',
  },
  PAYMENT_PARTNER_UNKNOWN: {
    status: 422,
    en: 'There is no such partner.',
    zh: '不存在该合作伙伴。',
  },
  PAYMENT_INVOICE_EXISTS: {
    status: 409,
    en: 'Invoice {invoiceNo} of this partner is already recorded.',
    zh: '该合作伙伴的发票 {invoiceNo} 已登记。',
  },
  PAYMENT_ALREADY_PAID: {
    status: 409,
    en: 'This invoice was already paid on {paidOn}; a payment is recorded once.',
    zh: '该发票已于 {paidOn} 付款，付款只能登记一次。',
  },
  PAYMENT_PAID_IN_FUTURE: {
    status: 422,
    en: 'The paid date {paidOn} is after today ({today}).',
    zh: '付款日期 {paidOn} 晚于今天（{today}）。',
  },
  PAYMENT_IMPORT_RACE: {
    status: 409,
    en: 'Someone recorded some of these invoices at the same time; nothing was imported. Import the file again.',
    zh: '有人同时登记了其中部分发票，本次未导入任何数据。请重新导入该文件。',
  },
});
