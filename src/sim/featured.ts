import { record } from './events';
import type { Plan } from './plan';
import { settle } from './complaints';
import { uniform } from './random';
import type { SimState } from './state';
import { Cause, EventKind, Stage } from './types';

// Featured complaint cases: at the end of a season the most valuable customers still waiting on a complaint are
// held for the manager; next season the player answers each step of the LSCPA dialogue (listen, share,
// clarify, present, ask) and the quality of those answers decides the recovery.

export const FEATURED_PER_SEASON = 2;
/** Week marker for a complaint held for the manager. */
const HELD = 0x3fffffff;

/** Quality of each of the four answers at each step; the best answer is not always in the same place. */
export const STEP_QUALITY: readonly (readonly number[])[] = [
  [0.2, 1, -0.3, 0.6], // listen: interrupt / let them finish and note it / blame / hurry to apologise
  [1, 0.3, 0.6, -0.3], // share: sincere apology and empathy / scripted sorry / "I understand" / "not our fault"
  [0.5, -0.2, 1, 0.2], // clarify: ask one question / argue facts / restate and confirm the problem / skip
  [0.4, 1, 0.7, -0.2], // present: policy remedy / remedy fitted to them plus a gesture / big refund / nothing
  [1, 0.2, 0.5, -0.1], // ask: confirm satisfied and follow up later / close the case / coupon / no follow-up
];

export function answerQuality(choices: readonly number[]): number {
  let q = 0;
  for (let k = 0; k < STEP_QUALITY.length; k++) q += STEP_QUALITY[k][choices[k]] ?? 0;
  return q / STEP_QUALITY.length;
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
    const q = answerQuality(answer.choices);
    const chance = 0.1 + 0.85 * Math.max(0, q);
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
