import { describe, expect, it } from 'vitest';
import {
  actionLink,
  applyDrafts,
  cellDeals,
  type CellDealInput,
  cellPartners,
  certificationsLapsingBefore,
  type CoverageInputs,
  coverageMatrix,
  coverageModel,
  dashboardPeriod,
  evaluateCell,
  exclusiveHolderOf,
  exclusiveOverlaps,
  gapFlags,
  type GapContext,
  gapScore,
  gapSize,
  heatValue,
  moneyFactsOfDeals,
  paceOf,
  type PartnerFact,
  partnerQuota,
  planCoverage,
  rankedGaps,
  regionIndex,
  suggestedAction,
} from './coverage.rules.js';
import {
  CoverageCellDetailSchema,
  CoverageMatrixSchema,
  CoveragePlanRequestSchema,
  CoveragePlanSchema,
  CoverageQuerySchema,
  GapListSchema,
  type GapKind,
} from './coverage.schemas.js';

/** Readable fixed UUIDs: u(1) = 00000000-0000-4000-8000-000000000001. */
const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// Regions: China › Guangdong › (Shenzhen, Guangzhou); China › Jiangsu › Nanjing.
const CN = u(1);
const GD = u(2);
const SZ = u(3);
const GZ = u(4);
const JS = u(5);
const NJ = u(6);
// Industries.
const FIN = u(11);
const MFG = u(12);
// Partners.
const P_STRAT = u(21); // strategic, in Shenzhen and Guangzhou (finance)
const P_SMB = u(22); // smb, in Nanjing (finance) and Shenzhen (manufacturing)
const P_EXCL = u(23); // strategic, exclusive holder of finance in Guangdong, behind pace
const AG_EXCL = u(31);

const TODAY = '2026-11-28';
const Q4 = { index: 1, start: '2026-10-01', end: '2026-12-31' };
const META = { asOf: '2026-11-28T06:00:00Z', staleSeconds: 12, period: dashboardPeriod(TODAY) };

const region = (id: string, parentId: string | null, code: string, level: 'country' | 'province' | 'city') => ({
  id,
  parentId,
  code,
  nameZh: code,
  nameEn: code,
  level,
});

const partner = (over: Partial<PartnerFact> & Pick<PartnerFact, 'id' | 'name' | 'type'>): PartnerFact => ({
  certifiedHeadcount: 0,
  certificationsLapsing: 0,
  agreementEndsOn: '2027-06-30',
  quota: '0',
  achievement: '0',
  period: Q4,
  ...over,
});

function fixture(): CoverageInputs {
  return {
    today: TODAY,
    industries: [
      { id: MFG, code: 'MFG', nameZh: '制造', nameEn: 'Manufacturing' },
      { id: FIN, code: 'FIN', nameZh: '金融', nameEn: 'Finance' },
    ],
    regions: [
      region(CN, null, 'CN', 'country'),
      region(GD, CN, 'CN-GD', 'province'),
      region(SZ, GD, 'CN-GD-SZ', 'city'),
      region(GZ, GD, 'CN-GD-GZ', 'city'),
      region(JS, CN, 'CN-JS', 'province'),
      region(NJ, JS, 'CN-JS-NJ', 'city'),
    ],
    segments: [
      { id: u(41), industryId: FIN, regionId: GD, marketPotential: 80, strategy: 'strategic' },
      { id: u(42), industryId: FIN, regionId: SZ, marketPotential: 70, strategy: 'strategic' },
      { id: u(43), industryId: FIN, regionId: JS, marketPotential: 90, strategy: 'strategic' },
      { id: u(44), industryId: MFG, regionId: JS, marketPotential: 30, strategy: 'smb' },
      { id: u(45), industryId: MFG, regionId: GD, marketPotential: 60, strategy: 'direct' },
    ],
    presence: [
      { industryId: FIN, regionId: SZ, partnerId: P_STRAT },
      { industryId: FIN, regionId: GZ, partnerId: P_STRAT },
      { industryId: FIN, regionId: NJ, partnerId: P_SMB },
      { industryId: MFG, regionId: SZ, partnerId: P_SMB },
      { industryId: FIN, regionId: GD, partnerId: P_EXCL },
    ],
    money: [
      { industryId: FIN, regionId: SZ, partnerId: P_STRAT, openPipeline: '0.1', wonRevenue: '100.005' },
      { industryId: FIN, regionId: GZ, partnerId: P_STRAT, openPipeline: '0.2', wonRevenue: '0' },
      { industryId: FIN, regionId: NJ, partnerId: P_SMB, openPipeline: '1000', wonRevenue: '250.5' },
      { industryId: FIN, regionId: GD, partnerId: P_EXCL, openPipeline: '5', wonRevenue: '0' },
    ],
    partners: [
      partner({ id: P_STRAT, name: '华信', type: 'strategic', certifiedHeadcount: 4, certificationsLapsing: 2, quota: '900', achievement: '900' }),
      partner({ id: P_SMB, name: '金石', type: 'smb', certifiedHeadcount: 1, quota: '0', achievement: '80' }),
      partner({ id: P_EXCL, name: '天禾', type: 'strategic', certifiedHeadcount: 3, quota: '100', achievement: '10' }),
    ],
    holds: [{ agreementId: AG_EXCL, partnerId: P_EXCL, partnerName: '天禾', industryId: FIN, regionId: GD, from: '2026-01-01', until: '2026-12-31' }],
  };
}

