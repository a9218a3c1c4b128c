import { uniform } from './random';
import type { SimState } from './state';

// 客户开发 (unit 3): a prospect the campaign reaches raises an objection before the first purchase, and the way the
// store's staff answer it — the team's sales script, five LSCPA steps (倾听 listen, 分担 share, 澄清 clarify,
// 陈述 present, 要求 ask) for each objection — changes how many of those reached become customers. The present
// step's best answer depends on the objection; the other steps are answered the same way whatever was said.

export const OBJECTION_KINDS = ['price', 'later', 'time', 'useless'] as const;
export type ObjectionKindId = (typeof OBJECTION_KINDS)[number];
/** 太贵了 too expensive / 我再看看 I'll think about it / 我没时间 I have no time / 我觉得没用 I don't need it. */
export const ObjectionKind = { Price: 0, Later: 1, Time: 2, Useless: 3 } as const;

/**
 * Quality of each of the four answers at each step (−0.3 to 1); the best answer is not always in the same place.
 * The present step (OBJECTION_PRESENT_STEP) is scored by the objection (PRESENT_BY_OBJECTION); this row is unused.
 */
export const OBJECTION_STEP_QUALITY: readonly (readonly number[])[] = [
  [-0.2, 1, -0.3, 0.3], // listen: rebut at once / let them finish and note what worries them / carry on with the pitch / agree at once "yes, it is a lot"
  [0.4, -0.3, 1, 0], // share: a scripted "I understand" / "that is not true" / "many customers felt the same at first" / "the offer ends today"
  [0.2, 1, -0.2, 0], // clarify: assume it is the price / ask what lies behind it and restate it / argue with the objection / skip to the offer
  [0, 0, 0, 0], // present: by objection (PRESENT_BY_OBJECTION)
  [0.3, -0.1, 0.6, 1], // ask: "so, will you buy?" / let them go without asking / ask leave to follow up later / ask for a small first step (a trial, a booking)
];

/** The LSCPA step whose best answer depends on the objection (陈述: what the store puts forward). */
export const OBJECTION_PRESENT_STEP = 3;

/** Quality of the four answers of the present step, per objection (ObjectionKind order). */
export const PRESENT_BY_OBJECTION: readonly (readonly number[])[] = [
  [0.3, 1, 0.4, -0.3], // price: a discount at once / the value per use and what is included / "quality costs" / "then try somewhere cheaper"
  [-0.2, 0.4, 1, 0.2], // later: press for a decision now / hand them a leaflet / a free trial with no commitment / a discount that ends today
  [1, 0.3, -0.2, 0.4], // time: how little time it takes, booked around them / the opening hours / "make time, it is worth it" / an app to order ahead
  [0.2, -0.3, 0.5, 1], // useless: a list of features / "everybody buys it" / a sample / what it does for the need they named
];

/** Quality of one answer (−0.3 to 1); a missing or unknown answer counts 0. */
export function objectionStepQuality(kind: number, step: number, option: number): number {
  const row = step === OBJECTION_PRESENT_STEP ? PRESENT_BY_OBJECTION[kind] : OBJECTION_STEP_QUALITY[step];
  return row?.[option] ?? 0;
}

/** Mean quality of a script's five answers to one objection. */
export function scriptQuality(kind: number, choices: readonly number[]): number {
  let q = 0;
  for (let k = 0; k < OBJECTION_STEP_QUALITY.length; k++) q += objectionStepQuality(kind, k, choices[k]);
  return q / OBJECTION_STEP_QUALITY.length;
}

/**
 * The quality the staff answer each objection with this season: the team's script where it wrote one; otherwise
 * they improvise, as well as their skill allows (a trained team handles objections better than an untrained one).
 */
export function objectionQualities(scripts: Partial<Record<ObjectionKindId, readonly number[]>>, staffSkill: number): Float64Array {
  return Float64Array.from(OBJECTION_KINDS, (id, kind) => {
    const choices = scripts[id];
    return choices ? scriptQuality(kind, choices) : improvisedQuality(staffSkill);
  });
}

/** The quality of answers the staff improvise without a script, by their skill (0–1). */
export function improvisedQuality(staffSkill: number): number {
  return 0.35 * staffSkill;
}

/**
 * Share of prospects reached who go on to buy, by how well their objection is answered: 0.55 for an answer that
 * argues with them, 0.7 for none, 1.2 for the course's answer at every step (Jobber & Lancaster: objections
 * answered well convert; pressure loses the sale).
 */
export function conversion(quality: number): number {
  return 0.7 + 0.5 * quality;
}

/**
 * What this prospect objects to, fixed for the customer: the price-sensitive say it is too expensive, those the
 * store does not suit that they do not need it, the rest that they have no time or will think about it.
 */
export function objectionOf(s: SimState, i: number): number {
  const c = s.c;
  if (c.priceSens[i] >= 0.6) return ObjectionKind.Price;
  if (c.fit[i] < 0.6) return ObjectionKind.Useless;
  return uniform(s.keys.acquire, i, 0, 7) < 0.5 ? ObjectionKind.Time : ObjectionKind.Later;
}

/** The course's script: the best answer at every step, for every objection. */
export function courseScript(): Record<ObjectionKindId, number[]> {
  const best = (row: readonly number[]) => row.indexOf(Math.max(...row));
  return Object.fromEntries(
    OBJECTION_KINDS.map((id, kind) => [id, OBJECTION_STEP_QUALITY.map((row, step) => best(step === OBJECTION_PRESENT_STEP ? PRESENT_BY_OBJECTION[kind] : row))]),
  ) as Record<ObjectionKindId, number[]>;
}

/**
 * A hard-selling script: rebut, "the offer ends today", straight to the offer, the present step's pressure answer
 * (a discount at once, press for a decision, "make time", "everybody buys it") and "so, will you buy?".
 */
export function pushyScript(): Record<ObjectionKindId, number[]> {
  const present = [0, 0, 2, 1];
  return Object.fromEntries(OBJECTION_KINDS.map((id, kind) => [id, [0, 3, 3, present[kind], 0]])) as Record<ObjectionKindId, number[]>;
}
