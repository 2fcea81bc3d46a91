import { describe, expect, it } from 'vitest';
import { allowedDecisions, decisionBlock, statusAfterDecision } from './decision.rules.js';
import { partnerStage } from './partner-stage.js';

describe('screening decisions', () => {
  it('approval needs a passing scorecard', () => {
    expect(decisionBlock('approve', { status: 'screening', approved: false, latestScorecardPassed: null })).toEqual({
      reason: 'no_scorecard',
    });
    expect(decisionBlock('approve_trial', { status: 'screening', approved: false, latestScorecardPassed: false })).toEqual({
      reason: 'scorecard_failed',
    });
    expect(decisionBlock('approve', { status: 'screening', approved: false, latestScorecardPassed: true })).toBeNull();
  });

  it('rejecting and asking for information need no scorecard', () => {
    expect(allowedDecisions({ status: 'applied', approved: false, latestScorecardPassed: null })).toEqual(['reject', 'request_info']);
  });

  it('nothing is open once the application is decided', () => {
    expect(allowedDecisions({ status: 'rejected', approved: false, latestScorecardPassed: true })).toEqual([]);
    expect(decisionBlock('reject', { status: 'trial', approved: false, latestScorecardPassed: true })).toEqual({
      reason: 'not_in_screening',
      status: 'trial',
    });
  });

  it('an approved applicant cannot be approved twice but can still be rejected', () => {
    expect(allowedDecisions({ status: 'screening', approved: true, latestScorecardPassed: true })).toEqual(['reject', 'request_info']);
  });

  it('maps decisions to lifecycle statuses', () => {
    expect(statusAfterDecision('reject', 'screening')).toBe('rejected');
    expect(statusAfterDecision('approve_trial', 'screening')).toBe('trial');
    expect(statusAfterDecision('request_info', 'applied')).toBe('screening');
    expect(statusAfterDecision('approve', 'screening')).toBe('screening');
  });
});

describe('partnerStage', () => {
  it('distinguishes waiting for information, approved and a succeeded trial', () => {
    expect(partnerStage({ status: 'screening', approved: false, openInfoRequests: 1, trialOutcome: null })).toBe('info_requested');
    expect(partnerStage({ status: 'screening', approved: true, openInfoRequests: 0, trialOutcome: null })).toBe('approved');
    expect(partnerStage({ status: 'trial', approved: true, openInfoRequests: 0, trialOutcome: 'success' })).toBe('trial_succeeded');
    expect(partnerStage({ status: 'active', approved: true, openInfoRequests: 0, trialOutcome: null })).toBe('active');
  });
});
