import cronParser from 'cron-parser';

/** "2026-11-28T09:00" in the given time zone (the business zone): readable on the Operations page. */
export function localMinute(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * The schedule slot an instant belongs to: the latest time at or before it that the cron expression fires.
 * A cron job created at 09:00:07 and the start-up catch-up at 09:41 both name the 09:00 slot, so whichever
 * comes second finds the run already there.
 */
export function scheduleSlot(cron: string, timeZone: string, instant: Date): string {
  const interval = cronParser.parseExpression(cron, { tz: timeZone, currentDate: new Date(instant.getTime() + 1000) });
  return localMinute(interval.prev().toDate(), timeZone);
}

export function manualKey(clientKey: string): string {
  return `manual:${clientKey}`;
}
