import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../policies/policy.schema.js';
import { scoreScorecard } from './scorecard.rules.js';
import { segmentFit } from './segment-fit.rules.js';

const strategicPolicy = { passMark: 60, integrityKnockoutBelow: 3, weights: DEFAULT_POLICIES.screening.strategicWeights };
const smbPolicy = { passMark: 60, integrityKnockoutBelow: 3, weights: DEFAULT_POLICIES.screening.smbWeights };

describe('scoreScorecard', () => {
  it('weights each 0–5 score into a 0–100 total', () => {
    const r = scoreScorecard(
      'strategic',
      { customerRelationships: 5, execution: 4, strategicFit: 3, segmentCoverage: 2 },
      strategicPolicy,
      4,
    );
    // 30·1 + 25·0.8 + 20·0.6 + 25·0.4 = 30 + 20 + 12 + 10
    expect(r.total).toBe(72);
    expect(r.contributions).toEqual({ customerRelationships: 30, execution: 20, strategicFit: 12, segmentCoverage: 10 });
    expect(r.passed).toBe(true);
  });

  it('all fives is 100, all zeros 0', () => {
    expect(
      scoreScorecard('smb', { cashFlowStability: 5, customerProximity: 5, dedicatedOwner: 5, integrityCompliance: 5 }, smbPolicy).total,
    ).toBe(100);
    expect(
      scoreScorecard('smb', { cashFlowStability: 0, customerProximity: 0, dedicatedOwner: 0, integrityCompliance: 0 }, smbPolicy).total,
    ).toBe(0);
  });

  it('fails below the pass mark', () => {
    const r = scoreScorecard(
      'strategic',
      { customerRelationships: 3, execution: 3, strategicFit: 2, segmentCoverage: 3 },
      strategicPolicy,
      5,
    );
    expect(r.total).toBeLessThan(60);
    expect(r).toMatchObject({ passed: false, knockedOut: false, reasons: ['below_pass_mark'] });
  });

  it('knocks out an SMB partner with integrity below 3, however high the total', () => {
    const r = scoreScorecard('smb', { cashFlowStability: 5, customerProximity: 5, dedicatedOwner: 5, integrityCompliance: 2 }, smbPolicy);
    expect(r.total).toBeGreaterThan(60);
    expect(r).toMatchObject({ passed: false, knockedOut: true, reasons: ['integrity_knockout'] });
  });

  it('knocks out a strategic partner on its separate integrity check', () => {
    const scores = { customerRelationships: 5, execution: 5, strategicFit: 5, segmentCoverage: 5 };
    expect(scoreScorecard('strategic', scores, strategicPolicy, 2).knockedOut).toBe(true);
    expect(scoreScorecard('strategic', scores, strategicPolicy, 3).knockedOut).toBe(false);
  });

  it('refuses a score outside 0–5', () => {
    expect(() =>
      scoreScorecard('smb', { cashFlowStability: 7, customerProximity: 5, dedicatedOwner: 5, integrityCompliance: 5 }, smbPolicy),
    ).toThrow(/0–5/);
  });
});

describe('segmentFit', () => {
  it('fits a strategic partner in a strategic segment and an SMB partner in an SMB one', () => {
    expect(segmentFit('strategic', 'strategic')).toBeNull();
    expect(segmentFit('smb', 'smb')).toBeNull();
  });

  it('warns about any partner in a direct-sales or no-investment segment', () => {
    expect(segmentFit('smb', 'direct')?.code).toBe('direct_sales_segment');
    expect(segmentFit('strategic', 'nurture')?.code).toBe('no_investment_segment');
  });

  it('warns when the quadrant calls for the other type', () => {
    expect(segmentFit('strategic', 'smb')).toEqual({ code: 'type_mismatch', strategy: 'smb', expectedType: 'smb' });
  });
});
