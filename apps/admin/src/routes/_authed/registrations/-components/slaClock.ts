/** Where a registration stands against its review deadline (business dates as ISO strings). */
export type SlaClock = { kind: 'none' } | { kind: 'today' } | { kind: 'left' | 'overdue'; days: number };

const WAITING = new Set(['submitted', 'in_review', 'in_conflict']);
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function slaClock(status: string, slaDue: string | null, today: string): SlaClock {
  if (!slaDue || !WAITING.has(status)) return { kind: 'none' };
  const diff = dayNumber(slaDue) - dayNumber(today);
  if (diff === 0) return { kind: 'today' };
  return diff > 0 ? { kind: 'left', days: diff } : { kind: 'overdue', days: -diff };
}
