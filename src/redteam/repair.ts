import { Decisions, TierLevel } from '../scenario/decisions';
import { LEVER_AREAS } from '../scenario/schema';
import { checkPlan, courseScript, plannedSpend, type PlanIssue } from '../sim';
import { getAt, setAt, type Space } from './space';

// Brings a searched plan within the rules a class plays by, the way the scripted bots' finish() does: areas the
// scenario does not open stay neutral, tier thresholds rise from level to level, and planned spending that
// exceeds the season budget is scaled down (switches that cost money are turned off, dearest first, only when
// the numbers alone cannot be brought within it). checkPlan has the last word.

/** The highest threshold a level may have (from the schema). */
const MAX_THRESHOLD = TierLevel.shape.threshold.maxValue ?? Number.MAX_SAFE_INTEGER;

/** A plan: one season's decisions per season of the scenario. */
export type Plan = Decisions[];

export function repairSeason(space: Space, input: Decisions): Decisions {
  const sc = space.scenario;
  const d = structuredClone(input);
  const neutral = Decisions.parse({});
  for (const area of LEVER_AREAS) {
    if (!sc.levers.includes(area)) (d as Record<string, unknown>)[area] = neutral[area];
  }
  d.featured = [];
  // The sales script is knowledge, not a trade-off (see EXCLUDED): every searched plan answers as the textbook does.
  if (sc.levers.includes('acquisition')) d.acquisition.objections = courseScript();
  // Levels in threshold order, each strictly above the one before; a level with no room above is dropped.
  const levels = [...d.tiers.levels].sort((a, b) => a.threshold - b.threshold);
  const kept: typeof levels = [];
  for (const l of levels) {
    const prev = kept[kept.length - 1];
    if (prev && !(l.threshold > prev.threshold)) {
      const raised = prev.threshold + Math.max(1, Math.round(prev.threshold * 0.1));
      if (raised > MAX_THRESHOLD) continue;
      kept.push({ ...l, threshold: raised });
    } else kept.push(l);
  }
  d.tiers.levels = kept;
  if (d.care.minTier > kept.length) d.care.minTier = kept.length;
  fitBudget(space, d);
  return Decisions.parse(d);
}

function fitBudget(space: Space, d: Decisions): void {
  const sc = space.scenario;
  const budget = sc.budgetPerSeason;
  for (let round = 0; round < 12; round++) {
    const total = plannedSpend(sc, d).total;
    if (total <= budget) return;
    let scalable = 0;
    for (const f of space.spending) scalable += f.perUnit * ((getAt(d, f.path) as number) - f.min);
    const fixed = total - scalable;
    if (fixed > budget || scalable <= 0) {
      const on = space.spendingSwitches.filter((f) => getAt(d, f.path) === true).sort((a, b) => b.perUnit - a.perUnit);
      if (on.length === 0) return;
      setAt(d, on[0].path, false);
      continue;
    }
    const k = Math.max(0, (budget - fixed) / scalable) * (1 - 1e-9);
    for (const f of space.spending) {
      const v = f.min + ((getAt(d, f.path) as number) - f.min) * k;
      setAt(d, f.path, f.int ? Math.floor(v) : Math.max(f.min, Math.floor(v * 100) / 100));
    }
  }
}

export function repairPlan(space: Space, plan: Plan): Plan {
  return plan.map((d) => repairSeason(space, d));
}

/** Why a plan cannot be played, season by season; empty when every season passes checkPlan. */
export function planIssues(space: Space, plan: Plan): { season: number; issue: PlanIssue }[] {
  const out: { season: number; issue: PlanIssue }[] = [];
  plan.forEach((d, season) => {
    for (const issue of checkPlan(space.scenario, d)) out.push({ season, issue });
  });
  return out;
}
