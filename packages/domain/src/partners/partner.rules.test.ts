import { describe, expect, it } from 'vitest';
import { invitationExpiresAt, isClosedPartner, mayActivateAgreement, mayBeScored, statusOnAgreementActivated } from './partner.rules.js';

describe('partner rules', () => {
  it('a rejected or terminated partner is closed; a suspended one is not', () => {
    expect(isClosedPartner('rejected')).toBe(true);
    expect(isClosedPartner('terminated')).toBe(true);
    expect(isClosedPartner('suspended')).toBe(false);
    expect(isClosedPartner('active')).toBe(false);
  });

  it('scores only during screening (applied, screening, trial)', () => {
    expect(['applied', 'screening', 'trial'].every((s) => mayBeScored(s as never))).toBe(true);
    expect(['active', 'suspended', 'rejected', 'terminated'].some((s) => mayBeScored(s as never))).toBe(false);
  });

  it('an agreement activates only for an approved partner in screening, trial or active', () => {
    expect(mayActivateAgreement({ status: 'screening', approved: true })).toBe(true);
    expect(mayActivateAgreement({ status: 'active', approved: true })).toBe(true);
    expect(mayActivateAgreement({ status: 'screening', approved: false })).toBe(false);
    expect(mayActivateAgreement({ status: 'suspended', approved: true })).toBe(false);
  });

  it('the first active agreement makes a screened or trial partner active, and leaves others as they are', () => {
    expect(statusOnAgreementActivated('screening')).toBe('active');
    expect(statusOnAgreementActivated('trial')).toBe('active');
    expect(statusOnAgreementActivated('active')).toBeNull();
  });

  it('an invitation is valid for seven days', () => {
    expect(invitationExpiresAt(new Date('2030-01-01T00:00:00Z')).toISOString()).toBe('2030-01-08T00:00:00.000Z');
  });
});
