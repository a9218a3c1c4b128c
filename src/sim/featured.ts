import { record } from './events';
import type { Plan } from './plan';
import { ComplaintKind, settle } from './complaints';
import { uniform } from './random';
import type { SimState } from './state';
import { Cause, EventKind, Stage } from './types';

// Featured complaint cases: at the end of a season the most valuable customers still waiting on a complaint are
// held for the manager; next season the player answers each step of the LSCPA dialogue (listen, share,
// clarify, present, ask) and the quality of those answers decides the recovery.

export const FEATURED_PER_SEASON = 2;
/** Week marker for a complaint held for the manager. */
const HELD = 0x3fffffff;

/**
 * Quality of each of the four answers at each step; the best answer is not always in the same place. The present
 * step (index PRESENT_STEP) is scored by the complaint's kind (PRESENT_QUALITY); this row is its product row.
 */
export const STEP_QUALITY: readonly (readonly number[])[] = [
  [0.2, 1, -0.3, 0.6], // listen: interrupt / let them finish and note it / blame / hurry to apologise
  [1, 0.3, 0.6, -0.3], // share: sincere apology and empathy / scripted sorry / "I understand" / "not our fault"
  [0.5, -0.2, 1, 0.2], // clarify: ask one question / argue facts / restate and confirm the problem / skip
  [0.4, 1, 0.7, -0.2], // present: policy remedy / remedy fitted to them plus a gesture / big refund / nothing
  [1, 0.2, 0.5, -0.1], // ask: confirm satisfied and follow up later / close the case / coupon / no follow-up
];

/** The LSCPA step whose best answer depends on what the complaint is about (陈述: the remedy offered). */
export const PRESENT_STEP = 3;

/**
 * Quality of the four remedies offered at the present step, by complaint kind (ComplaintKind order). Each kind has
 * its own four remedies (the dialogue's script names them) and its own best one, as REMEDY weighs the policy: a
 * replacement fitted to a faulty product; for rude staff a personal apology and a small gesture, money hardly
 * helping; for a long wait, putting it right at once; for a price complaint, money back; for a billing error, a
 * correction on the spot. The product row is STEP_QUALITY's present row, so product complaints score as before.
 */
export const PRESENT_QUALITY: readonly (readonly number[])[] = [
  STEP_QUALITY[PRESENT_STEP], // product: policy remedy / replacement fitted to the fault plus a gesture / full refund / nothing
  [0.3, 0.2, 1, -0.3], // attitude: a voucher / a refund / the manager apologises in person plus a gesture / "staff are busy"
  [1, 0.4, 0.5, -0.2], // waiting: serve them at once and make up the time / standard remedy / a coupon for next time / "everyone waits"
  [0.4, 0.5, -0.2, 1], // price: explain the price / a coupon / "the price is the price" / refund the difference
  [0.2, 1, 0.3, -0.3], // billing: log it for accounts / check the bill and refund the error on the spot / a coupon / "the till is never wrong"
];

/** Quality of one answer (-0.3 to 1); a missing or unknown answer counts 0. */
export function stepQuality(step: number, option: number, kind: number = ComplaintKind.Product): number {
  const row = step === PRESENT_STEP ? (PRESENT_QUALITY[kind] ?? STEP_QUALITY[step]) : STEP_QUALITY[step];
  return row?.[option] ?? 0;
}

/** Mean quality of the five answers for a complaint of this kind (product when not given). */
export function answerQuality(choices: readonly number[], kind: number = ComplaintKind.Product): number {
  let q = 0;
  for (let k = 0; k < STEP_QUALITY.length; k++) q += stepQuality(k, choices[k], kind);
  return q / STEP_QUALITY.length;
}

/** Chance that a featured case answered with quality q is put right: 0.1 for any answer, 0.95 for the best. */
export function featuredChance(q: number): number {
  return 0.1 + 0.85 * Math.max(0, q);
}

/** Season start: settle the held cases with the player's answers, or by the standing policy if unanswered. */
export function featuredSeason(s: SimState, plan: Plan): void {
  const c = s.c;
  for (const i of s.featured) {
    if (c.complaintDue[i] !== HELD) continue;
    const answer = plan.d.featured.find((f) => f.customer === i);
    if (!answer) {
      c.complaintDue[i] = s.week;
      continue;
    }
    const q = answerQuality(answer.choices, c.complaintKind[i]);
    const chance = featuredChance(q);
    const days = Math.max(1, (s.week - c.complaintWeek[i]) * 7);
    const recovered = uniform(s.keys.complaint, i, s.week, 4) < chance;
    record(s.log, s.week, i, EventKind.Complaint, Cause['featured-case'], recovered ? 1 : 2, q);
    settle(s, plan, i, recovered, days, Cause['featured-case']);
  }
  s.featured = [];
}

/** Season end: hold the most valuable waiting complaints for the manager. */
export function pickFeatured(s: SimState): void {
  const c = s.c;
  const waiting: number[] = [];
  for (let i = 0; i < s.n; i++) {
    if (c.complaintDue[i] >= 0 && c.stage[i] !== Stage.Churned) waiting.push(i);
  }
  waiting.sort((a, b) => c.spendTotal[b] - c.spendTotal[a] || a - b);
  s.featured = waiting.slice(0, FEATURED_PER_SEASON);
  for (const i of s.featured) c.complaintDue[i] = HELD;
}
