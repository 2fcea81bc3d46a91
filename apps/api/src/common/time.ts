import { businessDateOf, DEFAULT_BUSINESS_TIME_ZONE } from '@partnerline/domain';

/**
 * The one business clock. Every date rule reads `businessToday()` (the calendar date in the business time zone,
 * policy `display.defaultTimeZone`, default Asia/Shanghai) and passes it to SQL as a parameter; no business rule
 * uses the database's `current_date` or `now()`. Tests pin the instant with `pinClock`.
 */
let pinned: Date | null = null;
let zone = DEFAULT_BUSINESS_TIME_ZONE;

/** The current instant (pinned in tests). */
export function businessNow(): Date {
  return pinned ? new Date(pinned) : new Date();
}

/** Today's date (YYYY-MM-DD) in the business time zone. */
export function businessToday(): string {
  return businessDateOf(businessNow(), zone);
}

/** The business time zone in force. */
export function businessTimeZone(): string {
  return zone;
}

/** Set from the policies at start-up and whenever they change. */
export function setBusinessTimeZone(timeZone: string): void {
  zone = timeZone;
}

/** Tests only: fix the clock at an instant (null releases it). */
export function pinClock(instant: Date | string | null): void {
  pinned = instant === null ? null : new Date(instant);
}
