import { daysBetween } from '../common/business-time.js';

/**
 * Payment integrity (the renewal review's fact, DOMAIN §8): the partner's invoices from the vendor — due date, paid
 * date (null while open), amount — as of a business date.
 */
export interface Invoice {
  dueOn: string;
  paidOn: string | null;
  amount: string;
}

export interface PaymentIntegrity {
  /** Invoices due by `asOf`. */
  due: number;
  /** Of those, paid on or before their due date. */
  onTime: number;
  /** onTime ÷ due, 4 decimals; null when nothing was due. */
  onTimeRatio: number | null;
  /** Worst days overdue: paid late, or still open past due (counted to `asOf`). */
  worstDaysOverdue: number;
  /** Mean days overdue over the late ones (0 when none). */
  averageDaysOverdue: number;
  /** Open invoices past their due date. */
  openOverdue: number;
}

export function paymentIntegrity(invoices: readonly Invoice[], asOf: string): PaymentIntegrity {
  const due = invoices.filter((i) => i.dueOn <= asOf);
  const late = due.map((i) => Math.max(0, daysBetween(i.dueOn, i.paidOn && i.paidOn <= asOf ? i.paidOn : asOf))).filter((d) => d > 0);
  const onTime = due.filter((i) => i.paidOn !== null && i.paidOn <= i.dueOn && i.paidOn <= asOf).length;
  return {
    due: due.length,
    onTime,
    onTimeRatio: due.length ? Math.round((onTime / due.length) * 10_000) / 10_000 : null,
    worstDaysOverdue: late.length ? Math.max(...late) : 0,
    averageDaysOverdue: late.length ? Math.round((late.reduce((a, b) => a + b, 0) / late.length) * 10) / 10 : 0,
    openOverdue: due.filter((i) => (i.paidOn === null || i.paidOn > asOf) && i.dueOn < asOf).length,
  };
}
