import { localMinute, scheduleSlot } from './job-slot';

describe('schedule slots', () => {
  it('names the hour a scheduled run belongs to, in the business time zone', () => {
    // 01:00:07 UTC is 09:00:07 in Shanghai
    expect(scheduleSlot('0 * * * *', 'Asia/Shanghai', new Date('2026-11-28T01:00:07Z'))).toBe('2026-11-28T09:00');
    expect(scheduleSlot('0 * * * *', 'Asia/Shanghai', new Date('2026-11-28T01:41:00Z'))).toBe('2026-11-28T09:00');
  });

  it('an instant exactly on the slot belongs to that slot', () => {
    expect(scheduleSlot('0 * * * *', 'Asia/Shanghai', new Date('2026-11-28T02:00:00Z'))).toBe('2026-11-28T10:00');
  });

  it('every minute under a per-minute schedule', () => {
    expect(scheduleSlot('* * * * *', 'Asia/Shanghai', new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28T23:59');
    expect(scheduleSlot('* * * * *', 'Asia/Shanghai', new Date('2026-11-28T16:00:01Z'))).toBe('2026-11-29T00:00');
  });

  it('formats minutes in the zone', () => {
    expect(localMinute(new Date('2026-11-28T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-29T00:30');
  });
});
