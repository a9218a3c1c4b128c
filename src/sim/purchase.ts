import { clamp01, ln } from './detmath';
import { record } from './events';
import { changeLoyalty, churn } from './effects';
import { experience } from './experience';
import type { Plan } from './plan';
import { earnPoints, switchingCost } from './points';
import { Dice, gamma, uniform } from './random';
import type { SimState } from './state';
import { addGrowth } from './tiers';
import { Cause, ChurnReason, EventKind } from './types';
import type { WeekCtx } from './week-context';
import { DOUBLE_ZERO } from './hot-loop';

// Buying follows the BG/NBD process (Fader, Hardie & Lee 2005): while alive a customer's purchases arrive as a
// Poisson process of rate λ, and after each repeat purchase they drop out with probability p. The store sees at
// most one purchase-day a week (one visit, one basket), but the dropout coin is tossed for every purchase event,
// so the hidden process is exactly BG/NBD. `purchaseEvents` and `dropoutAfter` are that core; the levers only
// scale λ (buyMultiplier) and p (dropout) around it, and tests/sim/calibration.test.ts checks the core against
// the model's P(X(t) = x).

/** Weekly purchase probability multiplier from the relationship and the levers. */
export function buyMultiplier(s: SimState, plan: Plan, ctx: WeekCtx, i: number): number {
  const c = s.c;
  let m = 0.56 + 0.8 * c.sat[i];
  m *= 1 + 2 * plan.levelPriceCut[c.tier[i]] * c.priceSens[i];
  if (ctx.holiday > 0) m *= 1 + ctx.holiday;
  if (ctx.downturn > 0) m *= 1 - 0.5 * ctx.downturn * c.priceSens[i];
  if (c.couponUntil[i] >= s.week) m *= 1 + (0.5 + c.priceSens[i]) * Math.min(1, plan.d.retention.atRiskOffer / s.c.meanSpend[i]);
  const pts = plan.d.points;
  if (pts.earnPer10 > 0) {
    const progress = c.points[i] / pts.redeemAt;
    const worth = Math.min(1, (pts.redeemAt * pts.pointValue) / s.c.meanSpend[i]);
    // Goal gradient: up to 20% faster as the reward nears; a dip right after it.
    if (progress > 0.6) m *= 1 + 0.2 * worth * Math.min(1, (progress - 0.6) / 0.4);
    if (s.week - c.rewardWeek[i] < 4) m *= 1 - 0.2 * worth;
  }
  return m;
}

/** The clock left after the last `purchaseEvents` call (a reused result, hot-loop.ts). */
export const clockOut = { clock: DOUBLE_ZERO };

/**
 * One week of a Poisson purchase process kept as an Exp(1) clock: `clock` is the hazard still to accumulate before
 * the next purchase, `hazard` this week's λ. Returns the number of purchase events in the week (usually 0 or 1) and
 * leaves the new clock in clockOut.
 */
export function purchaseEvents(clock: number, hazard: number, key: number, i: number, week: number): number {
  let left = clock - hazard;
  let k = 0;
  while (left <= 0) left += -ln(uniform(key, i, week, k++));
  clockOut.clock = left;
  return k;
}

/**
 * BG/NBD dropout for a week with `events` purchases, from one uniform u: the 1-based purchase after which the
 * customer becomes inactive (each with probability p, in turn), or 0 if they stay alive.
 */
export function dropoutAfter(p: number, events: number, u: number): number {
  let alive = 1;
  for (let j = 1; j <= events; j++) {
    alive *= 1 - p;
    if (u < 1 - alive) return j;
  }
  return 0;
}

/**
 * Advances the customer's purchase clock by one week of hazard λ·multiplier. Returns the purchase events in the
 * week (0 = none); several in one week make one purchase-day for the store, as in the CDNOW data.
 */
export function buysThisWeek(s: SimState, plan: Plan, ctx: WeekCtx, i: number): number {
  const c = s.c;
  const hazard = c.lambda[i] * buyMultiplier(s, plan, ctx, i);
  const clock = c.buyClock[i] - hazard;
  if (clock > 0) {
    c.buyClock[i] = clock;
    return 0;
  }
  const events = purchaseEvents(c.buyClock[i], hazard, s.keys.buy, i, s.week);
  c.buyClock[i] = clockOut.clock;
  return events;
}

