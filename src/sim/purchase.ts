import { clamp01, ln } from './detmath';
import { changeLoyalty, churn } from './effects';
import { experience } from './experience';
import type { Plan } from './plan';
import { earnPoints, switchingCost } from './points';
import { Dice, gamma, uniform } from './random';
import type { SimState } from './state';
import { addGrowth } from './tiers';
import { Cause, ChurnReason } from './types';
import type { WeekCtx } from './week';

// Buying follows the BG/NBD process: while alive a customer buys at rate λ (one purchase-day at most per
// week), and after each repeat purchase drops out with probability p. With every lever neutral (satisfaction
// at its starting level, good fit, no points, no coupons) the multipliers below are exactly 1.

/** Weekly purchase probability multiplier from the relationship and the levers. */
export function buyMultiplier(s: SimState, plan: Plan, ctx: WeekCtx, i: number): number {
  const c = s.c;
  let m = 0.56 + 0.8 * c.sat[i];
  const disc = 1 - (1 - plan.d.pricing.discount) * (1 - plan.levelDiscount[c.tier[i]]);
  m *= 1 + 2 * disc * c.priceSens[i];
  if (ctx.holiday > 0) m *= 1 + ctx.holiday;
  if (ctx.downturn > 0) m *= 1 - 0.5 * ctx.downturn * c.priceSens[i];
  if (c.couponUntil[i] >= s.week) m *= 1 + (0.5 + c.priceSens[i]) * Math.min(1, plan.d.retention.atRiskOffer / meanSpend(s, i));
  const pts = plan.d.points;
  if (pts.earnPer10 > 0) {
    const progress = c.points[i] / pts.redeemAt;
    const worth = Math.min(1, (pts.redeemAt * pts.pointValue) / meanSpend(s, i));
    // Goal gradient: up to 20% faster as the reward nears; a dip right after it.
    if (progress > 0.6) m *= 1 + 0.2 * worth * Math.min(1, (progress - 0.6) / 0.4);
    if (s.week - c.rewardWeek[i] < 4) m *= 1 - 0.2 * worth;
  }
  return m;
}

export function meanSpend(s: SimState, i: number): number {
  return s.c.meanSpend[i];
}

/**
 * Advances the customer's purchase clock by one week of hazard λ·multiplier. Returns true when a purchase falls
 * in this week; several in one week count as one purchase-day, as in the CDNOW data.
 */
export function buysThisWeek(s: SimState, plan: Plan, ctx: WeekCtx, i: number): boolean {
  const c = s.c;
  let clock = c.buyClock[i] - c.lambda[i] * buyMultiplier(s, plan, ctx, i);
  if (clock > 0) {
    c.buyClock[i] = clock;
    return false;
  }
  for (let k = 0; clock <= 0; k++) clock += -ln(uniform(s.keys.buy, i, s.week, k));
  c.buyClock[i] = clock;
  return true;
}

const spendDice = new Dice(0, 0, 0, 0);

export function purchase(s: SimState, plan: Plan, ctx: WeekCtx, i: number, first: boolean): void {
  const c = s.c;
  const t = s.tally;
  const seg = s.scenario.segments[c.segment[i]];
  const list = gamma(spendDice.at(s.keys.spend, i, s.week, 0), seg.spend.p, c.spendNu[i]);
  const tierDisc = plan.levelDiscount[c.tier[i]];
  const disc = 1 - (1 - plan.d.pricing.discount) * (1 - tierDisc);
  const paid = list * (1 - disc);
  const margin = paid - list * (1 - s.scenario.store.margin);
  t.revenue += paid;
  t.grossMargin += margin;
  t.costs.discounts += list - paid;
  t.purchases++;
  t.visitsByTier[c.tier[i]]++;
  c.purchases[i]++;
  c.spendTotal[i] += paid;
  c.lastWeek[i] = s.week;
  c.contribution[i] += margin;
  c.valueAfter[i] += margin;
  if (c.couponUntil[i] >= s.week) {
    const coupon = Math.min(plan.d.retention.atRiskOffer, paid);
    t.costs.retention += coupon;
    c.contribution[i] -= coupon;
    c.couponUntil[i] = -1;
  }
  addGrowth(s, plan, i, paid);
  earnPoints(s, plan, i, paid);
  experience(s, plan, ctx, i);
  if (first || c.stage[i] === 5) return;
  // Attitudinal loyalty is built visit by visit from satisfaction (Oliver 1999, "Whence consumer loyalty?"; the
  // ACSI's satisfaction → loyalty path): each satisfying visit closes part of the distance to full loyalty, each
  // disappointing one takes away part of what was built.
  const sat = c.sat[i];
  const loy = c.loyalty[i];
  changeLoyalty(s, i, sat >= 0.5 ? 0.25 * (sat - 0.5) * (1 - loy) : 0.5 * (sat - 0.5) * loy, Cause['repeat-purchase']);
  dropout(s, plan, i);
}

function dropout(s: SimState, plan: Plan, i: number): void {
  const c = s.c;
  let p = c.dropP[i];
  // 门当户对: customers whose wants the store does not match drift away sooner.
  p *= 1 + 2 * Math.max(0, 0.65 - c.fit[i]);
  p *= 1 + 1.5 * Math.max(0, 0.5 - c.sat[i]);
  p *= 1 - 0.5 * Math.max(0, c.loyalty[i] - 0.2);
  // Financial and structural bonds (member prices, points, a personal manager) hold members who would drift away
  // (Berry 1995's levels of relationship marketing; Verhoef 2003: loyalty programmes raise retention).
  p *= 1 - 0.3 * switchingCost(s, plan, i);
  if (plan.d.points.earnPer10 > 0 && s.week - c.rewardWeek[i] < 4) p *= 1.3;
  if (uniform(s.keys.dropout, i, s.week, 0) >= clamp01(p)) return;
  if (c.sat[i] < 0.4) churn(s, i, ChurnReason.Own, Cause['low-satisfaction']);
  else churn(s, i, ChurnReason.Natural, Cause['natural-dropout']);
}
