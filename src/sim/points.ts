import { changeLoyalty } from './effects';
import type { Plan } from './plan';
import type { SimState } from './state';
import { Cause } from './types';

// 积分: points per 10 yuan; a reward when the balance reaches the redemption mark. The goal-gradient speed-up
// and post-reward dip (Kivetz, Urminsky & Zheng 2006) act on buying in purchase.ts.

export function earnPoints(s: SimState, plan: Plan, i: number, paid: number): void {
  const p = plan.d.points;
  if (p.earnPer10 <= 0) return;
  const c = s.c;
  c.points[i] += (paid / 10) * p.earnPer10;
  if (c.points[i] < p.redeemAt) return;
  c.points[i] -= p.redeemAt;
  const value = p.redeemAt * p.pointValue;
  s.tally.costs.points += value;
  s.tally.rewards++;
  c.contribution[i] -= value;
  c.rewardWeek[i] = s.week;
  changeLoyalty(s, i, Math.min(0.04, value / 500), Cause['points-reward']);
}

/** Switching cost the customer would give up by leaving: points, member prices, a personal manager. */
export function switchingCost(s: SimState, plan: Plan, i: number): number {
  const c = s.c;
  const pointsWorth = plan.d.points.earnPer10 > 0 ? (c.points[i] * plan.d.points.pointValue) / 30 : 0;
  const t = c.tier[i];
  const sc = pointsWorth + 2 * plan.levelDiscount[t] + (plan.levelManager[t] ? 0.3 : 0) + (t > 0 ? 0.1 : 0);
  return sc > 1 ? 1 : sc;
}
