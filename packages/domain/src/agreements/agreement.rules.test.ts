import { describe, expect, it } from 'vitest';
import { regionCovers } from '../catalog/region-tree.js';
import { missingExclusiveRequirements, scopesOverlap, termsOverlap } from './agreement.rules.js';

const tree = new Map([
  ['cn', { id: 'cn', parentId: null }],
  ['gd', { id: 'gd', parentId: 'cn' }],
  ['sz', { id: 'sz', parentId: 'gd' }],
  ['bj', { id: 'bj', parentId: 'cn' }],
]);
const covers = (s: string, r: string) => regionCovers(s, r, tree);

describe('agreement overlap rules', () => {
  it('adjacent terms do not overlap; shared days do', () => {
    expect(termsOverlap({ startDate: '2026-01-01', endDate: '2026-12-31' }, { startDate: '2027-01-01', endDate: '2027-12-31' })).toBe(
      false,
    );
    expect(termsOverlap({ startDate: '2026-01-01', endDate: '2026-12-31' }, { startDate: '2026-12-31', endDate: '2027-12-31' })).toBe(true);
  });

  it('all of China overlaps one city; sibling provinces do not', () => {
    expect(scopesOverlap({ industryId: 'fin', regionId: 'cn' }, { industryId: 'fin', regionId: 'sz' }, covers)).toBe(true);
    expect(scopesOverlap({ industryId: 'fin', regionId: 'gd' }, { industryId: 'fin', regionId: 'bj' }, covers)).toBe(false);
  });

  it('"all industries" overlaps any industry; different industries do not', () => {
    expect(scopesOverlap({ industryId: null, regionId: 'sz' }, { industryId: 'mfg', regionId: 'gd' }, covers)).toBe(true);
    expect(scopesOverlap({ industryId: 'fin', regionId: 'gd' }, { industryId: 'mfg', regionId: 'gd' }, covers)).toBe(false);
    expect(scopesOverlap({ industryId: 'fin', regionId: null }, { industryId: 'fin', regionId: 'bj' }, covers)).toBe(true);
  });
});

describe('missingExclusiveRequirements', () => {
  const complete = {
    type: 'exclusive' as const,
    quotaPerPeriod: '5000000',
    evaluationPeriod: 'quarter',
    deposit: { amount: '200000', dueDate: '2026-12-01', handling: 'offset' },
    hasTrackRecord: true,
    override: null,
  };

  it('a complete exclusive agreement lacks nothing; other types are not checked', () => {
    expect(missingExclusiveRequirements(complete)).toEqual([]);
    expect(missingExclusiveRequirements({ ...complete, type: 'registration', quotaPerPeriod: null, deposit: null })).toEqual([]);
  });

  it('names everything missing', () => {
    expect(
      missingExclusiveRequirements({ ...complete, quotaPerPeriod: '0', evaluationPeriod: null, deposit: null, hasTrackRecord: false }),
    ).toEqual(['quota', 'evaluation_period', 'deposit', 'track_record']);
  });

  it('a written override stands in for the track record', () => {
    expect(
      missingExclusiveRequirements({ ...complete, hasTrackRecord: false, override: { justification: '战略客户指定，管理层特批。' } }),
    ).toEqual([]);
    expect(missingExclusiveRequirements({ ...complete, hasTrackRecord: false, override: { justification: 'ok' } })).toEqual([
      'track_record',
    ]);
  });
});

import { AGREEMENT_TRANSITIONS, agreementGaps, agreementNumber } from './agreement.rules.js';
import { checkTransition } from '../common/state-machine.js';
import { AgreementTermsSchema } from './agreement.schema.js';

