// RFM scoring: quintile scores 1–5 by rank order, the course's four groups and the ten-segment R×F map.
// Segment and group ids are stable kebab-case keys; display names live in the UI locale files.

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
 * Quintile scores by rank order: customers are sorted by value (ascending when higher is better) and the one at
 * 0-based position k of n gets floor(5k/n) + 1. Equal values are ordered by their position in the input
 * (pandas' rank(method='first')), so every quintile has n/5 customers even when many values tie.
 */
export function quintileScores(values: readonly number[], higherIsBetter: boolean): number[] {
  const n = values.length;
  const order = values.map((_, i) => i);
  order.sort((i, j) => {
    const d = higherIsBetter ? values[i] - values[j] : values[j] - values[i];
    return d !== 0 ? d : i - j;
  });
  const scores = new Array<number>(n);
  order.forEach((idx, k) => {
    scores[idx] = Math.floor((5 * k) / n) + 1;
  });
  return scores;
}

export function rfmScores(inputs: readonly RfmInput[]): RfmScore[] {
  const r = quintileScores(inputs.map((c) => c.recencyGap), false);
  const f = quintileScores(inputs.map((c) => c.frequency), true);
  const m = quintileScores(inputs.map((c) => c.monetary), true);
  return inputs.map((_, i) => ({ r: r[i], f: f[i], m: m[i] }));
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
 * The course's four groups (价值 / 发展 / 保持 / 挽留客户). R is "high" when R ≥ 3; frequency and spend are
 * judged together, "high" when (F + M) / 2 ≥ 3:
 *   high-value 价值客户: R high, FM high — recent, frequent, big spenders;
 *   developing 发展客户: R high, FM low  — recent but still buy little: grow them;
 *   keep       保持客户: R low,  FM high — valuable but not seen lately: keep them;
 *   win-back   挽留客户: R low,  FM low  — lapsing low-value customers: win them back or let go.
 */
export function rfmGroup(score: RfmScore): RfmGroup {
  checkScore(score.r);
  checkScore(score.f);
  checkScore(score.m);
  const recent = score.r >= 3;
  const valuable = score.f + score.m >= 6;
  if (recent) return valuable ? 'high-value' : 'developing';
  return valuable ? 'keep' : 'win-back';
}

function checkScore(s: number): void {
  if (!(Number.isInteger(s) && s >= 1 && s <= 5)) throw new RangeError(`RFM score must be an integer 1–5, got ${s}`);
}
