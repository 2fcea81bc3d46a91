import { describe, expect, it } from 'vitest';
import { addBusinessDays, extendProtection, protectionEndsOn, recommendResolution, remindersDue, validSplit } from './registration.rules.js';

describe('protection', () => {
  it('runs 90 days from approval, the approval day included', () => {
    expect(protectionEndsOn('2026-01-01', 90)).toBe('2026-03-31');
  });

  it('allows one 30-day extension while running, not after expiry or twice', () => {
    const policy = { extensionDays: 30, maxExtensions: 1 };
    expect(extendProtection('2026-03-31', '2026-03-20', 0, policy)).toEqual({ ok: true, newEnd: '2026-04-30' });
    expect(extendProtection('2026-03-31', '2026-03-20', 1, policy)).toEqual({ ok: false, reason: 'no_extensions_left' });
    expect(extendProtection('2026-03-31', '2026-04-01', 0, policy)).toEqual({ ok: false, reason: 'already_expired' });
  });

  it('reminds 14 and 3 days before the end', () => {
    expect(remindersDue('2026-03-31', '2026-03-17', [14, 3])).toEqual([14]);
    expect(remindersDue('2026-03-31', '2026-03-28', [14, 3])).toEqual([3]);
    expect(remindersDue('2026-03-31', '2026-03-20', [14, 3])).toEqual([]);
  });
});

describe('review SLA', () => {
  it('counts business days, skipping the weekend', () => {
    expect(addBusinessDays('2026-11-20', 2)).toBe('2026-11-24'); // Friday + 2 → Tuesday
    expect(addBusinessDays('2026-11-23', 2)).toBe('2026-11-25');
  });
});

describe('recommendResolution', () => {
  const at = (m: number) => `2026-11-22T10:${String(m).padStart(2, '0')}:00Z`;
  it('exclusive owner › incumbent › first to register', () => {
    expect(
      recommendResolution([
        { id: 'a', kind: 'partner', exclusiveOwner: false, incumbent: true, submittedAt: at(1) },
        { id: 'b', kind: 'partner', exclusiveOwner: true, incumbent: false, submittedAt: at(2) },
      ]),
    ).toEqual({ outcome: 'award', winnerId: 'b', reasons: ['exclusive_owner'] });
    expect(
      recommendResolution([
        { id: 'a', kind: 'partner', exclusiveOwner: false, incumbent: false, submittedAt: at(1) },
        { id: 'b', kind: 'partner', exclusiveOwner: false, incumbent: true, submittedAt: at(2) },
      ]).winnerId,
    ).toBe('b');
    expect(
      recommendResolution([
        { id: 'a', kind: 'partner', exclusiveOwner: false, incumbent: false, submittedAt: at(3) },
        { id: 'b', kind: 'partner', exclusiveOwner: false, incumbent: false, submittedAt: at(2) },
      ]),
    ).toEqual({ outcome: 'award', winnerId: 'b', reasons: ['first_to_register'] });
  });

  it('prefers a partner over the vendor’s direct sales', () => {
    expect(
      recommendResolution([
        { id: 'direct', kind: 'direct', exclusiveOwner: false, incumbent: true, submittedAt: at(0) },
        { id: 'p', kind: 'partner', exclusiveOwner: false, incumbent: false, submittedAt: at(5) },
      ]),
    ).toEqual({ outcome: 'award', winnerId: 'p', reasons: ['partner_over_direct', 'first_to_register'] });
  });
});

describe('validSplit', () => {
  it('needs whole shares above zero summing to 100', () => {
    expect(validSplit([60, 40])).toBe(true);
    expect(validSplit([60, 30])).toBe(false);
    expect(validSplit([100])).toBe(false);
    expect(validSplit([50.5, 49.5])).toBe(false);
  });
});

import { missingEvidence, REGISTRATION_TRANSITIONS } from './deal-registration.schema.js';
import { checkTransition } from '../common/state-machine.js';

describe('registration lifecycle and evidence', () => {
  it('follows DOMAIN §5', () => {
    expect(checkTransition(REGISTRATION_TRANSITIONS, 'submitted', 'in_conflict')).toEqual({ ok: true });
    expect(checkTransition(REGISTRATION_TRANSITIONS, 'approved', 'won')).toEqual({ ok: true });
    expect(checkTransition(REGISTRATION_TRANSITIONS, 'won', 'approved')).toMatchObject({ ok: false, allowed: [] });
  });

  it('names the evidence the standard demands and the registration lacks', () => {
    const standard = { proofOfCommunication: true, customerFeedback: false, customerDetails: true };
    expect(missingEvidence(standard, { customerDetails: '采购部 3 人' })).toEqual(['proofOfCommunication']);
    expect(missingEvidence(standard, { proofOfCommunication: '会议纪要', customerDetails: '采购部' })).toEqual([]);
    expect(missingEvidence(null, {})).toEqual([]);
  });
});

describe('recommendResolution with exclusive holders and intruders', () => {
  it('proposes the exclusive holder itself over an intruder without a covering agreement', () => {
    expect(
      recommendResolution([
        { id: 'intruder', kind: 'partner', exclusiveOwner: false, incumbent: false, submittedAt: '2026-01-01', intruder: true },
        { id: 'holder', kind: 'holder', exclusiveOwner: true, incumbent: false, submittedAt: '0000' },
      ]),
    ).toEqual({ outcome: 'award', winnerId: 'holder', reasons: ['intruder_excluded', 'exclusive_owner'] });
  });
  it("prefers the holder's own registration to the bare holder", () => {
    expect(
      recommendResolution([
        { id: 'holder', kind: 'holder', exclusiveOwner: true, incumbent: false, submittedAt: '0000' },
        { id: 'reg', kind: 'partner', exclusiveOwner: true, incumbent: false, submittedAt: '2026-01-02' },
        { id: 'x', kind: 'partner', exclusiveOwner: false, incumbent: true, submittedAt: '2026-01-01', intruder: true },
      ]).winnerId,
    ).toBe('reg');
  });
  it('never proposes an intruder while another party remains', () => {
    expect(
      recommendResolution([
        { id: 'early', kind: 'partner', exclusiveOwner: false, incumbent: true, submittedAt: '2026-01-01', intruder: true },
        { id: 'late', kind: 'partner', exclusiveOwner: false, incumbent: false, submittedAt: '2026-01-05' },
      ]).winnerId,
    ).toBe('late');
  });
});