const cellOf = (inputs: CoverageInputs, industryId: string, regionId: string, partnerType?: 'strategic' | 'smb') =>
  evaluateCell(coverageModel(inputs, partnerType), industryId, regionId, 'pipeline').cell;

describe('roll-up up the region tree', () => {
  it.each([
    ['a city holds its own facts', FIN, SZ, '0.10', '100.01', 1],
    ['a province sums its cities exactly (0.1 + 0.2) and adds its own level', FIN, GD, '5.30', '100.01', 2],
    ['the country sums every level below it', FIN, CN, '1005.30', '350.51', 3],
    ['an empty segment is zero, not missing', MFG, NJ, '0.00', '0.00', 0],
  ])('%s', (_name, industryId, regionId, pipeline, won, partners) => {
    const c = cellOf(fixture(), industryId, regionId);
    expect(c.openPipeline).toBe(pipeline);
    expect(c.wonRevenue).toBe(won);
    expect(c.partners.total).toBe(partners);
  });

  it('counts a partner present in two child regions once in the parent (distinct partner ids)', () => {
    const i = fixture();
    expect(cellOf(i, FIN, SZ).partners).toEqual({ strategic: 1, smb: 0, total: 1 });
    expect(cellOf(i, FIN, GZ).partners).toEqual({ strategic: 1, smb: 0, total: 1 });
    const gd = cellOf(i, FIN, GD);
    expect(gd.partners).toEqual({ strategic: 2, smb: 0, total: 2 });
    // headcount and quota are the partner's, also counted once: 4 + 3, not 4 + 4 + 3
    expect(gd.certifiedHeadcount).toBe(7);
    expect(gd.quota).toBe('1000.00');
  });

  it('attainment is Σ achievement ÷ Σ quota, not the mean of the partners\u2019 percentages', () => {
    // 華信 900/900 = 100 %, 天禾 10/100 = 10 %: the mean would be 55 %, the quota-weighted figure is 910/1000
    expect(cellOf(fixture(), FIN, GD).attainmentPercent).toBe('91.00');
  });

  it.each([
    ['a cell whose partners have no quota has no attainment', FIN, NJ, null],
    ['an empty cell has no attainment', MFG, NJ, null],
  ])('%s', (_n, industryId, regionId, attainment) => {
    expect(cellOf(fixture(), industryId, regionId).attainmentPercent).toBe(attainment);
  });

  it('a zero-quota partner adds its achievement to the sum but nothing to the quota', () => {
    // Finance in China: 900 + 80 + 10 achievement over 900 + 0 + 100 quota
    expect(cellOf(fixture(), FIN, CN).attainmentPercent).toBe('99.00');
  });

  it('the partner-type filter narrows counts and money, never the gap flags', () => {
    const c = cellOf(fixture(), FIN, SZ, 'smb');
    expect(c.partners.total).toBe(0);
    expect(c.openPipeline).toBe('0.00');
    expect(c.gaps).not.toContain('no_strategic_partner');
  });
});

describe('money of deals', () => {
  const deals = [
    { industryId: FIN, regionId: SZ, partnerId: P_STRAT, status: 'won' as const, amount: '1000000', share: '0.6', closedOn: '2026-11-01' },
    { industryId: FIN, regionId: SZ, partnerId: P_SMB, status: 'won' as const, amount: '1000000', share: '0.4', closedOn: '2026-11-01' },
    { industryId: FIN, regionId: SZ, partnerId: P_STRAT, status: 'won' as const, amount: '500', share: '1', closedOn: '2026-09-30' },
    { industryId: FIN, regionId: SZ, partnerId: P_STRAT, status: 'approved' as const, amount: '333.33', share: '1', closedOn: null },
  ];
  it('applies split shares, keeps won deals of the period only, and approved ones as pipeline', () => {
    const facts = moneyFactsOfDeals(deals, dashboardPeriod(TODAY));
    expect(facts).toEqual([
      { industryId: FIN, regionId: SZ, partnerId: P_STRAT, openPipeline: '333.33', wonRevenue: '600000' },
      { industryId: FIN, regionId: SZ, partnerId: P_SMB, openPipeline: '0', wonRevenue: '400000' },
    ]);
  });

  it('the cell lists its deals largest counted amount first, limited, with the total', () => {
    const model = coverageModel(fixture());
    const withIds: CellDealInput[] = deals.map((d, i) => ({ ...d, id: u(100 + i), customerName: `客户${i}`, partnerName: 'x' }));
    const r = cellDeals(model, withIds, { industryId: FIN, regionId: GD, period: dashboardPeriod(TODAY), limit: 2 });
    expect(r.dealsTotal).toBe(3); // the deal won in Q3 is outside the period
    expect(r.deals.map((d) => d.counted)).toEqual(['600000', '400000']);
  });
});

