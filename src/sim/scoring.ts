import { clamp } from './detmath';
import { pow } from './detmath';
import { isActive } from './effects';
import type { Plan } from './plan';
import { dropoutChance } from './purchase';
import type { SimState } from './state';

// Scores 0–100. Satisfaction and loyalty are measured on the hidden truth of active customers; loyalty weighs
// attitudinal loyalty above inertia; churn compares the season's losses with a 40% ceiling.
// Profit is judged against what the store was already earning when the team took over (the starting base's
// expected margin for one season), on the scale of the money at stake (that reference plus the season's budget):
// 50 = earning what the old store earned, 100 = earning that plus the whole budget again. So doing nothing
// scores modestly, and money spent on CRM counts against profit in the season it is spent.
// Residual is the expected next-year margin R of the customer base against R0, its value at the start:
// 100·R/(R + R0) — 50 for keeping the base's value, 67 for doubling it, never saturating — so that milking
// customers in the last season, which raises that season's profit, lowers the residual part.

export interface Score {
  total: number;
  satisfaction: number;
  loyalty: number;
  churn: number;
  profit: number;
  residual: number;
}

export type ScoreWeights = Omit<Score, 'total'>;
export const SCORE_PARTS = ['satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;

export function weightedTotal(parts: ScoreWeights, w: ScoreWeights): number {
  let sum = 0;
  let wsum = 0;
  for (const k of SCORE_PARTS) {
    sum += parts[k] * w[k];
    wsum += w[k];
  }
  return wsum > 0 ? round2(sum / wsum) : 0;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Expected margin over the next 52 weeks from everyone still a customer (hidden truth), each kept with the
 * dropout chance purchases run on — bonds of `plan` included (null: none, for the starting yardstick, so the
 * yardstick never depends on a decision).
 */
export function residualValue(s: SimState, plan: Plan | null): number {
  const c = s.c;
  const margin = s.scenario.store.margin;
  const serve = s.scenario.store.serveCost;
  let total = 0;
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i])) continue;
    const rate = c.lambda[i] * (0.56 + 0.8 * c.sat[i]) * 52;
    const p = clamp(dropoutChance(s, plan, i), 0.001, 1);
    const purchases = (1 - pow(1 - p, rate)) / p;
    const spend = s.scenario.segments[c.segment[i]].spend.p / c.spendNu[i];
    total += purchases * spend * margin - 13 * serve * (1 + 2 * Math.max(0, 0.6 - c.fit[i]));
  }
  return total;
}

export interface SeasonFigures {
  meanSat: number;
  meanLoyalty: number;
  trueShare: number;
  inertiaShare: number;
  churnRate: number;
  profit: number;
  revenue: number;
  residual: number;
}

export function seasonScore(s: SimState, f: SeasonFigures): Score {
  const w = s.scenario.scoring;
  const budget = s.scenario.budgetPerSeason;
  const base = s.store.baseResidual;
  // What the store earned per season when the team took over: the starting base's expected margin.
  const reference = base > 0 ? (base * s.scenario.weeksPerSeason) / 52 : 0;
  const parts = {
    satisfaction: round2(100 * f.meanSat),
    loyalty: round2(100 * clamp((0.5 * f.meanLoyalty) / 0.6 + 0.35 * f.trueShare + 0.15 * f.inertiaShare, 0, 1)),
    churn: round2(100 * clamp(1 - f.churnRate / 0.4, 0, 1)),
    profit: round2(clamp(50 + (50 * (f.profit - reference)) / Math.max(budget + reference, 1), 0, 100)),
    residual: round2(base > 0 && f.residual > 0 ? (100 * f.residual) / (f.residual + base) : 0),
  };
  return { total: weightedTotal(parts, w), ...parts };
}

/** The game's final score: seasons averaged (no single season dominates) and residual value at the end. */
export function finalScore(seasons: readonly Score[], w: ScoreWeights): Score {
  const n = seasons.length;
  if (n === 0) return { total: 0, satisfaction: 0, loyalty: 0, churn: 0, profit: 0, residual: 0 };
  const mean = (k: keyof Score) => round2(seasons.reduce((a, x) => a + x[k], 0) / n);
  const parts = {
    satisfaction: mean('satisfaction'),
    loyalty: mean('loyalty'),
    churn: mean('churn'),
    profit: mean('profit'),
    residual: seasons[n - 1].residual,
  };
  return { total: weightedTotal(parts, w), ...parts };
}
