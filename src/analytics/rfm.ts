// RFM scoring: quintile scores 1–5 in which equal values always get equal scores, scores from a class's own
// cut-offs, the course's four groups (with M telling 重要 from 一般) and the ten-segment R×F map.
// Segment and group ids are stable kebab-case keys; display names live in the UI locale files.
// The simulation scores the store's database with these functions (src/sim/segments.ts), so they use only
// comparisons, IEEE + − × ÷, Math.round/floor and sorts whose comparator is a total order.

export interface RfmScore {
  r: number;
  f: number;
  m: number;
}

/** R = weeks since the last purchase (smaller is better), F = purchase-days, M = total spend. */
export interface RfmInput {
  recencyGap: number;
  frequency: number;
  monetary: number;
}

/**
 * The value a score is judged on: rounded to six decimals, so that amounts which are equal as a person reads them
 * (the same cents added in another order, the same day count divided by 7) are equal here too.
 */
export function rfmValue(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * Quintile scores in which equal values get equal scores. Customers are ordered from the worst value to the best
 * (ascending when higher is better); a customer at 0-based position k of n scores floor(5k/n) + 1, and customers
 * with equal values all take the score of the first of them. So a customer's score is
 * 1 + floor(5 · (share of customers with a strictly worse value)): the worst value always scores 1, a customer
 * who beats 80 % of the customers scores 5, and with no ties every quintile holds n/5 customers. This is a
 * spreadsheet's RANK.EQ (ties share the lowest rank) put into fifths, and pandas' rank(method='min').
 */
export function quintileScores(values: readonly number[], higherIsBetter: boolean): number[] {
  const n = values.length;
  const keys = values.map(rfmValue);
  const order = keys.map((_, i) => i);
  order.sort((i, j) => {
    const d = higherIsBetter ? keys[i] - keys[j] : keys[j] - keys[i];
    return d !== 0 ? d : i - j;
  });
  const scores = new Array<number>(n);
  let previous = 0;
  order.forEach((idx, k) => {
    const tied = k > 0 && keys[idx] === keys[order[k - 1]];
    previous = tied ? previous : Math.floor((5 * k) / n) + 1;
    scores[idx] = previous;
  });
  return scores;
}

/**
 * Cut-offs for scores 2, 3, 4 and 5, in that order. Higher is better (F, M): a value ≥ cuts[k] earns score k + 2
 * or more. Lower is better (R, weeks since the last purchase): a value ≤ cuts[k] earns score k + 2 or more.
 * null = nobody reaches that score. From the score-2 cut-off to the score-5 one they never decrease (higher is
 * better) or never increase (lower is better); two equal cut-offs skip a score; nulls come only at the end.
 */
export type RfmCutoffs = readonly (number | null)[];

export interface RfmCuts {
  r: RfmCutoffs;
  f: RfmCutoffs;
  m: RfmCutoffs;
}

/**
 * The cut-offs the quintile scores amount to: scoring with them (scoresWithCutoffs) gives exactly quintileScores.
 * Each is the worst value that still earns the score (null when no customer earns it).
 */
export function quintileCutoffs(values: readonly number[], higherIsBetter: boolean): (number | null)[] {
  const scores = quintileScores(values, higherIsBetter);
  const cuts: (number | null)[] = [null, null, null, null];
  scores.forEach((sc, i) => {
    const v = rfmValue(values[i]);
    for (let level = 2; level <= sc; level++) {
      const c = cuts[level - 2];
      if (c === null || (higherIsBetter ? v < c : v > c)) cuts[level - 2] = v;
    }
  });
  return cuts;
}

/** Index (0–3) of the first cut-off out of order or not a finite number, or −1 when the cut-offs can score. */
export function cutoffProblem(cuts: RfmCutoffs, higherIsBetter: boolean): number {
  if (cuts.length !== 4) return Math.min(cuts.length, 3);
  let last: number | null = null;
  let ended = false;
  for (let k = 0; k < 4; k++) {
    const c = cuts[k];
    if (c === null) {
      ended = true;
      continue;
    }
    if (ended || !Number.isFinite(c)) return k;
    if (last !== null && (higherIsBetter ? c < last : c > last)) return k;
    last = c;
  }
  return -1;
}

/** Scores 1–5 from cut-offs (see RfmCutoffs); values are compared as rfmValue rounds them. */
export function scoresWithCutoffs(values: readonly number[], cuts: RfmCutoffs, higherIsBetter: boolean): number[] {
  const bad = cutoffProblem(cuts, higherIsBetter);
  if (bad >= 0) throw new RangeError(`RFM cut-off for score ${bad + 2} is out of order or not a number`);
  return values.map((raw) => {
    const v = rfmValue(raw);
    let score = 1;
    for (let k = 0; k < 4; k++) {
      const c = cuts[k];
      if (c !== null && (higherIsBetter ? v >= c : v <= c)) score = k + 2;
    }
    return score;
  });
}

/** Quintile R, F and M scores, or scores from the given cut-offs. */
export function rfmScores(inputs: readonly RfmInput[], cuts?: RfmCuts): RfmScore[] {
  const gap = inputs.map((c) => c.recencyGap);
  const days = inputs.map((c) => c.frequency);
  const spend = inputs.map((c) => c.monetary);
  const r = cuts ? scoresWithCutoffs(gap, cuts.r, false) : quintileScores(gap, false);
  const f = cuts ? scoresWithCutoffs(days, cuts.f, true) : quintileScores(days, true);
  const m = cuts ? scoresWithCutoffs(spend, cuts.m, true) : quintileScores(spend, true);
  return inputs.map((_, i) => ({ r: r[i], f: f[i], m: m[i] }));
}

/** The cut-offs of the quintile scores of these customers, for showing and as a starting point for a class's own. */
export function rfmQuintileCuts(inputs: readonly RfmInput[]): RfmCuts {
  return {
    r: quintileCutoffs(inputs.map((c) => c.recencyGap), false),
    f: quintileCutoffs(inputs.map((c) => c.frequency), true),
    m: quintileCutoffs(inputs.map((c) => c.monetary), true),
  };
}

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential-loyalists',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose',
  'hibernating',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The common ten-segment map on (R, F), total over all 25 cells:
 *   R\F   1              2                    3                    4          5
 *   5     new            potential-loyalists  potential-loyalists  champions  champions
 *   4     promising      potential-loyalists  potential-loyalists  loyal      loyal
 *   3     about-to-sleep about-to-sleep       need-attention       loyal      loyal
 *   1–2   hibernating    hibernating          at-risk              at-risk    cant-lose
 */
export function rfmSegment(r: number, f: number): RfmSegment {
  checkScore(r);
  checkScore(f);
  if (r >= 3) {
    if (f >= 4) return r === 5 ? 'champions' : 'loyal';
    if (r === 3) return f === 3 ? 'need-attention' : 'about-to-sleep';
    if (f >= 2) return 'potential-loyalists';
    return r === 5 ? 'new' : 'promising';
  }
  if (f === 5) return 'cant-lose';
  return f >= 3 ? 'at-risk' : 'hibernating';
}

export const RFM_GROUPS = ['high-value', 'developing', 'keep', 'win-back'] as const;
export type RfmGroup = (typeof RFM_GROUPS)[number];

/**
 * The course's four groups (价值 / 发展 / 保持 / 挽留客户) come from recency and frequency; R and F are "high" at
 * a score of 3 or more (the middle quintile and above):
 *   high-value 价值客户: R high, F high — bought lately and often;
 *   developing 发展客户: R high, F low  — bought lately but seldom: develop them;
 *   keep       保持客户: R low,  F high — bought often but not lately: keep in touch before they go;
 *   win-back   挽留客户: R low,  F low  — neither lately nor often: win them back, or let them go.
 * Monetary value splits each group into 重要 important (M ≥ 3) and 一般 general customers (rfmImportance),
 * which makes the usual eight RFM classes (重要价值客户 … 一般挽留客户).
 */
export function rfmGroup(score: RfmScore): RfmGroup {
  checkScore(score.r);
  checkScore(score.f);
  checkScore(score.m);
  const recent = score.r >= 3;
  const frequent = score.f >= 3;
  if (recent) return frequent ? 'high-value' : 'developing';
  return frequent ? 'keep' : 'win-back';
}

export const RFM_IMPORTANCE = ['important', 'general'] as const;
export type RfmImportance = (typeof RFM_IMPORTANCE)[number];

/** 重要 important when M ≥ 3 (spend in the middle quintile or above), else 一般 general. */
export function rfmImportance(score: RfmScore): RfmImportance {
  checkScore(score.m);
  return score.m >= 3 ? 'important' : 'general';
}

function checkScore(s: number): void {
  if (!(Number.isInteger(s) && s >= 1 && s <= 5)) throw new RangeError(`RFM score must be an integer 1–5, got ${s}`);
}