describe('period and pace', () => {
  it.each([
    [undefined, '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-H1', '2026-H1', '2026-01-01', '2026-06-30'],
    ['2024', '2024', '2024-01-01', '2024-12-31'],
  ])('dashboard period %s', (requested, key, start, end) => {
    expect(dashboardPeriod(TODAY, requested)).toEqual({ key, start, end });
  });

  it.each([
    ['behind: 10 % of quota when 64.13 % of the quarter has passed', '100', '10', Q4, true, '64.13', '54.13'],
    ['on pace', '100', '70', Q4, false, '64.13', '0'],
    ['exactly on pace is not behind', '100', '64.13', Q4, false, '64.13', '0'],
    ['zero quota: no pace to be behind', '0', '0', Q4, false, null, '0'],
    ['a period not yet started asks for nothing', '100', '0', { index: 2, start: '2027-01-01', end: '2027-03-31' }, false, '0.00', '0'],
    ['no period in force', '100', '0', null, false, null, '0'],
  ])('%s', (_n, quota, achievement, period, behind, pace, shortfall) => {
    const p = paceOf({ quota, achievement, period }, TODAY);
    expect(p.behind).toBe(behind);
    expect(p.pacePercent).toBe(pace);
    expect(p.shortfall).toBe(shortfall);
  });

  it.each([
    ['valid and ending before the agreement', [{ expiresOn: '2027-03-31', revoked: false }], '2027-06-30', 1],
    ['ending on the agreement\u2019s last day does not lapse', [{ expiresOn: '2027-06-30', revoked: false }], '2027-06-30', 0],
    ['already expired is not counted (it is no longer certified)', [{ expiresOn: '2026-11-27', revoked: false }], '2027-06-30', 0],
    ['revoked is not counted', [{ expiresOn: '2027-03-31', revoked: true }], '2027-06-30', 0],
    ['no agreement, nothing lapses before it', [{ expiresOn: '2027-03-31', revoked: false }], null, 0],
  ])('certification lapse: %s', (_n, certs, endsOn, n) => {
    expect(certificationsLapsingBefore(certs, endsOn, TODAY)).toBe(n);
  });
});

describe('a partner\u2019s quota over its agreements in force', () => {
  const H1 = { index: 1, start: '2026-07-01', end: '2026-12-31' };
  const Y = { index: 1, start: '2026-01-01', end: '2026-12-31' };
  it.each([
    ['no quota\'d agreement: none', [], null],
    ['one agreement: its own figures', [{ quota: '100', achievement: '10.5', period: Q4 }], { quota: '100', achievement: '10.5', period: Q4 }],
    [
      'several add up; the pace period is the largest quota\u2019s',
      [
        { quota: '100', achievement: '10', period: Q4 },
        { quota: '300.5', achievement: '0.25', period: H1 },
        { quota: '200', achievement: '5', period: Y },
      ],
      { quota: '600.5', achievement: '15.25', period: H1 },
    ],
    [
      'on a tie the first agreement\u2019s period',
      [
        { quota: '100', achievement: '1', period: Q4 },
        { quota: '100', achievement: '2', period: Y },
      ],
      { quota: '200', achievement: '3', period: Q4 },
    ],
  ])('%s', (_n, agreements, expected) => {
    expect(partnerQuota(agreements)).toEqual(expected);
  });
});

