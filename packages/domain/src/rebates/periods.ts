/**
 * Evaluation periods of an agreement's term (DOMAIN §7): consecutive quarters, halves or years counted from the term's
 * first day (business dates, ISO `YYYY-MM-DD`, in the policy time zone); the last period ends with the term, so it may
 * be shorter. Dates are calendar days: no time of day, no time zone arithmetic.
 */
export type PeriodKind = 'quarter' | 'half' | 'year';

export interface EvaluationPeriod {
  /** 1-based number within the term. */
  index: number;
  start: string;
  /** Inclusive last day. */
  end: string;
}

const MONTHS: Record<PeriodKind, number> = { quarter: 3, half: 6, year: 12 };

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const utc = (date: string) => {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
};

/** `date` plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}

const dayBefore = (date: string) => iso(utc(date) - 86_400_000);

/** The periods of a term `[start, end]` (both inclusive). */
export function evaluationPeriods(start: string, end: string, kind: PeriodKind): EvaluationPeriod[] {
  const out: EvaluationPeriod[] = [];
  for (let i = 0, from = start; from <= end && i < 1000; i++) {
    const next = addMonths(start, MONTHS[kind] * (i + 1));
    const last = dayBefore(next);
    out.push({ index: i + 1, start: from, end: last < end ? last : end });
    from = next;
  }
  return out;
}

/** The period holding `date`, or null outside the term. */
export function periodOf(periods: readonly EvaluationPeriod[], date: string): EvaluationPeriod | null {
  return periods.find((p) => p.start <= date && date <= p.end) ?? null;
}

/** The evaluation periods of an agreement's term (quarters unless the terms say otherwise). */
export function agreementPeriods(a: { startDate: string; endDate: string; terms: { evaluationPeriod?: PeriodKind | null } }): EvaluationPeriod[] {
  return evaluationPeriods(a.startDate, a.endDate, a.terms.evaluationPeriod ?? 'quarter');
}

/**
 * The period asked for (by its first day), else the one holding today, else the last (term over) or the first.
 * Null when a period was asked for that is not one of `periods` (the caller answers with its error).
 */
export function pickPeriod(periods: readonly EvaluationPeriod[], today: string, requested?: string): EvaluationPeriod | null {
  if (requested) return periods.find((x) => x.start === requested) ?? null;
  return periodOf(periods, today) ?? (today > periods[periods.length - 1].end ? periods[periods.length - 1] : periods[0]);
}

/** The key of one (agreement, evaluation period) in maps of per-period facts: `agreementId|periodStart`. */
export function periodKey(agreementId: string, periodStart: string): string {
  return `${agreementId}|${periodStart}`;
}

/** How much of a period has passed on `today` (0 before it starts, 1 from its last day on), for pace against quota. */
export function elapsedFraction(period: EvaluationPeriod, today: string): number {
  if (today < period.start) return 0;
  if (today >= period.end) return 1;
  const total = (utc(period.end) - utc(period.start)) / 86_400_000 + 1;
  const done = (utc(today) - utc(period.start)) / 86_400_000 + 1;
  return done / total;
}

/** A quota may be changed until its period starts; after that only through an amendment. */
export function quotaEditable(period: EvaluationPeriod, today: string): boolean {
  return today < period.start;
}
