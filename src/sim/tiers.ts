import { record } from './events';
import { changeLoyalty, changeSat } from './effects';
import type { Plan } from './plan';
import { tierFor } from './plan';
import type { SimState } from './state';
import { Cause, EventKind, isActive } from './types';

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
    // Each level lost is a status and benefits taken away, felt as a loss and told to others: a member dropped
    // from the top to ordinary feels it three times over.
    const lost = old - now;
    changeLoyalty(s, i, -0.06 * lost, Cause['tier-demotion']);
    changeSat(s, i, -0.05 * lost, Cause['tier-demotion']);
    s.tally.negativeWom += 0.5 * lost * c.womP[i];
    record(s.log, s.week, i, EventKind.Tier, Cause['tier-demotion'], now, now - old);
  }
}

/**
 * Season start: what going first and paying less are worth. Priority's edge is 1 − the share of active customers
 * whose level gives priority; a level's price edge is the share of active customers whose level pays more than it.
 */
export function setEdges(s: SimState, plan: Plan): void {
  const c = s.c;
  const levels = plan.levelDiscount.length;
  const byLevel = new Float64Array(levels);
  let active = 0;
  let holders = 0;
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i])) continue;
    active++;
    byLevel[c.tier[i]]++;
    if (plan.levelPriority[c.tier[i]]) holders++;
  }
  plan.season.priorityEdge = active > 0 ? 1 - holders / active : 1;
  const edge = new Float64Array(levels);
  for (let t = 0; t < levels; t++) {
    let payMore = 0;
    for (let u = 0; u < levels; u++) if (plan.levelDiscount[u] < plan.levelDiscount[t]) payMore += byLevel[u];
    edge[t] = active > 0 ? payMore / active : 1;
  }
  plan.season.priceEdge = edge;
}

/**
 * Re-sorts every customer: at season start for a redesigned scheme, and at New Year after the yearly deduction.
 * Growth value is valid for a year (a marketplace's rule, unit 5): at New Year each member loses the yearly
 * deduction times their level (a level-3 member three times what a level-1 member loses; ordinary customers keep
 * theirs), and the level is judged again on what is left.
 */
export function retierAll(s: SimState, plan: Plan, newYear: boolean): void {
  const deduction = newYear ? plan.d.tiers.yearlyDecay : 0;
  const c = s.c;
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i])) continue;
    if (deduction > 0 && c.tier[i] > 0) c.growth[i] = Math.max(0, c.growth[i] - deduction * c.tier[i]);
    retier(s, plan, i);
  }
}

