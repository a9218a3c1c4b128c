import { churn } from './effects';
import type { Plan } from './plan';
import { switchingCost } from './points';
import { Flag } from './state';
import { uniform } from './random';
import type { SimState } from './state';
import { Cause, ChurnReason } from './types';
import type { WeekCtx } from './week-context';

// Competitors lure price-sensitive, weakly loyal customers (Keaveney 1995: pricing and competition); switching
// costs hold back some of those with only inertia. Everyone may also move away (their own fixed week).

export function competition(s: SimState, plan: Plan, ctx: WeekCtx, i: number): void {
  const c = s.c;
  if (c.moveWeek[i] === s.week) {
    churn(s, i, ChurnReason.Forced, Cause['moved-away']);
    return;
  }
  const pull = ctx.competitorEntry + ctx.competitorPromo;
  if (pull <= 0) return;
  const ownDiscount = plan.levelPriceCut[c.tier[i]];
  // Deal-won customers (Lewis 2006: customers acquired with deep promotions repurchase less and are worth less)
  // came for a price, not for the store. Their reference price has adapted to the discounted one (Kalyanaram &
  // Winer 1995), so the discount no longer counts in the store's favour, and a rival's offer is news to them:
  // they defect at twice the rate.
  const deal = (c.flags[i] & Flag.DealWon) !== 0;
  const priceGap = Math.max(0, 0.15 * ctx.competitorPromo + 0.05 - (deal ? 0 : ownDiscount));
  let p = 0.03 * pull * c.priceSens[i] * (1 - 0.7 * c.loyalty[i]) * (1 - 0.5 * switchingCost(s, plan, i));
  if (deal) p *= 2;
  p *= 1.5 - c.sat[i];
  p *= 0.5 + 5 * priceGap;
  if (uniform(s.keys.competitor, i, s.week, 0) >= p) return;
  if (ctx.competitorPromo >= ctx.competitorEntry) churn(s, i, ChurnReason.Bought, Cause['competitor-promo']);
  else churn(s, i, ChurnReason.Lured, Cause['competitor-lure']);
}
