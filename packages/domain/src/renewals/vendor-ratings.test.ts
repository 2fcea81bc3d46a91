import { describe, expect, it } from 'vitest';
import { quarterOf } from '../rebates/rebates.requests.js';
import { VendorRatingSummarySchema } from './review.schemas.js';
import {
  defaultRatingPeriod,
  netPromoterScore,
  npsBand,
  quartersBetween,
  ratingAverages,
  summariseVendorRatings,
  type VendorRatingRow,
} from './vendor-ratings.js';

const row = (i: number, o: Partial<VendorRatingRow> = {}): VendorRatingRow => ({
  partnerId: `p${i}`,
  submittedOn: '2026-10-15',
  product: 4,
  competitiveness: 4,
  margin: 4,
  training: 4,
  support: 4,
  likelyToRecommend: 8,
  comments: null,
  ...o,
});
const rows = (n: number, o: (i: number) => Partial<VendorRatingRow> = () => ({})) => Array.from({ length: n }, (_, i) => row(i, o(i)));
const period = { from: '2026-01-01', to: '2026-11-28' };

describe('npsBand', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('%i → %s', (score, band) => expect(npsBand(score)).toBe(band));
});

describe('netPromoterScore', () => {
  it.each([
    // likelihoods, score, promoters, passives, detractors
    [[10, 9, 8, 7, 6], 20, 2, 2, 1],
    [[10, 10, 10, 10, 10], 100, 5, 0, 0],
    [[0, 1, 2, 3, 6], -100, 0, 0, 5],
    [[9, 8, 8, 7, 6, 5], -17, 1, 3, 2], // -16.67 → -17
    [[9, 9, 8, 6, 5, 5], -17, 2, 1, 3], // -16.67
    [[9, 9, 8, 8, 8, 6], 17, 2, 3, 1], // 16.67 → 17
    [[9, 8, 8, 8, 8, 8, 8, 8], 13, 1, 7, 0], // 12.5 → 13 (half away from zero)
    [[6, 8, 8, 8, 8, 8, 8, 8], -13, 0, 7, 1], // -12.5 → -13
    [[9, 6, 8, 8, 8], 0, 1, 3, 1],
  ])('%j → %i', (likelihoods, score, promoters, passives, detractors) => {
    const r = likelihoods.map((l, i) => row(i, { likelyToRecommend: l }));
    expect(netPromoterScore(r)).toEqual({ score, promoters, passives, detractors });
  });
  it('never answers -0', () =>
    expect(Object.is(netPromoterScore([row(0, { likelyToRecommend: 9 }), row(1, { likelyToRecommend: 0 })]).score, 0)).toBe(true));
});

