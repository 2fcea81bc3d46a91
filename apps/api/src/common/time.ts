/** Today's date (UTC) as YYYY-MM-DD: the day sweeps and date rules work with. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
