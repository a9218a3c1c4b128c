import { clamp } from './detmath';
import { exp, pow } from './detmath';
import { isActive } from './types';
import type { Plan } from './plan';
import { dropoutChance } from './purchase';
import type { SimState } from './state';

// Scores, 0–100 where a part can be bounded (satisfaction, loyalty, churn, residual); the profit part has no floor.
// Satisfaction and loyalty are measured on the hidden truth of every customer the store served in the season,
// those who left during it included (at how they felt when they left), so losing unhappy customers never raises
// them, each customer weighted by their worth (report.ts); loyalty weighs attitudinal loyalty above inertia; churn
// compares the worth lost in the season with a 40% ceiling. docs/scoring.md describes the score for teachers.
// Profit is linear in the money on the scale of what is at stake: 0 at no profit, 100 at the season's budget plus
// twice what the store was earning when the team took over (π₀), no floor. A store whose profit parts average
// below zero — one that lost money over the game — scores at most that part (finalScore): no satisfaction bought
// at a loss counts.
// Residual is the expected next-year profit R of the customer base, net of everything promised to it (member
// prices, service levels, gift packs, points, managers), against R0, its value at the start:
// 100·(1 − 2^(−R/R0)) — 50 for keeping the base's value, 75 for doubling it, each further R0 worth half the one
// before, never saturating, and below zero for a base that would cost more than it brings — so that milking
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
 * Expected profit over the next 52 weeks from everyone still a customer (hidden truth), each kept with the
 * dropout chance purchases run on, net of what the plan has promised them: member prices, the service of their
 * level, its fixed benefits and gift packs, points accruing, and the year's cost of serving them while they stay.
 * `plan` null: the starting yardstick, no bonds and no benefits, so the yardstick never depends on a decision.
 */
export function residualValue(s: SimState, plan: Plan | null): number {
  const c = s.c;
  const margin = s.scenario.store.margin;
  const serve = s.scenario.store.serveCost;
  const pts = plan ? plan.d.points : null;
  const accrual = pts && pts.earnPer10 > 0 ? (pts.earnPer10 / 10) * pts.pointValue : 0;
  let total = 0;
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i])) continue;
    const t = plan ? c.tier[i] : 0;
    const cut = plan ? plan.levelPriceCut[t] : 0;
    const rate = c.lambda[i] * (0.56 + 0.8 * c.sat[i]) * (1 + 2 * cut * c.priceSens[i]) * 52;
    const p = clamp(dropoutChance(s, plan, i), 0.001, 1);
    const purchases = (1 - pow(1 - p, rate)) / p;
    // Share of the year the customer is expected to stay: purchases made over purchases a full year would bring.
    const staying = rate > 0 ? Math.min(1, purchases / rate) : 0;
    const list = s.scenario.segments[c.segment[i]].spend.p / c.spendNu[i];
    let perVisit = list * (margin - cut) - list * (1 - cut) * accrual;
    let perWeek = serve * (1 + 2 * Math.max(0, 0.6 - c.fit[i]));
    if (plan) {
      perVisit -= plan.levelVisitCost[t];
      perWeek += plan.levelWeekCost[t] + plan.levelGiftPack[t] / 4;
    }
    total += purchases * perVisit - 52 * staying * perWeek;
  }
  return total;
}

/**
 * What the store earns in a season at the rate its customers buy when the team takes over: every active
 * customer's expected purchases for the season times their margin, less the season's serving cost, with no
 * dropout — customers who drift away are replaced by walk-ins about as fast, so this is the old store's earning
 * rate (π₀), the yardstick of the profit part.
 */
export function seasonEarnings(s: SimState): number {
  const c = s.c;
  const margin = s.scenario.store.margin;
  const serve = s.scenario.store.serveCost;
  const weeks = s.scenario.weeksPerSeason;
  let total = 0;
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i])) continue;
    const list = s.scenario.segments[c.segment[i]].spend.p / c.spendNu[i];
    const visits = c.lambda[i] * (0.56 + 0.8 * c.sat[i]) * weeks;
    total += visits * list * margin - weeks * serve * (1 + 2 * Math.max(0, 0.6 - c.fit[i]));
  }
  return total;
}

/**
 * A season's profit part: linear in the money, 0 at no profit, 100 at the budget plus twice what the old store
 * earned (π₀, `reference`) — so keeping the old store's earnings scores π₀/(B + 2π₀) of the way (a third when the
 * budget equals π₀), and every yuan spent without return counts the same wherever it is. Capped at 100, without
 * a floor: a loss is below zero in proportion. Linear, so the profit parts of a game average to below zero
 * exactly when the game lost money (the final score's rule, finalScore).
 */
export function profitPart(profit: number, reference: number, budget: number): number {
  return Math.min(100, (100 * profit) / Math.max(budget + 2 * Math.max(0, reference), 1));
}

/**
 * Satisfaction part: mean satisfaction on the span a store's customers actually occupy, from a dissatisfied base
 * (0.3: most would leave) at 0 to a delighted one (0.8) at 100. A store that takes over at the neutral 0.55 starts
 * at 50, so the part separates the ways a class plays instead of crowding them into a few points.
 */
export function satisfactionIndex(meanSat: number): number {
  return 100 * clamp((meanSat - 0.3) / 0.5, 0, 1);
}

/**
 * Loyalty part: attitudinal loyalty weighed above inertia — L = 0.5·mean loyalty/0.6 + 0.35·true-loyal share +
 * 0.15·inertia share — on the span from a base with no attachment (L = 0.1) at 0 to a deeply attached one (0.8)
 * at 100.
 */
export function loyaltyIndex(meanLoyalty: number, trueShare: number, inertiaShare: number): number {
  const l = (0.5 * meanLoyalty) / 0.6 + 0.35 * trueShare + 0.15 * inertiaShare;
  return 100 * clamp((l - 0.1) / 0.7, 0, 1);
}

/** Residual part: 100·(1 − 2^(−R/R0)); no floor (a base that costs more than it brings is below zero). */
export function residualIndex(r: number, r0: number): number {
  if (!(r0 > 0)) return 0;
  // Bounded far below any real base (at about −3·10⁹) only so that the arithmetic stays finite.
  return 100 * (1 - exp(-LN2 * Math.max(r / r0, -25)));
}

const LN2 = 0.6931471805599453;

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
  const reference = s.store.baseEarnings;
  const parts = {
    satisfaction: round2(satisfactionIndex(f.meanSat)),
    loyalty: round2(loyaltyIndex(f.meanLoyalty, f.trueShare, f.inertiaShare)),
    churn: round2(100 * clamp(1 - f.churnRate / 0.4, 0, 1)),
    profit: round2(profitPart(f.profit, reference, budget)),
    residual: round2(residualIndex(f.residual, base)),
  };
  return { total: weightedTotal(parts, w), ...parts };
}

/**
 * The game's final score: seasons averaged (no single season dominates) and residual value at the end. A store
 * that lost money over the game (mean profit part below zero: profitPart is linear and zero at no profit, so a
 * cumulative loss gives one) scores at most its profit part, which is then below zero: it ranks below every store
 * that kept its money, doing nothing included.
 */
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
  const weighted = weightedTotal(parts, w);
  return { total: parts.profit < 0 ? Math.min(weighted, parts.profit) : weighted, ...parts };
}
