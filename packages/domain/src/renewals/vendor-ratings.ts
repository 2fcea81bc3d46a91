import { Dec } from '../common/money.js';
import { addMonths } from '../rebates/periods.js';
import { quarterOf } from '../rebates/rebates.requests.js';
import { addDays } from '../training/training.rules.js';
import { RATING_DIMENSIONS, type VendorRatingSummary } from './review.schemas.js';

/**
 * "What our partners think of us" (issue #15): the partners' ratings of the vendor from their renewal
 * self-assessments, in aggregate only. A figure (overall or for one quarter) is shown only when at least
 * `minimumRespondents` distinct partners answered in it, so no single partner's rating can be read off it.
 */

export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

/** One self-assessment's rating of the vendor. */
export interface VendorRatingRow {
  partnerId: string;
  submittedOn: string;
  product: number;
  competitiveness: number;
  margin: number;
  training: number;
  support: number;
  /** 0–10. */
  likelyToRecommend: number;
  comments: string | null;
}

type Averages = NonNullable<VendorRatingSummary['averages']>;
type Nps = NonNullable<VendorRatingSummary['nps']>;

/** Promoters answer 9–10, detractors 0–6, passives 7–8 (the usual net promoter score bands). */
export const npsBand = (likelyToRecommend: number): 'promoter' | 'passive' | 'detractor' =>
  likelyToRecommend >= 9 ? 'promoter' : likelyToRecommend >= 7 ? 'passive' : 'detractor';

/** Each dimension's mean, exact, to one decimal (halves away from zero: 3.25 → "3.3"). */
export function ratingAverages(rows: readonly VendorRatingRow[]): Averages {
  const out = {} as Averages;
  for (const d of RATING_DIMENSIONS) {
    const sum = rows.reduce((s, r) => s.plus(r[d]), new Dec(0));
    out[d] = sum.dividedBy(rows.length).toFixed(1, Dec.ROUND_HALF_UP);
  }
  return out;
}

/** Net promoter score: % promoters − % detractors, exact then rounded to a whole number (halves away from zero). */
export function netPromoterScore(rows: readonly VendorRatingRow[]): Nps {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const r of rows) {
    const band = npsBand(r.likelyToRecommend);
    if (band === 'promoter') promoters++;
    else if (band === 'passive') passives++;
    else detractors++;
  }
  const score = new Dec(promoters - detractors).times(100).dividedBy(rows.length).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  // -0 reads badly in JSON consumers that compare with Object.is
  return { score: score === 0 ? 0 : score, promoters, passives, detractors };
}

/** Every quarter that [from, to] touches, oldest first. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  const last = quarterOf(to);
  for (let guard = 0; guard < 400; guard++) {
    const key = `${year}-Q${q}`;
    out.push(key);
    if (key === last) break;
    q = q === 4 ? 1 : q + 1;
    if (q === 1) year++;
  }
  return out;
}

/** The default period of the summary: the twelve months up to and including `today` (the day after the same day a year earlier; 29 February → 1 March). */
export function defaultRatingPeriod(today: string): { from: string; to: string } {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

const respondentsOf = (rows: readonly VendorRatingRow[]) => new Set(rows.map((r) => r.partnerId)).size;

/**
 * The summary of the ratings submitted in [from, to] (rows outside the period are ignored). Respondents are distinct
 * partners; averages and the NPS count every self-assessment. Below `minimumRespondents` (overall, and per quarter
 * for the trend) nothing but the respondent count is given: averages and NPS null, no comments.
 */
export function summariseVendorRatings(
  rows: readonly VendorRatingRow[],
  period: { from: string; to: string },
  minimumRespondents: number,
): VendorRatingSummary {
  const inPeriod = rows.filter((r) => r.submittedOn >= period.from && r.submittedOn <= period.to);
  const respondents = respondentsOf(inPeriod);
  const shown = respondents >= minimumRespondents && inPeriod.length > 0;
  const trend = quartersBetween(period.from, period.to).map((quarter) => {
    const qRows = inPeriod.filter((r) => quarterOf(r.submittedOn) === quarter);
    const n = respondentsOf(qRows);
    const show = n >= minimumRespondents && qRows.length > 0;
    return { quarter, respondents: n, averages: show ? ratingAverages(qRows) : null, nps: show ? netPromoterScore(qRows) : null };
  });
  const comments = shown
    ? inPeriod
        .map((r) => ({ text: r.comments?.trim() ?? '', submittedOn: r.submittedOn }))
        .filter((c) => c.text.length > 0)
        .sort((a, b) => (a.submittedOn < b.submittedOn ? 1 : a.submittedOn > b.submittedOn ? -1 : 0))
    : [];
  return {
    from: period.from,
    to: period.to,
    respondents,
    minimumRespondents,
    shown,
    averages: shown ? ratingAverages(inPeriod) : null,
    nps: shown ? netPromoterScore(inPeriod) : null,
    trend,
    comments,
  };
}
