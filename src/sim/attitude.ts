// What a customer's satisfaction and loyalty mean to the eye and to the recommendation question: the face they show
// in the store, the 0–10 answer they would give, whether they are a promoter. Pure functions of the two figures,
// read by the week's word of mouth, the weekly pass, the survey and the reports alike.

/** 0 upset, 1 neutral, 2 content, 3 delighted: the face a customer shows in the store. */
export function moodOf(sat: number): number {
  return sat < 0.45 ? 0 : sat < 0.6 ? 1 : sat < 0.78 ? 2 : 3;
}

/** 0–10 likelihood-to-recommend a customer would answer, before survey noise. */
export function recommendScore(sat: number, loyalty: number): number {
  // Calibrated so a content customer with some attachment (satisfaction 0.6, loyalty 0.35) answers 7, a passive,
  // and a delighted, attached one (0.75, 0.6) answers 9, a promoter (Reichheld 2003's 0–10 question).
  return 10 * sat + 3 * loyalty - 0.2;
}

/** Promoters (who would answer 9–10) are the ones who talk about the store and bring friends (Reichheld 2003). */
export function isPromoter(sat: number, loyalty: number): boolean {
  return recommendScore(sat, loyalty) >= 8.5;
}
