import type { Scenario } from '../scenario/schema';

// What service costs the store: the basic service of a visit, and the extra a higher service level asks of the
// staff per visit. Pure functions of the scenario; the plan (plan.ts) prices each member level with them.

/**
 * What the basic service of one visit costs: the weekly serve cost over the market's mean purchase rate, and at
 * least a fifth of a usual visit's margin — attention takes time in proportion to what is bought, so a store with
 * a low weekly serve cost still pays for service by what its visits are worth.
 */
export function basicVisitCost(scenario: Scenario): number {
  let shares = 0;
  let rate = 0;
  let basket = 0;
  for (const g of scenario.segments) {
    shares += g.share;
    rate += (g.share * g.purchase.r) / g.purchase.alpha;
    basket += (g.share * g.spend.p * g.spend.gamma) / (g.spend.q - 1);
  }
  if (!(rate > 0)) return 0;
  return Math.max((scenario.store.serveCost * shares) / rate, (0.2 * basket * scenario.store.margin) / shares);
}

/**
 * Extra cost of serving one visit at service level `service` (0–1) over the basic 0.5. `visitCost` is what the
 * basic service of one visit costs: the weekly serve cost over the market's mean visits a week. Staff time per
 * visit grows steeply with the level ((2·service)⁴, the way attention per customer multiplies), so each step up
 * costs more than the one before and top service for everyone is the dearest way to please: +12% of the basic
 * visit at 0.55, +50% at 0.65, +150% at 0.8, +400% at 1.0; below 0.5 the store saves a little. Tiering
 * concentrates the dear levels where the value is.
 */
export function visitServiceCost(visitCost: number, service: number): number {
  const x = 2 * service;
  return ((4 * visitCost) / 15) * (x * x * x * x - 1);
}
