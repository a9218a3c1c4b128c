// Survey measures: Net Promoter Score (净推荐值) and a 0–100 satisfaction index (满意度指数).

export interface NpsResult {
  respondents: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters (9–10) − % detractors (0–6), in −100..100; passives (7–8) count in the denominator only. */
  nps: number;
}

/** Answers are integers 0–10; anything else is a RangeError. No answers give nps 0. */
export function netPromoterScore(answers: readonly number[]): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const a of answers) {
    if (!(Number.isInteger(a) && a >= 0 && a <= 10)) throw new RangeError(`NPS answers are integers 0–10, got ${a}`);
    if (a >= 9) promoters++;
    else if (a >= 7) passives++;
    else detractors++;
  }
  const n = answers.length;
  return { respondents: n, promoters, passives, detractors, nps: n > 0 ? (100 * (promoters - detractors)) / n : 0 };
}

export interface SatisfactionOptions {
  /** Lowest and highest point of the answer scale (default 1–5, a Likert scale). */
  min?: number;
  max?: number;
  /** Item weights (default equal); renormalised over the items a respondent answered. */
  weights?: readonly number[];
}

/**
 * Each respondent's answers are rescaled to 0–100 ((v − min) / (max − min) · 100) and averaged with the item
 * weights; the index is the mean over respondents who answered at least one item. null = item not answered.
 * Returns null when nobody answered anything.
 */
export function satisfactionIndex(
  responses: readonly (readonly (number | null)[])[],
  options: SatisfactionOptions = {},
): number | null {
  const min = options.min ?? 1;
  const max = options.max ?? 5;
  if (!(max > min)) throw new RangeError(`scale needs max > min, got ${min}–${max}`);
  let sum = 0;
  let counted = 0;
  for (const answers of responses) {
    let wsum = 0;
    let acc = 0;
    answers.forEach((v, item) => {
      if (v === null) return;
      if (!(v >= min && v <= max)) throw new RangeError(`answer ${v} is outside the scale ${min}–${max}`);
      const w = options.weights ? options.weights[item] : 1;
      if (!(w >= 0)) throw new RangeError(`item ${item + 1} has no valid weight`);
      acc += (w * (v - min)) / (max - min);
      wsum += w;
    });
    if (wsum > 0) {
      sum += (100 * acc) / wsum;
      counted++;
    }
  }
  return counted > 0 ? sum / counted : null;
}