describe('gap flags', () => {
  const ctx = (over: Partial<GapContext>): GapContext => ({
    strategy: null,
    partners: { strategic: 0, smb: 0, total: 0 },
    holderPace: null,
    certificationsLapsing: 0,
    certifiedHeadcount: 0,
    ...over,
  });
  it.each<[string, Partial<GapContext>, GapKind[]]>([
    ['strategic quadrant, nobody', { strategy: 'strategic' }, ['no_strategic_partner']],
    ['strategic quadrant, only SMB partners', { strategy: 'strategic', partners: { strategic: 0, smb: 3, total: 3 } }, ['no_strategic_partner']],
    ['strategic quadrant, a strategic partner', { strategy: 'strategic', partners: { strategic: 1, smb: 0, total: 1 } }, []],
    ['SMB quadrant, nobody', { strategy: 'smb' }, ['no_smb_partner']],
    ['SMB quadrant, any partner covers it', { strategy: 'smb', partners: { strategic: 1, smb: 0, total: 1 } }, []],
    ['direct quadrant, nobody: direct sales covers it', { strategy: 'direct' }, []],
    ['nurture quadrant, nobody: no investment planned', { strategy: 'nurture' }, []],
    ['unrated segment, nobody', {}, []],
    ['holder behind pace', { holderPace: { behind: true, shortfall: '10' } }, ['exclusive_behind_pace']],
    ['holder on pace', { holderPace: { behind: false, shortfall: '0' } }, []],
    ['certifications lapsing', { certificationsLapsing: 1, certifiedHeadcount: 5 }, ['certifications_lapse']],
    [
      'all four kinds at once are listed in their order',
      { strategy: 'strategic', holderPace: { behind: true, shortfall: '1' }, certificationsLapsing: 1 },
      ['no_strategic_partner', 'exclusive_behind_pace', 'certifications_lapse'],
    ],
  ])('%s', (_n, over, flags) => {
    expect(gapFlags(ctx(over))).toEqual(flags);
  });

  it.each<[GapKind, Partial<GapContext>, string]>([
    ['no_strategic_partner', {}, '1.0000'],
    ['no_smb_partner', {}, '1.0000'],
    ['exclusive_behind_pace', { holderPace: { behind: true, shortfall: '54.13' } }, '0.5413'],
    ['exclusive_behind_pace', { holderPace: { behind: true, shortfall: '100.00' } }, '1.0000'],
    ['certifications_lapse', { certificationsLapsing: 2, certifiedHeadcount: 4 }, '0.5000'],
    ['certifications_lapse', { certificationsLapsing: 1, certifiedHeadcount: 3 }, '0.3333'],
    ['certifications_lapse', { certificationsLapsing: 2, certifiedHeadcount: 0 }, '1.0000'],
  ])('size of %s', (kind, over, size) => {
    expect(gapSize(kind, ctx(over))).toBe(size);
  });

  it.each([
    [80, '1.0000', '80.0000'],
    [80, '0.5413', '43.3040'],
    [null, '1.0000', '0.0000'],
  ])('score = potential %s × size %s', (potential, size, score) => {
    expect(gapScore(potential, size)).toBe(score);
  });

  it('the fixture cells carry the expected flags', () => {
    const i = fixture();
    expect(cellOf(i, FIN, JS).gaps).toEqual(['no_strategic_partner']); // only an SMB partner in Nanjing
    expect(cellOf(i, MFG, JS).gaps).toEqual(['no_smb_partner']);
    expect(cellOf(i, FIN, GD).gaps).toEqual(['exclusive_behind_pace', 'certifications_lapse']);
    expect(cellOf(i, MFG, GD).gaps).toEqual([]); // direct sales, an SMB partner is present anyway
  });
});

describe('suggested action and link', () => {
  it.each<[GapKind, 'direct' | 'strategic' | 'smb' | 'nurture' | null, string]>([
    ['no_strategic_partner', 'strategic', 'recruit_strategic'],
    ['no_smb_partner', 'smb', 'recruit_smb'],
    ['exclusive_behind_pace', 'strategic', 'review_exclusive_holder'],
    ['exclusive_behind_pace', 'nurture', 'review_exclusive_holder'],
    ['exclusive_behind_pace', null, 'review_exclusive_holder'],
    ['exclusive_behind_pace', 'direct', 'leave_to_direct_sales'],
    ['certifications_lapse', 'smb', 'renew_certifications'],
    ['certifications_lapse', 'direct', 'leave_to_direct_sales'],
  ])('%s in the %s quadrant → %s', (kind, strategy, action) => {
    expect(suggestedAction(kind, strategy)).toBe(action);
  });

  it.each([
    ['recruit_strategic', AG_EXCL, { to: '/partners', search: { view: 'queue', type: 'strategic', industryId: FIN, regionId: JS } }],
    ['recruit_smb', null, { to: '/partners', search: { view: 'queue', type: 'smb', industryId: FIN, regionId: JS } }],
    ['review_exclusive_holder', AG_EXCL, { to: '/agreements/$agreementId', params: { agreementId: AG_EXCL } }],
    ['review_exclusive_holder', null, { to: '/segments', search: { industryId: FIN, regionId: JS } }],
    ['renew_certifications', null, { to: '/training/certifications', search: { status: 'expiring', industryId: FIN, regionId: JS } }],
    ['leave_to_direct_sales', null, { to: '/segments', search: { industryId: FIN, regionId: JS } }],
  ] as const)('%s links to its route with filters', (action, agreementId, link) => {
    expect(actionLink(action, FIN, JS, agreementId)).toEqual(link);
  });
});

