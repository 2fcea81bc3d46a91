import { describe, expect, it } from 'vitest';
import {
  addDays,
  afterVendorReply,
  certificationStatus,
  certificationStatusBounds,
  daysUntil,
  mayEnrol,
  partnerReviewable,
  remindersCovered,
  replyExcerpt,
  reviewOverdue,
  supportAuthorSide,
  supportVendorRecipients,
} from './training.rules.js';

describe('dates', () => {
  it('counts days and adds days across month and year ends', () => {
    expect(daysUntil('2026-03-01', '2026-02-27')).toBe(2);
    expect(daysUntil('2026-01-01', '2026-01-02')).toBe(-1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('the most urgent due reminder covers the earlier ones', () => {
    expect(remindersCovered([60, 30], [30])).toEqual([60, 30]);
    expect(remindersCovered([60, 30], [60])).toEqual([60]);
    expect(remindersCovered([60, 30], [60, 30])).toEqual([60, 30]);
    expect(remindersCovered([60, 30], [])).toEqual([]);
  });

  it('status bounds select exactly the certificates certificationStatus gives that status', () => {
    const today = '2026-06-15';
    const window = 60;
    for (let offset = -3; offset <= 64; offset++) {
      const expiresOn = addDays(today, offset);
      const status = certificationStatus({ expiresOn, revoked: false }, today, window);
      for (const s of ['active', 'expiring', 'expired'] as const) {
        const b = certificationStatusBounds(s, today, window);
        const inside = (!b.expiresFrom || expiresOn >= b.expiresFrom) && (!b.expiresTo || expiresOn <= b.expiresTo);
        expect(inside).toBe(status === s);
      }
    }
    expect(certificationStatusBounds('revoked', today, window).revoked).toBe(true);
  });
});

describe('qualification reviews', () => {
  it('a scheduled review is overdue the day after it was due, a completed one never', () => {
    expect(reviewOverdue('scheduled', '2026-06-14', '2026-06-15')).toBe(true);
    expect(reviewOverdue('scheduled', '2026-06-15', '2026-06-15')).toBe(false);
    expect(reviewOverdue('completed', '2026-01-01', '2026-06-15')).toBe(false);
  });

  it('only partners on trial, active or suspended can be reviewed', () => {
    expect(['trial', 'active', 'suspended'].every(partnerReviewable)).toBe(true);
    expect(['applied', 'screening', 'rejected', 'terminated'].some(partnerReviewable)).toBe(false);
  });
});

describe('enrolment and support', () => {
  it('only a partner admin enrols someone else', () => {
    expect(mayEnrol({ id: 'a', role: 'partner_user' }, 'a')).toBe(true);
    expect(mayEnrol({ id: 'a', role: 'partner_user' }, 'b')).toBe(false);
    expect(mayEnrol({ id: 'a', role: 'partner_admin' }, 'b')).toBe(true);
  });

  it('the vendor side is the assignee, else the manager, else every channel manager', () => {
    expect(supportVendorRecipients({ assigneeId: 'x', managerId: 'm' }, ['c1'])).toEqual(['x']);
    expect(supportVendorRecipients({ assigneeId: null, managerId: 'm' }, ['c1'])).toEqual(['m']);
    expect(supportVendorRecipients({ assigneeId: null, managerId: null }, ['c1', 'c2'])).toEqual(['c1', 'c2']);
  });

  it('a vendor reply to an open request moves it into progress and assigns the responder if nobody was', () => {
    expect(afterVendorReply({ status: 'open', assigneeId: null }, 'me')).toEqual({ moveToInProgress: true, assignTo: 'me' });
    expect(afterVendorReply({ status: 'open', assigneeId: 'x' }, 'me')).toEqual({ moveToInProgress: true, assignTo: null });
    expect(afterVendorReply({ status: 'in_progress', assigneeId: null }, 'me')).toEqual({ moveToInProgress: false, assignTo: null });
  });

  it('quotes at most 140 characters and names the author side', () => {
    expect(replyExcerpt('短')).toBe('短');
    expect(replyExcerpt('x'.repeat(141))).toBe(`${'x'.repeat(140)}…`);
    expect(supportAuthorSide(null, null)).toBe('system');
    expect(supportAuthorSide('u', 'p')).toBe('partner');
    expect(supportAuthorSide('u', null)).toBe('vendor');
  });
});
