import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { createPopulation } from './population';
import type { SeasonReport } from './report';
import { finalScore, type Score } from './scoring';
import type { SimState } from './state';
import { step } from './engine';

// A game is a fold of `step` over the seasons' decisions, starting from the seed's population.

export const ENGINE_VERSION = '5.0.0';

export function newGame(scenario: Scenario, seed: string): SimState {
  return createPopulation(scenario, seed);
}

export interface GameResult {
  state: SimState;
  reports: SeasonReport[];
  final: Score;
}

export function playGame(scenario: Scenario, seed: string, seasons: readonly Decisions[]): GameResult {
  const state = newGame(scenario, seed);
  const reports: SeasonReport[] = [];
  for (const d of seasons.slice(0, scenario.seasons)) reports.push(step(state, d));
  return { state, reports, final: finalScore(reports.map((r) => r.score), scenario.scoring) };
}

export { step };