describe('exclusive holder of a cell', () => {
  const tree = regionIndex(fixture().regions);
  const hold = (over: object) => ({ agreementId: u(90), partnerId: u(91), partnerName: 'A', industryId: FIN, regionId: GD, from: '2026-01-01', until: '2026-12-31', ...over });
  it.each([
    ['the scope region itself', [hold({})], FIN, GD, u(91)],
    ['a city below the scope', [hold({})], FIN, SZ, u(91)],
    ['not the parent: the scope covers only part of China', [hold({})], FIN, CN, null],
    ['not another industry', [hold({})], MFG, GD, null],
    ['an all-industries scope', [hold({ industryId: null })], MFG, SZ, u(91)],
    ['an all-regions scope', [hold({ regionId: null })], FIN, CN, u(91)],
    ['not once the term has ended', [hold({ until: '2026-11-27' })], FIN, GD, null],
    ['not before it starts', [hold({ from: '2026-11-29' })], FIN, GD, null],
    ['a real scope before a draft', [hold({ agreementId: null, partnerId: u(92), partnerName: '0' }), hold({})], FIN, GD, u(91)],
  ])('%s', (_n, holds, industryId, regionId, holder) => {
    expect(exclusiveHolderOf(holds, industryId, regionId, tree, TODAY)?.partnerId ?? null).toBe(holder);
  });
});

describe('heat value', () => {
  const c = {
    partners: { strategic: 1, smb: 2, total: 3 },
    openPipeline: '10.50',
    wonRevenue: '7.00',
    certifiedHeadcount: 4,
    attainmentPercent: null,
    gaps: ['no_smb_partner' as const],
  };
  it.each([
    ['partners', '3'],
    ['pipeline', '10.50'],
    ['won', '7.00'],
    ['certified', '4'],
    ['attainment', null],
    ['gaps', '1'],
  ] as const)('%s', (measure, value) => {
    expect(heatValue(measure, c)).toBe(value);
  });
});

describe('the matrix', () => {
  it('at the top: the roots as columns, no total, no breadcrumb; industries by code', () => {
    const m = coverageMatrix(coverageModel(fixture()), { parentRegionId: null, measure: 'partners' }, META);
    expect(m.columns.map((c) => [c.code, c.hasChildren])).toEqual([['CN', true]]);
    expect(m.rows.map((r) => r.industry.code)).toEqual(['FIN', 'MFG']);
    expect(m.rows[0].total).toBeNull();
    expect(m.breadcrumb).toEqual([]);
    expect(CoverageMatrixSchema.parse(m)).toEqual(m);
  });

  it('drilling into Guangdong: its cities as columns, the province as the row total, the breadcrumb root first', () => {
    const m = coverageMatrix(coverageModel(fixture()), { parentRegionId: GD, industryId: FIN, measure: 'pipeline' }, META);
    expect(m.columns.map((c) => [c.code, c.hasChildren])).toEqual([
      ['CN-GD-GZ', false],
      ['CN-GD-SZ', false],
    ]);
    expect(m.breadcrumb.map((r) => r.code)).toEqual(['CN', 'CN-GD']);
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0].cells.map((c) => c.heat)).toEqual(['0.20', '0.10']);
    expect(m.rows[0].total?.heat).toBe('5.30');
    expect(m.rows[0].total?.exclusiveHolder).toEqual({ id: P_EXCL, name: '天禾', agreementId: AG_EXCL });
    expect(m.heatRange).toEqual({ min: '0.10', max: '0.20' });
    expect(CoverageMatrixSchema.parse(m)).toEqual(m);
  });

  it('heat range is null when no cell has a value (attainment without quota)', () => {
    const m = coverageMatrix(coverageModel(fixture()), { parentRegionId: JS, industryId: MFG, measure: 'attainment' }, META);
    expect(m.heatRange).toBeNull();
  });
});

describe('nationwide presence (an agreement scope with no region)', () => {
  const P_NAT = u(24); // strategic, every industry
  const P_NAT_FIN = u(25); // smb, finance only
  const withNationwide = (): CoverageInputs => {
    const i = fixture();
    return {
      ...i,
      partners: [
        ...i.partners,
        partner({ id: P_NAT, name: '全国', type: 'strategic', certifiedHeadcount: 2 }),
        partner({ id: P_NAT_FIN, name: '全国金融', type: 'smb' }),
      ],
      nationwide: [
        { industryId: null, partnerId: P_NAT },
        { industryId: FIN, partnerId: P_NAT_FIN },
      ],
    };
  };

  it.each([
    ['a city with no partner of its own gets both (finance)', FIN, NJ, undefined, { strategic: 1, smb: 2, total: 3 }, '1000.00'],
    ['a province counts them once beside its own partners', FIN, GD, undefined, { strategic: 3, smb: 1, total: 4 }, '5.30'],
    ['the country counts them once', FIN, CN, undefined, { strategic: 3, smb: 2, total: 5 }, '1005.30'],
    ['an industry-only scope stays in its industry', MFG, NJ, undefined, { strategic: 1, smb: 0, total: 1 }, '0.00'],
    ['the partner-type filter narrows them too', FIN, NJ, 'smb' as const, { strategic: 0, smb: 2, total: 2 }, '1000.00'],
  ])('%s; money untouched', (_n, industryId, regionId, partnerType, partners, pipeline) => {
    const c = cellOf(withNationwide(), industryId, regionId, partnerType);
    expect(c.partners).toEqual(partners);
    expect(c.openPipeline).toBe(pipeline);
  });

  it('adds their headcount once and closes the coverage gaps they fill', () => {
    const i = withNationwide();
    expect(cellOf(i, FIN, GD).certifiedHeadcount).toBe(4 + 3 + 2);
    expect(cellOf(i, FIN, JS).gaps).not.toContain('no_strategic_partner');
    expect(cellOf(i, MFG, JS).gaps).not.toContain('no_smb_partner');
    expect(rankedGaps(coverageModel(i), { kind: 'no_strategic_partner' })).toEqual([]);
  });

  it('lists them behind a cell at the cell\u2019s own level', () => {
    const ps = cellPartners(coverageModel(withNationwide()), FIN, GD);
    expect(ps.map((p) => [p.name, p.regionIds])).toEqual([
      ['全国', [GD]],
      ['全国金融', [GD]],
      ['华信', [GZ, SZ].sort()],
      ['天禾', [GD]],
    ]);
    expect(cellPartners(coverageModel(withNationwide()), MFG, NJ).map((p) => p.name)).toEqual(['全国']);
  });
});

