import { averageSeasonSpend } from '../bots/strategies';
import type { Decisions } from '../scenario/decisions';
import { LEVER_AREAS } from '../scenario/schema';
import type { GameSummary, ScorePart } from './games';
import { repairPlan, type Plan } from './repair';
import { getAt, pathKey, type Node, type Path, type Space } from './space';

// What the red-team run tells a teacher: the best plan's score on fresh seeds against the textbook's and the
// passive plan's (same seeds, so the same customers and the same luck), which areas carry its gain, and the signs
// that the gain comes from a loophole rather than from CRM: money lost over the game, fields at the end of their
// range, the budget sunk into one line, token amounts, points nobody can redeem, and benefits that cost more than
// they bring in.

const PARTS: readonly ScorePart[] = ['satisfaction', 'loyalty', 'churn', 'profit', 'residual'];

export interface PlanFigures {
  /** Mean final score over the seeds, total and parts. */
  total: number;
  parts: Record<ScorePart, number>;
  perSeed: number[];
  /** Sum of the seasons' profit, mean over the seeds. */
  cumulativeProfit: number;
  /** Seeds on which the game's summed profit is below zero. */
  lossSeeds: number;
  revenue: number;
  grossMargin: number;
  /** Each cost line summed over the game, mean over the seeds. */
  costs: Record<string, number>;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const r2 = (x: number) => Math.round(x * 100) / 100;

export function figures(games: readonly GameSummary[]): PlanFigures {
  const parts = {} as Record<ScorePart, number>;
  for (const p of PARTS) parts[p] = r2(mean(games.map((g) => g.parts[p])));
  const costs: Record<string, number> = {};
  for (const k of Object.keys(games[0]?.costs ?? {})) costs[k] = Math.round(mean(games.map((g) => g.costs[k] ?? 0)));
  return {
    total: r2(mean(games.map((g) => g.total))),
    parts,
    perSeed: games.map((g) => g.total),
    cumulativeProfit: Math.round(mean(games.map((g) => g.profit))),
    lossSeeds: games.filter((g) => g.profit < 0).length,
    revenue: Math.round(mean(games.map((g) => g.revenue))),
    grossMargin: Math.round(mean(games.map((g) => g.grossMargin))),
    costs,
  };
}

/** The best plan with one lever area put back to the textbook's, in every season: one plan per open area. */
export function areaVariants(space: Space, best: Plan, textbook: Plan): { area: string; plan: Plan; same: boolean }[] {
  const out: { area: string; plan: Plan; same: boolean }[] = [];
  for (const area of LEVER_AREAS) {
    if (!(area in space.season.fields)) continue;
    const plan = repairPlan(
      space,
      best.map((d, k) => ({ ...d, [area]: structuredClone(textbook[k][area]) }) as Decisions),
    );
    out.push({ area, plan, same: JSON.stringify(plan) === JSON.stringify(best) });
  }
  return out;
}

export interface FieldNote {
  path: string;
  value: unknown;
  /** Seasons (1-based) where the plan has this value. */
  seasons: number[];
  note: string;
}

export interface Indicators {
  cumulativeProfit: { best: number; textbook: number; passive: number; bestLossSeeds: number; seeds: number; negative: boolean };
  /** Fields at the end of their allowed range (or of what the budget buys). */
  extremes: FieldNote[];
  /** Budgeted lines that take half the season budget or more. */
  budgetHeavy: FieldNote[];
  /** Money fields set to less than one yuan but not zero. */
  tokenAmounts: FieldNote[];
  /** A points reward an average customer cannot reach in the whole game. */
  points: { season: number; spendForReward: number; averageGameSpend: number }[];
  /** Costs over the game and their share of revenue, best against textbook. */
  costs: { line: string; best: number; textbook: number; bestShare: number; textbookShare: number }[];
  /** Benefits given to customers (discounts, service, tier benefits, points) as a share of gross margin. */
  benefits: { lines: string[]; best: number; textbook: number; bestShare: number; textbookShare: number };
}

const BENEFIT_LINES = ['discounts', 'service', 'tierBenefits', 'points'];

/** Every searched field of one season with its value, list items by index. */
function fieldValues(node: Node, d: unknown, path: Path = []): { path: Path; node: Node; value: unknown }[] {
  if (node.kind === 'object') {
    if (path.length > 0 && getAt(d, path) === undefined) return [];
    return Object.entries(node.fields).flatMap(([k, v]) => fieldValues(v, d, [...path, k]));
  }
  if (node.kind === 'list') {
    const items = (getAt(d, path) as unknown[] | undefined) ?? [];
    return items.flatMap((_, k) => fieldValues(node.item, d, [...path, k]));
  }
  if (node.kind === 'number' || node.kind === 'boolean' || node.kind === 'choice' || node.kind === 'set') {
    return [{ path, node, value: getAt(d, path) }];
  }
  return [];
}

/** Merges the same finding over seasons into one line. */
function collect(plan: Plan, find: (path: Path, node: Node, value: unknown, season: number) => string | null, space: Space): FieldNote[] {
  const byKey = new Map<string, FieldNote>();
  plan.forEach((d, s) => {
    for (const { path, node, value } of fieldValues(space.season, d)) {
      const note = find(path, node, value, s);
      if (note === null) continue;
      const key = `${pathKey(path)}=${JSON.stringify(value)}|${note}`;
      const f = byKey.get(key);
      if (f) f.seasons.push(s + 1);
      else byKey.set(key, { path: pathKey(path), value, seasons: [s + 1], note });
    }
  });
  return [...byKey.values()];
}

export function indicators(space: Space, best: Plan, fig: { best: PlanFigures; textbook: PlanFigures; passive: PlanFigures }): Indicators {
  const sc = space.scenario;
  const budget = sc.budgetPerSeason;
  const extremes = collect(
    best,
    (_path, node, value) => {
      if (node.kind !== 'number' || typeof value !== 'number') return null;
      if (value >= node.schemaMax && node.dflt !== node.schemaMax) return 'at the maximum allowed';
      if (value <= node.min && node.dflt !== undefined && node.dflt !== node.min) return 'at the minimum allowed';
      if (value <= node.min && node.dflt === undefined && node.min === 0) return 'at zero';
      if (node.max < node.schemaMax && value >= 0.999 * node.max && value > node.min) return 'all the budget buys';
      return null;
    },
    space,
  );
  const spendingKeys = new Map(space.spending.map((f) => [pathKey(f.path), f]));
  const budgetHeavy = collect(
    best,
    (path, _node, value) => {
      const f = spendingKeys.get(pathKey(path));
      if (!f || typeof value !== 'number') return null;
      const share = (f.perUnit * (value - f.min)) / budget;
      return share >= 0.5 ? `${Math.round(100 * share)}% of the season budget` : null;
    },
    space,
  );
  const tokenAmounts = collect(
    best,
    (_path, node, value) =>
      node.kind === 'number' && node.schemaMax - node.min > 100 && typeof value === 'number' && value > node.min && value < 1
        ? 'a token amount (under ¥1)'
        : null,
    space,
  );
  const gameSpend = averageSeasonSpend(sc) * sc.seasons;
  const points: Indicators['points'] = [];
  best.forEach((d, s) => {
    if (!('points' in space.season.fields) || d.points.earnPer10 <= 0) return;
    const spendForReward = (d.points.redeemAt / d.points.earnPer10) * 10;
    if (spendForReward > gameSpend) points.push({ season: s + 1, spendForReward: Math.round(spendForReward), averageGameSpend: Math.round(gameSpend) });
  });
  const share = (x: number, of: number) => (of > 0 ? r2((100 * x) / of) : 0);
  const lines = [...new Set([...Object.keys(fig.best.costs), ...Object.keys(fig.textbook.costs)])];
  const costs = lines.map((line) => ({
    line,
    best: fig.best.costs[line] ?? 0,
    textbook: fig.textbook.costs[line] ?? 0,
    bestShare: share(fig.best.costs[line] ?? 0, fig.best.revenue),
    textbookShare: share(fig.textbook.costs[line] ?? 0, fig.textbook.revenue),
  }));
  const benefitLines = BENEFIT_LINES.filter((l) => lines.includes(l));
  const sum = (f: PlanFigures) => benefitLines.reduce((a, l) => a + (f.costs[l] ?? 0), 0);
  return {
    cumulativeProfit: {
      best: fig.best.cumulativeProfit,
      textbook: fig.textbook.cumulativeProfit,
      passive: fig.passive.cumulativeProfit,
      bestLossSeeds: fig.best.lossSeeds,
      seeds: fig.best.perSeed.length,
      negative: fig.best.cumulativeProfit < 0,
    },
    extremes,
    budgetHeavy,
    tokenAmounts,
    points,
    costs,
    benefits: {
      lines: benefitLines,
      best: sum(fig.best),
      textbook: sum(fig.textbook),
      bestShare: share(sum(fig.best), fig.best.grossMargin),
      textbookShare: share(sum(fig.textbook), fig.textbook.grossMargin),
    },
  };
}
