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
    changeLoyalty(s, i, 0.02, Cause['tier-promotion']);
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

/** Weekly cost of level t's service resources and benefits for one member (kept in the plan, Plan.levelWeekCost). */
export function levelWeekCost(scenario: Scenario, plan: Plan, t: number): number {
  const costs = scenario.costs;
  let cost = plan.serveCost * 2 * (plan.levelService[t] - 0.5);
  if (plan.levelPriority[t]) cost += costs.priorityWeek;
  if (plan.levelManager[t]) cost += costs.managerWeek;
  return cost;
}