describe('behind a cell', () => {
  it('lists a partner present in two child regions once, with both regions', () => {
    const ps = cellPartners(coverageModel(fixture()), FIN, GD);
    expect(ps.map((p) => [p.name, p.regionIds, p.exclusive])).toEqual([
      ['华信', [GZ, SZ].sort(), false],
      ['天禾', [GD], true],
    ]);
    const detail = {
      ...META,
      industry: { id: FIN, code: 'FIN', nameZh: '金融', nameEn: 'Finance' },
      region: { id: GD, code: 'CN-GD', nameZh: 'CN-GD', nameEn: 'CN-GD', level: 'province' as const },
      cell: cellOf(fixture(), FIN, GD),
      partners: ps,
      deals: [],
      dealsTotal: 0,
    };
    expect(() => CoverageCellDetailSchema.parse(detail)).not.toThrow();
    expect(ps[1].pacePercent).toBe('64.13');
  });
});

describe('the gap list', () => {
  it('ranks by potential × size, lists a holder behind pace once at the broadest segment, and links each action', () => {
    const gaps = rankedGaps(coverageModel(fixture()));
    expect(gaps.map((g) => [g.rank, g.kind, g.region.code, g.industry.code, g.size, g.score])).toEqual([
      [1, 'no_strategic_partner', 'CN-JS', 'FIN', '1.0000', '90.0000'],
      // 80 × 0.5413; Shenzhen (same holder) is not listed again
      [2, 'exclusive_behind_pace', 'CN-GD', 'FIN', '0.5413', '43.3040'],
      [3, 'no_smb_partner', 'CN-JS', 'MFG', '1.0000', '30.0000'],
      // 2 lapsing of 7 certified (华信 4 + 天禾 3) = 0.2857; Shenzhen (same lapsing partner) is not listed again
      [4, 'certifications_lapse', 'CN-GD', 'FIN', '0.2857', '22.8560'],
    ]);
    expect(gaps.map((g) => g.action)).toEqual(['recruit_strategic', 'review_exclusive_holder', 'recruit_smb', 'renew_certifications']);
  });

  it('breaks ties of equal score by kind, then the broader region, then codes', () => {
    const i = fixture();
    i.segments = [
      { id: u(51), industryId: MFG, regionId: SZ, marketPotential: 50, strategy: 'strategic' },
      { id: u(52), industryId: FIN, regionId: NJ, marketPotential: 50, strategy: 'smb' },
      { id: u(53), industryId: MFG, regionId: JS, marketPotential: 50, strategy: 'strategic' },
      { id: u(54), industryId: FIN, regionId: GZ, marketPotential: 50, strategy: 'smb' },
      { id: u(55), industryId: MFG, regionId: GZ, marketPotential: 50, strategy: 'strategic' },
    ];
    i.presence = [];
    i.holds = [];
    const gaps = rankedGaps(coverageModel(i));
    expect(gaps.map((g) => `${g.kind}:${g.industry.code}:${g.region.code}`)).toEqual([
      'no_strategic_partner:MFG:CN-JS', // province before cities
      'no_strategic_partner:MFG:CN-GD-GZ',
      'no_strategic_partner:MFG:CN-GD-SZ',
      'no_smb_partner:FIN:CN-GD-GZ',
      'no_smb_partner:FIN:CN-JS-NJ',
    ]);
    expect(gaps.every((g) => g.score === '50.0000')).toBe(true);
  });

  it('filters by region subtree, industry and kind; an unrated cell is not listed', () => {
    const model = coverageModel(fixture());
    expect(rankedGaps(model, { regionId: JS }).map((g) => g.region.code)).toEqual(['CN-JS', 'CN-JS']);
    expect(rankedGaps(model, { industryId: MFG }).map((g) => g.kind)).toEqual(['no_smb_partner']);
    expect(rankedGaps(model, { kind: 'certifications_lapse' }).map((g) => g.region.code)).toEqual(['CN-GD']);
    expect(rankedGaps(model, { regionId: NJ })).toEqual([]);
  });

  it('the holder behind pace carries its pace and its agreement link', () => {
    const g = rankedGaps(coverageModel(fixture()), { kind: 'exclusive_behind_pace' });
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({
      holder: { id: P_EXCL, agreementId: AG_EXCL },
      attainmentPercent: '10.00',
      pacePercent: '64.13',
      size: '0.5413',
      action: 'review_exclusive_holder',
      link: { to: '/agreements/$agreementId', params: { agreementId: AG_EXCL } },
    });
    expect(() => GapListSchema.parse({ ...META, items: g, total: g.length })).not.toThrow();
  });
});

