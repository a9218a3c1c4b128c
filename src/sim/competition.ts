import { churn } from './effects';
import type { Plan } from './plan';
import { switchingCost } from './points';
import { Flag } from './state';
import { uniform } from './random';
import type { SimState } from './state';
import { Cause, ChurnReason } from './types';
import type { WeekCtx } from './week-context';

// Competitors take weakly loyal customers two ways (Keaveney 1995: pricing and competition; the course's 被收买 and
// 被吸引): a rival's price promotion buys the price-sensitive away, and a rival that opens lures those for whom its
// offer as a whole — price, product and service, weighed as the customer weighs them — beats what the store gives
// them. Switching costs hold back some of those with only inertia. Everyone may also move away (their own week).

export function competition(s: SimState, plan: Plan, ctx: WeekCtx, i: number): void {
  const c = s.c;
  if (c.moveWeek[i] === s.week) {
    churn(s, i, ChurnReason.Forced, Cause['moved-away']);
    return;
  }
  if (ctx.competitorEntry + ctx.competitorPromo <= 0) return;
  // Deal-won customers (Lewis 2006: customers acquired with deep promotions repurchase less and are worth less)
  // came for a price, not for the store. Their reference price has adapted to the discounted one (Kalyanaram &
  // Winer 1995), so the discount no longer counts in the store's favour, and a rival's offer is news to them:
  // they defect at twice the rate.
  const deal = (c.flags[i] & Flag.DealWon) !== 0;
  const ownCut = deal ? 0 : plan.levelPriceCut[c.tier[i]];
  let hold = (1 - 0.7 * c.loyalty[i]) * (1 - 0.5 * switchingCost(s, plan, i)) * (1.5 - c.sat[i]);
  if (deal) hold *= 2;
  // 被收买: the promotion's price gap, to the price-sensitive.
  const priceGap = Math.max(0, 0.15 * ctx.competitorPromo + 0.05 - ownCut);
  const bought = ctx.competitorPromo > 0 ? 0.03 * ctx.competitorPromo * c.priceSens[i] * hold * (0.5 + 5 * priceGap) : 0;
  // 被吸引: the rival's whole offer against the store's, for this customer.
  const lured = ctx.competitorEntry > 0 ? 0.03 * ctx.competitorEntry * hold * Math.max(0, 0.25 + 5 * rivalAdvantage(s, plan, ctx, i, ownCut)) : 0;
  const u = uniform(s.keys.competitor, i, s.week, 0);
  if (u < bought) churn(s, i, ChurnReason.Bought, Cause['competitor-promo']);
  else if (u < bought + lured) churn(s, i, ChurnReason.Lured, Cause['competitor-lure']);
}

/**
 * How much better the rival's offer is than the store's for this customer (negative: worse): the price gap as much
 * as the customer minds prices, the product's quality and the service their level gets, weighted as in perceived
 * quality (experience.ts). A store that serves its members well is not lured away from by a cheaper rival alone.
 */
export function rivalAdvantage(s: SimState, plan: Plan, ctx: WeekCtx, i: number, ownCut: number): number {
  const c = s.c;
  const price = 2 * c.priceSens[i] * (ctx.rivalPrice - ownCut);
  const product = 0.5 * (ctx.rivalQuality - s.scenario.store.productQuality);
  const service = 0.3 * (ctx.rivalService - plan.levelService[c.tier[i]]);
  return price + product + service;
}
