import type { Scenario } from '../scenario/schema';
import { record } from './events';
import { changeLoyalty, changeSat, isActive } from './effects';
import type { Plan } from './plan';
import { tierFor } from './plan';
import type { SimState } from './state';
import { Cause, EventKind } from './types';

// 客户分级: levels on growth value. Promotion raises expectations along with loyalty; demotion hurts more than
// promotion helps (Wagner, Hennig-Thurau & Rudolph 2009).

export function addGrowth(s: SimState, plan: Plan, i: number, paid: number): void {
  s.c.growth[i] += paid;
  retier(s, plan, i);
}

export function retier(s: SimState, plan: Plan, i: number): void {
  const c = s.c;
  const old = c.tier[i];
  const now = tierFor(plan, c.growth[i]);
  if (now === old) return;
  c.tier[i] = now;
  if (now > old) {
    s.tally.promotions++;
    // Only a promotion that gives something builds attachment: a level without benefits is a label.
    if (plan.levelPerks[now]) changeLoyalty(s, i, 0.02, Cause['tier-promotion']);
    // The promise of a better level raises what the customer expects of every visit — by less than the level
    // delivers, so a level that keeps its promise still pleases.
    c.expect[i] += 0.1 * Math.max(0, plan.levelService[now] - plan.levelService[old]);
    record(s.log, s.week, i, EventKind.Tier, Cause['tier-promotion'], now, now - old);
  } else {
    s.tally.demotions++;
    changeLoyalty(s, i, -0.06, Cause['tier-demotion']);
    changeSat(s, i, -0.05, Cause['tier-demotion']);
    record(s.log, s.week, i, EventKind.Tier, Cause['tier-demotion'], now, now - old);
  }
}

/** Season start: priority's edge, 1 − the share of active customers whose level gives priority. */
export function setPriorityEdge(s: SimState, plan: Plan): void {
  const c = s.c;
  let active = 0;
  let holders = 0;
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i])) continue;
    active++;
    if (plan.levelPriority[c.tier[i]]) holders++;
  }
  plan.priorityEdge = active > 0 ? 1 - holders / active : 1;
}

/** Re-sorts every customer: at season start for a redesigned scheme, and after the yearly decay. */
export function retierAll(s: SimState, plan: Plan, decay: boolean): void {
  const decayNow = decay && plan.d.tiers.yearlyDecay > 0;
  const c = s.c;
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i])) continue;
    if (decayNow) c.growth[i] = Math.max(0, c.growth[i] - plan.d.tiers.yearlyDecay);
    retier(s, plan, i);
  }
}

/**
 * Weekly cost of level t's fixed benefits for one member (priority lane, personal manager), kept in the plan
 * (Plan.levelWeekCost). Service itself is paid per visit (visitServiceCost).
 */
export function levelWeekCost(scenario: Scenario, plan: Plan, t: number): number {
  const costs = scenario.costs;
  let cost = 0;
  if (plan.levelPriority[t]) cost += costs.priorityWeek;
  if (plan.levelManager[t]) cost += costs.managerWeek;
  return cost;
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

/** Whether level t gives its members anything beyond what ordinary customers get. */
export function levelGives(plan: Plan, t: number): boolean {
  return (
    plan.levelDiscount[t] > 0 ||
    plan.levelService[t] > plan.levelService[0] ||
    // A birthday gift is a benefit only when birthday greetings go out to carry it (care.ts).
    (plan.levelBirthdayGift[t] && plan.d.care.birthday) ||
    plan.levelGiftPack[t] > 0 ||
    plan.levelPriority[t] ||
    plan.levelManager[t]
  );
}
