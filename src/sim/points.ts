import { changeLoyalty, changeSat } from './effects';
import type { Plan } from './plan';
import type { SimState } from './state';
import { Cause, isActive } from './types';

// 积分: points per 10 yuan; a reward when the balance reaches the redemption mark. The goal-gradient speed-up
// and post-reward dip (Kivetz, Urminsky & Zheng 2006) act on buying in purchase.ts.
//
// Points are a liability from the day they are issued: every point is booked at its yuan value as it is earned
// (a promise the store has made), a reward settles what was booked, and the balance of a customer who leaves
// lapses (breakage) and is released in the season it lapses (effects.ts, churn). So a programme costs what it promises,
// whether or not anyone ever redeems — points worth much but out of reach are not free.

export function earnPoints(s: SimState, plan: Plan, i: number, paid: number): void {
  const p = plan.d.points;
  if (p.earnPer10 <= 0) return;
  const c = s.c;
  const earned = (paid / 10) * p.earnPer10;
  const booked = earned * s.store.pointValue;
  c.points[i] += earned;
  s.tally.costs.points += booked;
  c.contribution[i] -= booked;
  if (c.points[i] < p.redeemAt) return;
  c.points[i] -= p.redeemAt;
  const value = p.redeemAt * p.pointValue;
  s.tally.rewards++;
  c.rewardWeek[i] = s.week;
  changeLoyalty(s, i, Math.min(0.04, value / 500), Cause['points-reward']);
}

/**
 * Season start: while a programme runs, balances are booked at the plan's point value; a new value re-books every
 * balance (raising the value is a bigger promise, and costs now).
 */
export function bookPointValue(s: SimState, plan: Plan): void {
  const p = plan.d.points;
  if (p.earnPer10 <= 0 || p.pointValue === s.store.pointValue) return;
  const delta = p.pointValue - s.store.pointValue;
  const c = s.c;
  let total = 0;
  for (let i = 0; i < s.n; i++) {
    if (c.points[i] <= 0) continue;
    c.contribution[i] -= c.points[i] * delta;
    total += c.points[i] * delta;
  }
  s.tally.costs.points += total;
  s.store.pointValue = p.pointValue;
}

/**
 * Season start: a programme cut or ended takes back what its members were promised (Melnyk & Bijmolt 2015: ending a
 * loyalty programme costs loyalty). Every active customer holding points loses loyalty and satisfaction in
 * proportion to the cut in what a purchase earns (earn rate × point value), so a programme run to bind customers
 * and dropped before the debrief pays for the binding.
 */
export function pointsCut(s: SimState, plan: Plan): void {
  const p = plan.d.points;
  const rate = p.earnPer10 > 0 ? p.earnPer10 * p.pointValue : 0;
  const before = s.store.pointsRate;
  s.store.pointsRate = rate;
  if (before <= 0 || rate >= before) return;
  const cut = 1 - rate / before;
  const c = s.c;
  for (let i = 0; i < s.n; i++) {
    if (c.points[i] <= 0 || !isActive(c.stage[i])) continue;
    changeLoyalty(s, i, -0.2 * cut, Cause['points-cut']);
    changeSat(s, i, -0.06 * cut, Cause['points-cut']);
  }
}

/**
 * Whether the customer can reach the next reward within a year at their usual pace: only reachable points bind
 * (a mark of a million points holds nobody).
 */
export function rewardInReach(s: SimState, plan: Plan, i: number): boolean {
  const p = plan.d.points;
  if (p.earnPer10 <= 0) return false;
  const c = s.c;
  const yearly = ((c.lambda[i] * 52 * c.meanSpend[i]) / 10) * p.earnPer10;
  return c.points[i] + yearly >= p.redeemAt;
}

/**
 * Switching cost the customer would give up by leaving: points within reach, member prices, a personal manager,
 * and belonging to a level that gives something (a level without any benefit binds nobody).
 */
export function switchingCost(s: SimState, plan: Plan, i: number): number {
  const c = s.c;
  const pointsWorth = rewardInReach(s, plan, i) ? (c.points[i] * plan.d.points.pointValue) / 30 : 0;
  const t = c.tier[i];
  const sc = pointsWorth + 2 * plan.levelDiscount[t] + (plan.levelManager[t] ? 0.3 : 0) + (plan.levelPerks[t] ? 0.1 : 0);
  return sc > 1 ? 1 : sc;
}
