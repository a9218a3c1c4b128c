import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { BOTS, findBot } from '../bots/strategies';
import { replay } from '../run/replay';
import { LESSONS, lessonApplies } from './lessons';
import { gameMetrics, type GameMetrics } from './metrics';
import { scaledScenario } from './scale';

// The tournament: every bot a scenario's lessons need (and every bot at all, for the table) on every seed.
// Bots whose plans come out identical once a scenario's unavailable lever areas are neutralised are played once
// and share the result. Each game is an independent pure function of (scenario, seed, decisions), so games can
// run on any thread in any order and the summary is the same.

export interface Job {
  scenario: number;
  seed: string;
  /** Index into the scenario's distinct plans. */
  plan: number;
}

export interface ScenarioPlans {
  scenario: Scenario;
  /** Distinct season-by-season decisions, and which plan each bot plays. */
  plans: Decisions[][];
  planOf: Record<string, number>;
}

export function planScenario(original: Scenario, maxSize: number): ScenarioPlans {
  const scenario = scaledScenario(original, maxSize);
  const plans: Decisions[][] = [];
  const keys: string[] = [];
  const planOf: Record<string, number> = {};
  for (const bot of BOTS) {
    const seasons = Array.from({ length: scenario.seasons }, (_, k) => bot.decide(scenario, k, []));
    const key = JSON.stringify(seasons);
    let p = keys.indexOf(key);
    if (p < 0) {
      p = plans.length;
      plans.push(seasons);
      keys.push(key);
    }
    planOf[bot.name] = p;
  }
  return { scenario, plans, planOf };
}

export function seedsFor(count: number): string[] {
  return Array.from({ length: count }, (_, k) => `t${k + 1}`);
}

export function playJob(p: ScenarioPlans, seed: string, plan: number): GameMetrics {
  return gameMetrics(replay(p.scenario, seed, p.plans[plan]));
}

export interface LessonResult {
  id: string;
  text: string;
  /** Share of the evaluated (scenario, seed) pairs on which the lesson held; null if evaluated nowhere. */
  holds: number | null;
  evaluated: number;
  byScenario: Record<string, number | null>;
}

export interface TournamentSummary {
  seeds: number;
  scenarios: { id: string; size: number; originalSize: number }[];
  /** Mean total score per bot per scenario id. */
  means: Record<string, Record<string, number>>;
  strategies: { name: string; meanTotal: number }[];
  lessons: LessonResult[];
  luck: { byScenario: Record<string, { seedSd: number; strategySd: number; share: number }>; share: number };
}

const sd = (xs: readonly number[]) => {
  if (xs.length < 2) return 0;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1));
};
const avg = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const r2 = (x: number) => Math.round(x * 100) / 100;

/** results[s][seedIndex][plan] = metrics of that game. */
export function summarise(
  plans: readonly ScenarioPlans[],
  originals: readonly Scenario[],
  seeds: readonly string[],
  results: GameMetrics[][][],
): TournamentSummary {
  const means: Record<string, Record<string, number>> = {};
  const luckBy: TournamentSummary['luck']['byScenario'] = {};
  plans.forEach((p, s) => {
    const id = p.scenario.id;
    means[id] = {};
    for (const bot of BOTS) means[id][bot.name] = r2(avg(seeds.map((_, k) => results[s][k][p.planOf[bot.name]].total)));
    // Luck share: spread over seeds of one strategy's total, against the spread between strategies on one seed.
    const seedSd = avg(p.plans.map((_, q) => sd(seeds.map((_, k) => results[s][k][q].total))));
    const strategySd = avg(seeds.map((_, k) => sd(p.plans.map((_, q) => results[s][k][q].total))));
    luckBy[id] = { seedSd: r2(seedSd), strategySd: r2(strategySd), share: r2(strategySd > 0 ? seedSd / strategySd : 0) };
  });
  const lessons: LessonResult[] = LESSONS.map((lesson) => {
    let held = 0;
    let evaluated = 0;
    const byScenario: Record<string, number | null> = {};
    plans.forEach((p, s) => {
      if (!lessonApplies(lesson, originals[s])) {
        byScenario[p.scenario.id] = null;
        return;
      }
      let h = 0;
      seeds.forEach((_, k) => {
        if (lesson.holds((bot) => results[s][k][p.planOf[bot]])) h++;
      });
      byScenario[p.scenario.id] = r2(h / seeds.length);
      held += h;
      evaluated += seeds.length;
    });
    return { id: lesson.id, text: lesson.text, holds: evaluated > 0 ? r2(held / evaluated) : null, evaluated, byScenario };
  });
  const strategies = BOTS.map((b) => ({ name: b.name, meanTotal: r2(avg(plans.map((p) => means[p.scenario.id][b.name]))) }));
  return {
    seeds: seeds.length,
    scenarios: plans.map((p, s) => ({ id: p.scenario.id, size: p.scenario.population.size, originalSize: originals[s].population.size })),
    means,
    strategies,
    lessons,
    luck: { byScenario: luckBy, share: r2(avg(Object.values(luckBy).map((l) => l.share))) },
  };
}

/** Plays a whole tournament on this thread (the lesson test and single-core runs). */
export function runTournament(originals: readonly Scenario[], seedCount: number, maxSize: number): TournamentSummary {
  const plans = originals.map((sc) => planScenario(sc, maxSize));
  const seeds = seedsFor(seedCount);
  const results = plans.map((p) => seeds.map((seed) => p.plans.map((_, q) => playJob(p, seed, q))));
  return summarise(plans, originals, seeds, results);
}

export { findBot };