describe('ratingAverages', () => {
  it.each([
    [[4, 4, 4, 4, 4], '4.0'],
    [[5, 4, 4, 4, 4], '4.2'],
    [[5, 5, 4, 4, 4, 4], '4.3'], // 4.333…
    [[5, 5, 5, 5, 4, 4], '4.7'], // 4.666…
    [[3, 4, 3, 3], '3.3'], // 3.25 → 3.3 (half up, exact)
    [[1, 1, 1, 1, 2, 2, 2, 2], '1.5'],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2], '1.1'], // 1.05 exactly → 1.1 (a float would give 1.0)
  ])('product %j → %s', (values, avg) => {
    expect(ratingAverages(values.map((v, i) => row(i, { product: v }))).product).toBe(avg);
  });
  it('averages each dimension on its own', () => {
    const a = ratingAverages([
      row(0, { product: 5, competitiveness: 1, margin: 2, training: 3, support: 4 }),
      row(1, { product: 4, competitiveness: 2, margin: 2, training: 4, support: 5 }),
    ]);
    expect(a).toEqual({ product: '4.5', competitiveness: '1.5', margin: '2.0', training: '3.5', support: '4.5' });
  });
});

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-09-30', '2026-Q3'],
    ['2026-12-31', '2026-Q4'],
  ])('%s is in %s', (d, q) => expect(quarterOf(d)).toBe(q));
  it('lists every quarter a period touches', () => {
    expect(quartersBetween('2025-11-29', '2026-11-28')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(quartersBetween('2026-05-01', '2026-05-02')).toEqual(['2026-Q2']);
  });
  it('defaults to the last twelve months to today', () => {
    expect(defaultRatingPeriod('2026-11-28')).toEqual({ from: '2025-11-29', to: '2026-11-28' });
    expect(defaultRatingPeriod('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(defaultRatingPeriod('2027-01-01')).toEqual({ from: '2026-01-02', to: '2027-01-01' });
  });
});

describe('summariseVendorRatings', () => {
  it('hides everything below the minimum: 4 respondents', () => {
    const s = summariseVendorRatings(
      rows(4, () => ({ comments: 'great' })),
      period,
      5,
    );
    expect(s).toMatchObject({ respondents: 4, minimumRespondents: 5, shown: false, averages: null, nps: null, comments: [] });
    expect(s.trend.every((q) => q.averages === null && q.nps === null)).toBe(true);
    expect(VendorRatingSummarySchema.parse(s)).toEqual(s);
  });

  it('shows the figures at exactly the minimum: 5 respondents', () => {
    const s = summariseVendorRatings(
      rows(5, (i) => ({ product: [5, 4, 4, 4, 4][i], likelyToRecommend: [10, 9, 8, 7, 6][i], comments: i === 2 ? 'Good margin' : null })),
      period,
      5,
    );
    expect(s.shown).toBe(true);
    expect(s.averages).toEqual({ product: '4.2', competitiveness: '4.0', margin: '4.0', training: '4.0', support: '4.0' });
    expect(s.nps).toEqual({ score: 20, promoters: 2, passives: 2, detractors: 1 });
    expect(s.comments).toEqual([{ text: 'Good margin', submittedOn: '2026-10-15' }]);
    expect(VendorRatingSummarySchema.parse(s)).toEqual(s);
  });

  it('counts distinct partners as respondents (one partner answering twice is one respondent)', () => {
    const r = [...rows(4), row(0, { submittedOn: '2026-10-20' })];
    const s = summariseVendorRatings(r, period, 5);
    expect(s.respondents).toBe(4);
    expect(s.shown).toBe(false);
  });

  it('ignores rows outside the period (bounds inclusive)', () => {
    const r = [
      ...rows(4),
      row(10, { submittedOn: '2026-01-01' }),
      row(11, { submittedOn: '2025-12-31' }),
      row(12, { submittedOn: '2026-11-29' }),
    ];
    const s = summariseVendorRatings(r, period, 5);
    expect(s.respondents).toBe(5);
    expect(s.shown).toBe(true);
  });

  it('gives each quarter its own threshold', () => {
    const r = [
      ...rows(5, () => ({ submittedOn: '2026-07-10', product: 5 })),
      ...rows(3, (i) => ({ partnerId: `q${i}`, submittedOn: '2026-10-01', product: 1 })),
    ];
    const s = summariseVendorRatings(r, period, 5);
    expect(s.respondents).toBe(8);
    expect(s.averages?.product).toBe('3.5');
    const byQ = Object.fromEntries(s.trend.map((q) => [q.quarter, q]));
    expect(Object.keys(byQ)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(byQ['2026-Q3']).toMatchObject({ respondents: 5, averages: { product: '5.0' }, nps: { score: 0 } });
    expect(byQ['2026-Q4']).toEqual({ quarter: '2026-Q4', respondents: 3, averages: null, nps: null });
    expect(byQ['2026-Q1']).toEqual({ quarter: '2026-Q1', respondents: 0, averages: null, nps: null });
  });

  it('lists comments newest first without blanks', () => {
    const r = rows(6, (i) => ({ submittedOn: `2026-0${i + 3}-01`, comments: i === 1 ? '   ' : `c${i}` }));
    expect(summariseVendorRatings(r, period, 5).comments.map((c) => c.text)).toEqual(['c5', 'c4', 'c3', 'c2', 'c0']);
  });

  it('answers an empty period as hidden, even with a minimum of 1', () => {
    const s = summariseVendorRatings([], period, 1);
    expect(s).toMatchObject({ respondents: 0, shown: false, averages: null, nps: null });
  });
});