describe('agreement lifecycle', () => {
  it('follows draft → pending_approval → active → expired/terminated/renewed', () => {
    expect(checkTransition(AGREEMENT_TRANSITIONS, 'draft', 'pending_approval')).toEqual({ ok: true });
    expect(checkTransition(AGREEMENT_TRANSITIONS, 'pending_approval', 'active')).toEqual({ ok: true });
    expect(checkTransition(AGREEMENT_TRANSITIONS, 'active', 'terminated')).toEqual({ ok: true });
    expect(checkTransition(AGREEMENT_TRANSITIONS, 'draft', 'active')).toMatchObject({
      ok: false,
      allowed: ['pending_approval', 'terminated'],
    });
    expect(checkTransition(AGREEMENT_TRANSITIONS, 'terminated', 'active')).toMatchObject({ ok: false, allowed: [] });
  });

  it('a rejected submission goes back to draft', () => {
    expect(checkTransition(AGREEMENT_TRANSITIONS, 'pending_approval', 'draft')).toEqual({ ok: true });
  });
});

describe('agreementGaps', () => {
  const base = { scope: [{}], productIds: [], evidenceStandard: null, quotaPerPeriod: null, evaluationPeriod: null, deposit: null };
  it('registration needs an evidence standard, distribution products, exclusive quota/period/deposit', () => {
    expect(agreementGaps({ ...base, type: 'registration' })).toEqual(['evidence_standard']);
    expect(agreementGaps({ ...base, type: 'distribution' })).toEqual(['products']);
    expect(agreementGaps({ ...base, type: 'exclusive' })).toEqual(['quota', 'evaluation_period', 'deposit']);
    expect(
      agreementGaps({
        ...base,
        type: 'registration',
        evidenceStandard: { proofOfCommunication: true, customerFeedback: false, customerDetails: true },
      }),
    ).toEqual([]);
  });
});

describe('AgreementTermsSchema', () => {
  it('refuses an end before the start, naming endDate', () => {
    const r = AgreementTermsSchema.safeParse({
      partnerId: '8f0e6f55-6d4c-4c1f-9f3e-2b8a7c1d0e11',
      type: 'registration',
      scope: [{ industryId: null, regionId: null }],
      startDate: '2027-01-01',
      endDate: '2026-12-31',
    });
    expect(r.error?.issues[0]).toMatchObject({ path: ['endDate'], message: 'validation.end_before_start' });
  });

  it('numbers agreements by type and year', () => {
    expect(agreementNumber('exclusive', '2026-07-01', 'abcdef12-0000')).toBe('PL-EX-2026-ABCDEF12');
  });
});

import { expandScope } from './agreement.rules.js';

describe('expandScope', () => {
  const catalog = {
    industryIds: ['fin', 'mfg'],
    regions: [
      { id: 'cn', parentId: null },
      { id: 'gd', parentId: 'cn' },
      { id: 'sz', parentId: 'gd' },
      { id: 'bj', parentId: 'cn' },
      { id: 'sg', parentId: null },
    ],
  };
  const keys = (cells: { industryId: string; regionId: string }[]) => cells.map((c) => `${c.industryId}:${c.regionId}`).sort();

  it('a region covers itself and its descendants', () => {
    expect(keys(expandScope([{ industryId: 'fin', regionId: 'gd' }], catalog))).toEqual(['fin:gd', 'fin:sz']);
  });

  it('"all" expands to every industry or region, without duplicates', () => {
    expect(expandScope([{ industryId: null, regionId: null }], catalog)).toHaveLength(10);
    expect(
      keys(
        expandScope(
          [
            { industryId: 'fin', regionId: 'cn' },
            { industryId: 'fin', regionId: 'sz' },
          ],
          catalog,
        ),
      ),
    ).toEqual(['fin:bj', 'fin:cn', 'fin:gd', 'fin:sz']);
  });

  it('all of China and one city share the city cell; sibling provinces share nothing', () => {
    const china = new Set(keys(expandScope([{ industryId: 'fin', regionId: 'cn' }], catalog)));
    expect(keys(expandScope([{ industryId: 'fin', regionId: 'sz' }], catalog)).some((k) => china.has(k))).toBe(true);
    const gd = new Set(keys(expandScope([{ industryId: 'fin', regionId: 'gd' }], catalog)));
    expect(keys(expandScope([{ industryId: 'fin', regionId: 'bj' }], catalog)).some((k) => gd.has(k))).toBe(false);
  });
});