describe('exclusive overlaps of a drafted scope', () => {
  const i = fixture();
  const tree = regionIndex(i.regions);
  const names = new Map([[P_STRAT, '华信']]);
  const draft = (over: object) => ({ partnerId: P_STRAT, industryId: FIN, regionId: SZ, start: '2026-12-01', end: '2027-11-30', ...over });
  it.each([
    ['a city under the holder\u2019s province (via an ancestor)', draft({}), 'holder_covers_draft'],
    ['the same region', draft({ regionId: GD }), 'same_region'],
    ['the whole country over the holder\u2019s province (via a descendant)', draft({ regionId: CN }), 'draft_covers_holder'],
  ])('%s', (_n, d, relation) => {
    const o = exclusiveOverlaps([d], i.holds, tree, names);
    expect(o).toEqual([{ draftIndex: 0, relation, holder: { id: P_EXCL, name: '天禾', agreementId: AG_EXCL }, industryId: FIN, regionId: GD, from: '2026-01-01', until: '2026-12-31' }]);
  });

  it.each([
    ['another province', draft({ regionId: NJ })],
    ['another industry', draft({ industryId: MFG })],
    ['a term starting the day after the holder\u2019s ends (adjacent, not overlapping)', draft({ start: '2027-01-01' })],
  ])('no overlap: %s', (_n, d) => {
    expect(exclusiveOverlaps([d], i.holds, tree, names)).toEqual([]);
  });

  it('an all-regions holder covers any draft; two drafts of one plan overlap each other', () => {
    const all = [{ ...i.holds[0], regionId: null }];
    expect(exclusiveOverlaps([draft({ regionId: NJ })], all, tree, names)[0].relation).toBe('holder_covers_draft');
    const o = exclusiveOverlaps([draft({ regionId: NJ }), draft({ regionId: JS, partnerId: P_SMB })], [], tree, names);
    expect(o).toEqual([
      { draftIndex: 1, relation: 'draft_covers_holder', holder: { id: P_STRAT, name: '华信', agreementId: null }, industryId: FIN, regionId: NJ, from: '2026-12-01', until: '2027-11-30' },
    ]);
  });
});

