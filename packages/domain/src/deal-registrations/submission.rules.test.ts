import { describe, expect, it } from 'vitest';
import {
  autoApproves,
  checkEligibility,
  effectiveEvidence,
  missingRequiredEvidence,
  requiredEvidence,
  pickCoveringAgreement,
  registrationLockKeys,
  reminderDates,
  sameCustomer,
  slaBreached,
} from './submission.rules.js';
import { registrationErrors } from './deal-registration.errors.js';
import { EVIDENCE_LABELS } from './submission.rules.js';
import { translateMessage } from '../i18n/error-messages.js';

const standard = { proofOfCommunication: true, customerFeedback: false, customerDetails: true };

describe('agreement precedence', () => {
  it('prefers an exclusive agreement over a registration agreement, whatever the order', () => {
    const reg = { id: 'r', type: 'registration', terms: null };
    const exc = { id: 'e', type: 'exclusive', terms: null };
    expect(pickCoveringAgreement([reg, exc])?.id).toBe('e');
    expect(pickCoveringAgreement([exc, reg])?.id).toBe('e');
    expect(pickCoveringAgreement([reg])?.id).toBe('r');
    expect(pickCoveringAgreement([])).toBeNull();
  });
});

describe('eligibility', () => {
  const base = { covered: false, partnerStatus: 'active', openRegistrations: 0, trialOpenRegistrationLimit: 3 };
  it('a covered partner may submit', () => expect(checkEligibility({ ...base, covered: true })).toEqual({ ok: true }));
  it('an uncovered active partner may not', () => expect(checkEligibility(base)).toEqual({ ok: false, reason: 'not_covered' }));
  it('an uncovered trial partner may, below its capacity', () => {
    expect(checkEligibility({ ...base, partnerStatus: 'trial', openRegistrations: 2 })).toEqual({ ok: true });
    expect(checkEligibility({ ...base, partnerStatus: 'trial', openRegistrations: 3 })).toEqual({ ok: false, reason: 'trial_capacity', limit: 3 });
  });
});

describe('evidence', () => {
  it('a file of a kind counts as that evidence', () => {
    expect(effectiveEvidence({ customerDetails: 'CIO' }, ['proofOfCommunication'])).toEqual({ customerDetails: 'CIO', proofOfCommunication: '(file)' });
    const agreement = { id: 'a', type: 'registration', terms: { evidenceStandard: standard } };
    expect(missingRequiredEvidence(agreement, { customerDetails: 'CIO' }, [])).toEqual(['proofOfCommunication']);
    expect(missingRequiredEvidence(agreement, { customerDetails: 'CIO' }, ['proofOfCommunication'])).toEqual([]);
    expect(missingRequiredEvidence(agreement, { customerDetails: '  ' }, [])).toEqual(['proofOfCommunication', 'customerDetails']);
  });
  it('without a covering agreement (trial) nothing is required', () => expect(missingRequiredEvidence(null, {}, [])).toEqual([]));
  it('lists what the standard requires, for the form', () => {
    expect(requiredEvidence({ id: 'a', type: 'registration', terms: { evidenceStandard: standard } })).toEqual({ proofOfCommunication: true, customerFeedback: false, customerDetails: true });
    expect(requiredEvidence(null)).toEqual({ proofOfCommunication: false, customerFeedback: false, customerDetails: false });
  });
});

describe('lock keys', () => {
  it('one key per known identity, sorted, so two submissions lock in the same order', () => {
    expect(registrationLockKeys({ taxId: 'X1', domain: 'a.cn', regionId: 'r', nameNorm: 'n' })).toEqual(['domain:a.cn', 'name:r:n', 'tax:X1']);
    expect(registrationLockKeys({ taxId: null, domain: null, regionId: 'r', nameNorm: 'n' })).toEqual(['name:r:n']);
  });
});

describe('same customer', () => {
  it('by tax id, by domain, or by a similar normalised name', () => {
    const a = { name: '杭州西湖银行股份有限公司', taxId: null, domain: null };
    expect(sameCustomer(a, { name: '西湖银行（杭州）股份有限公司', taxId: null, domain: null }, 0.6)).toBe(true);
    expect(sameCustomer({ ...a, taxId: 'T' }, { name: '别的公司', taxId: 'T', domain: null }, 0.6)).toBe(true);
    expect(sameCustomer({ ...a, domain: 'x.cn' }, { name: '别的公司', taxId: null, domain: 'x.cn' }, 0.6)).toBe(true);
    expect(sameCustomer(a, { name: '宁波海天塑机集团有限公司', taxId: null, domain: null }, 0.6)).toBe(false);
  });
});

describe('auto-approval and SLA', () => {
  it('approves automatically only in the own exclusive scope, without conflict, when the policy says so', () => {
    expect(autoApproves({ conflicts: 0, agreementType: 'exclusive', autoApproveInOwnExclusiveScope: true })).toBe(true);
    expect(autoApproves({ conflicts: 1, agreementType: 'exclusive', autoApproveInOwnExclusiveScope: true })).toBe(false);
    expect(autoApproves({ conflicts: 0, agreementType: 'registration', autoApproveInOwnExclusiveScope: true })).toBe(false);
    expect(autoApproves({ conflicts: 0, agreementType: 'exclusive', autoApproveInOwnExclusiveScope: false })).toBe(false);
  });
  it('a review is overdue the day after its SLA date, only while under review', () => {
    expect(slaBreached('in_review', '2026-11-27', '2026-11-27')).toBe(false);
    expect(slaBreached('in_review', '2026-11-27', '2026-11-28')).toBe(true);
    expect(slaBreached('approved', '2026-11-27', '2026-11-28')).toBe(false);
    expect(slaBreached('in_conflict', null, '2026-11-28')).toBe(false);
  });
  it('reminder dates are the protection ends that many days ahead', () => {
    expect(reminderDates('2026-12-30', [14, 3])).toEqual(['2027-01-13', '2027-01-02']);
  });
});

describe('evidence labels', () => {
  it('name the missing evidence in the reader’s language', () => {
    // The API picks the reader's one of a bilingual param ({ en, 'zh-CN' }) before filling the message.
    expect(translateMessage('zh-CN', 'REGISTRATION_EVIDENCE_MISSING', { missing: EVIDENCE_LABELS.proofOfCommunication.zh })).toBe('协议的证据标准要求提供：沟通记录。');
    expect(translateMessage('en', 'REGISTRATION_EVIDENCE_MISSING', { missing: EVIDENCE_LABELS.proofOfCommunication.en })).toBe('The agreement’s evidence standard requires: proof of communication.');
  });
});

describe('error catalogue', () => {
  it('every code has a status and both messages, the Chinese one in Chinese', () => {
    for (const [code, def] of Object.entries(registrationErrors)) {
      expect(code).toMatch(/^REGISTRATION_[A-Z_]+$/);
      expect([409, 422]).toContain(def.status);
      expect(def.en.length).toBeGreaterThan(5);
      expect(def.zh).toMatch(/[\u4e00-\u9fff]/);
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(def.zh)).toEqual(holes(def.en));
    }
  });
});