const spendDice = new Dice(0, 0, 0, 0);

/**
 * Share a recommended item adds to the basket it joins. Field studies of recommender systems find that
 * recommendations on known preferences raise what customers buy; a tenth of a basket is a deliberately modest
 * figure (a model assumption, docs/model.md).
 */
const CROSS_SELL = 0.1;

export function purchase(s: SimState, plan: Plan, ctx: WeekCtx, i: number, first: boolean, events = 1): void {
  const c = s.c;
  const t = s.tally;
  const seg = s.scenario.segments[c.segment[i]];
  let list = gamma(spendDice.at(s.keys.spend, i, s.week, 0), seg.spend.p, c.spendNu[i]);
  // A fitting recommendation (care.ts) adds the suggested item to the basket: cross-selling on known preferences.
  const recommended = c.recommendUntil[i] >= s.week;
  if (recommended) {
    list *= 1 + CROSS_SELL;
    c.recommendUntil[i] = -1;
  }
  const disc = plan.levelPriceCut[c.tier[i]];
  const paid = list * (1 - disc);
  const margin = paid - list * (1 - s.scenario.store.margin);
  // The till's record: the store's transaction ledger (amount paid, discount given) lives in the event log.
  const cause = first ? Cause['first-purchase'] : recommended ? Cause.recommendation : Cause['repeat-purchase'];
  record(s.log, s.week, i, EventKind.Purchase, cause, paid, list - paid);
  // Serving the visit at the customer's level: dearer the higher the level (tiers.ts).
  const service = plan.levelVisitCost[c.tier[i]];
  t.costs.service += service;
  c.contribution[i] -= service;
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
  dropout(s, plan, i, events);
}

/**
 * BG/NBD's dropout probability p of customer i, moved by the relationship: fit, satisfaction, loyalty and the
 * bonds of `plan` (null: no bonds). Not clamped; excludes the short dip after a reward.
 */
export function dropoutChance(s: SimState, plan: Plan | null, i: number): number {
  const c = s.c;
  let p = c.dropP[i];
  // 门当户对: customers whose wants the store does not match drift away sooner.
  p *= misfitRaise(s, i);
  p *= dissatisfactionRaise(s, i);
  p *= 1 - 0.5 * Math.max(0, c.loyalty[i] - 0.2);
  // Financial and structural bonds (member prices, points, a personal manager) hold members who would drift away
  // (Berry 1995's levels of relationship marketing; Verhoef 2003: loyalty programmes raise retention).
  if (plan) p *= 1 - 0.3 * switchingCost(s, plan, i);
  return p;
}

/** How many times likelier poor fit makes a dropout (1 for a customer the store suits). */
function misfitRaise(s: SimState, i: number): number {
  return 1 + 2 * Math.max(0, 0.65 - s.c.fit[i]);
}

/** How many times likelier dissatisfaction makes a dropout (1 at satisfaction 0.5 and above). */
function dissatisfactionRaise(s: SimState, i: number): number {
  return 1 + 1.5 * Math.max(0, 0.5 - s.c.sat[i]);
}

function dropout(s: SimState, plan: Plan, i: number, events: number): void {
  const c = s.c;
  let p = dropoutChance(s, plan, i);
  if (plan.d.points.earnPer10 > 0 && s.week - c.rewardWeek[i] < 4) p *= 1.3;
  if (dropoutAfter(clamp01(p), events, uniform(s.keys.dropout, i, s.week, 0)) === 0) return;
  // 反求诸己: of dropouts whose chance poor fit and dissatisfaction raised M-fold, the share (M − 1)/M would not
  // have happened without them (the attributable fraction); only the rest is needs ended, the part the store
  // could not influence. The raised share is split between the two by their part of ln M (the raises multiply).
  const misfit = misfitRaise(s, i);
  const raised = misfit * dissatisfactionRaise(s, i);
  const u = raised * uniform(s.keys.dropout, i, s.week, 1);
  if (u < 1) churn(s, i, ChurnReason.Natural, Cause['natural-dropout']);
  else if ((u - 1) / (raised - 1) < ln(misfit) / ln(raised)) churn(s, i, ChurnReason.Own, Cause['ill-fit']);
  else churn(s, i, ChurnReason.Own, Cause['low-satisfaction']);
}