describe('planning mode', () => {
  it('a recruitment target closes the gap it aims at, and the cells show what the plan adds', () => {
    const plan = planCoverage(
      fixture(),
      { parentRegionId: JS, measure: 'partners', exclusiveScopes: [], recruitmentTargets: [{ industryId: FIN, regionId: NJ, partnerType: 'strategic', count: 2 }] },
      META,
    );
    expect(plan.closedGaps).toEqual([{ industryId: FIN, regionId: JS, kind: 'no_strategic_partner' }]);
    expect(plan.openedGaps).toEqual([]);
    expect(plan.overlaps).toEqual([]);
    const fin = plan.matrix.rows.find((r) => r.industry.id === FIN)!;
    expect(fin.cells[0].partners).toEqual({ strategic: 2, smb: 1, total: 3 });
    expect(fin.cells[0].planned).toEqual({ recruits: { strategic: 2, smb: 0 }, exclusiveHolder: null });
    expect(fin.total?.planned?.recruits.strategic).toBe(2);
    expect(plan.matrix.rows.find((r) => r.industry.id === MFG)!.cells[0].planned).toBeUndefined();
    expect(CoveragePlanSchema.parse(plan)).toEqual(plan);
  });

  it('an SMB recruit does not close a strategic gap', () => {
    const plan = planCoverage(
      fixture(),
      { parentRegionId: JS, measure: 'partners', exclusiveScopes: [], recruitmentTargets: [{ industryId: FIN, regionId: JS, partnerType: 'smb', count: 5 }] },
      META,
    );
    expect(plan.closedGaps).toEqual([]);
    expect(plan.gaps.some((g) => g.kind === 'no_strategic_partner' && g.region.id === JS)).toBe(true);
  });

  it('an exclusive scope over an existing holder\u2019s region reports the overlap and keeps the real holder', () => {
    const plan = planCoverage(
      fixture(),
      { parentRegionId: GD, industryId: FIN, measure: 'pipeline', recruitmentTargets: [], exclusiveScopes: [{ partnerId: P_STRAT, industryId: FIN, regionId: SZ, start: '2026-12-01', end: '2027-11-30' }] },
      META,
    );
    expect(plan.overlaps).toHaveLength(1);
    expect(plan.overlaps[0]).toMatchObject({ draftIndex: 0, relation: 'holder_covers_draft', holder: { id: P_EXCL } });
    const sz = plan.matrix.columns.findIndex((c) => c.id === SZ);
    expect(plan.matrix.rows[0].cells[sz].exclusiveHolder?.id).toBe(P_EXCL);
    expect(plan.matrix.rows[0].cells[sz].planned?.exclusiveHolder).toEqual({ id: P_STRAT, name: '华信' });
  });

  it('an exclusive scope for a partner behind its pace closes a coverage gap and opens a pace gap', () => {
    const plan = planCoverage(
      fixture(),
      { parentRegionId: null, measure: 'gaps', recruitmentTargets: [], exclusiveScopes: [{ partnerId: P_EXCL, industryId: FIN, regionId: JS, start: '2027-01-01', end: '2027-12-31' }] },
      META,
    );
    expect(plan.overlaps).toEqual([]);
    expect(plan.closedGaps).toEqual([{ industryId: FIN, regionId: JS, kind: 'no_strategic_partner' }]);
    expect(plan.openedGaps).toEqual([{ industryId: FIN, regionId: JS, kind: 'exclusive_behind_pace' }]);
    const js = plan.gaps.find((g) => g.region.id === JS && g.kind === 'exclusive_behind_pace')!;
    expect(js.holder).toEqual({ id: P_EXCL, name: '天禾', agreementId: null });
    expect(js.link).toEqual({ to: '/segments', search: { industryId: FIN, regionId: JS } });
  });

  it('gaps of industries the drafts do not touch are neither closed nor opened; the industry filter narrows the answer', () => {
    const drafts = { exclusiveScopes: [], recruitmentTargets: [{ industryId: FIN, regionId: JS, partnerType: 'strategic' as const, count: 1 }] };
    const all = planCoverage(fixture(), { parentRegionId: null, measure: 'gaps', ...drafts }, META);
    expect(all.closedGaps).toEqual([{ industryId: FIN, regionId: JS, kind: 'no_strategic_partner' }]);
    expect(all.openedGaps).toEqual([]);
    expect(all.gaps.some((g) => g.industry.id === MFG)).toBe(true); // still listed, unchanged
    const mfg = planCoverage(fixture(), { parentRegionId: null, industryId: MFG, measure: 'gaps', ...drafts }, META);
    expect(mfg.matrix.rows.map((r) => r.industry.id)).toEqual([MFG]);
    expect(mfg.gaps.map((g) => g.industry.id)).toEqual([MFG]);
    expect(mfg.closedGaps).toEqual([]);
  });

  it('drafts never change the inputs they were applied to', () => {
    const i = fixture();
    const before = JSON.stringify(i);
    applyDrafts(i, { exclusiveScopes: [{ partnerId: P_SMB, industryId: MFG, regionId: JS, start: '2027-01-01', end: '2027-12-31' }], recruitmentTargets: [{ industryId: FIN, regionId: JS, partnerType: 'smb', count: 1 }] });
    expect(JSON.stringify(i)).toBe(before);
  });
});

describe('request schemas', () => {
  it('coverage query defaults the measure and accepts calendar periods only', () => {
    expect(CoverageQuerySchema.parse({}).measure).toBe('pipeline');
    expect(CoverageQuerySchema.safeParse({ period: '2026-Q5' }).success).toBe(false);
    expect(CoverageQuerySchema.safeParse({ measure: 'heat' }).success).toBe(false);
  });

  it('a plan needs at least one draft; a draft scope may not end before it starts', () => {
    expect(CoveragePlanRequestSchema.safeParse({}).success).toBe(false);
    expect(CoveragePlanRequestSchema.safeParse({ recruitmentTargets: [{ industryId: FIN, regionId: JS, partnerType: 'smb', count: 1 }] }).success).toBe(true);
    const bad = CoveragePlanRequestSchema.safeParse({ exclusiveScopes: [{ partnerId: P_SMB, industryId: FIN, regionId: JS, start: '2027-02-01', end: '2027-01-31' }] });
    expect(bad.success).toBe(false);
    expect(CoveragePlanRequestSchema.safeParse({ recruitmentTargets: [{ industryId: FIN, regionId: JS, partnerType: 'smb', count: 0 }] }).success).toBe(false);
  });
});
