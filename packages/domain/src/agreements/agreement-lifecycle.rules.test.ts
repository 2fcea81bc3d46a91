import { describe, expect, it } from 'vitest';
import { agreementActions, changesParties, terminationTooEarly } from './agreement-lifecycle.rules.js';

describe('agreement lifecycle rules', () => {
  it('the partner and the type never change', () => {
    expect(changesParties({ partnerId: 'a', type: 'exclusive' }, { partnerId: 'a', type: 'exclusive' })).toBe(false);
    expect(changesParties({ partnerId: 'a', type: 'exclusive' }, { partnerId: 'b', type: 'exclusive' })).toBe(true);
    expect(changesParties({ partnerId: 'a', type: 'exclusive' }, { partnerId: 'a', type: 'registration' })).toBe(true);
  });

  it('an active agreement ends no earlier than its start; a draft may be withdrawn any day', () => {
    expect(terminationTooEarly({ status: 'active', startDate: '2030-01-01' }, '2029-12-31')).toBe(true);
    expect(terminationTooEarly({ status: 'active', startDate: '2030-01-01' }, '2030-01-01')).toBe(false);
    expect(terminationTooEarly({ status: 'draft', startDate: '2030-01-01' }, '2029-12-31')).toBe(false);
  });

  it('offers managers the next steps of each state, and nothing to others', () => {
    expect(agreementActions({ status: 'draft', pendingAmendment: false }, true)).toEqual(['edit', 'submit', 'terminate']);
    expect(agreementActions({ status: 'pending_approval', pendingAmendment: false }, true)).toEqual(['approve', 'reject']);
    expect(agreementActions({ status: 'active', pendingAmendment: false }, true)).toEqual(['terminate', 'amend']);
    expect(agreementActions({ status: 'active', pendingAmendment: true }, true)).toEqual(['approve', 'reject', 'terminate']);
    expect(agreementActions({ status: 'expired', pendingAmendment: false }, true)).toEqual([]);
    expect(agreementActions({ status: 'draft', pendingAmendment: false }, false)).toEqual([]);
  });
});
