import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { checkPlan, type PlanIssue } from './economics';
import { createPopulation } from './population';
import type { SeasonReport } from './report';
import { finalScore, type Score } from './scoring';
import type { SimState } from './state';
import { playSeason, type OnWeek } from './season';

// A game is a fold of `step` over the seasons' decisions, starting from the seed's population. `step` is the only
// way a season is played from outside the engine: it checks the decisions against the scenario's rules first,
// so no caller can play a plan the rules refuse.

export const ENGINE_VERSION = '9.0.0';

/** The seed's market before the first season. */
export function newGame(scenario: Scenario, seed: string): SimState {
  return createPopulation(scenario, seed);
}

/** A season played (its report), or the reasons its decisions were refused (the state is then untouched). */
export type StepResult = { ok: true; report: SeasonReport } | { ok: false; issues: PlanIssue[] };

/** Plays one season of `decisions` on `state` (which it changes), if the scenario's rules allow them. */
export function step(state: SimState, decisions: Decisions, onWeek?: OnWeek): StepResult {
  if (state.season >= state.scenario.seasons) {
    return { ok: false, issues: [{ code: 'seasons', path: '', params: { seasons: state.scenario.seasons } }] };
  }
  const issues = checkPlan(state.scenario, decisions, state.featured, state.season + 1);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, report: playSeason(state, decisions, onWeek) };
}

export interface Folded {
  state: SimState;
  /** One per season played. */
  reports: SeasonReport[];
  /** The final score of the seasons played (the game's final score once every season is played). */
  final: Score;
  /** The first season whose decisions were refused (1-based), and why; the fold stops there. */
  refused: { season: number; issues: PlanIssue[] } | null;
}

export interface FoldOptions {
  /** The state to start from (a copy of a cached starting population, say); a new game by default. */
  from?: SimState;
  /** Called after each week, with the state as that week left it (it must not change it). */
  onWeek?: OnWeek;
  /** Called after each season (k from 0), with the state as that season left it; `false` stops the fold there. */
  onSeason?: (report: SeasonReport, state: SimState, k: number) => boolean | void;
}

/**
 * Plays `decisions` season by season from the seed's market (or `options.from`), stopping at the first plan the
 * rules refuse or when `onSeason` says so.
 */
export function fold(scenario: Scenario, seed: string, decisions: readonly Decisions[], options: FoldOptions = {}): Folded {
  const state = options.from ?? newGame(scenario, seed);
  const reports: SeasonReport[] = [];
  let refused: Folded['refused'] = null;
  for (const d of decisions) {
    const r = step(state, d, options.onWeek);
    if (!r.ok) {
      refused = { season: reports.length + 1, issues: r.issues };
      break;
    }
    reports.push(r.report);
    if (options.onSeason?.(r.report, state, reports.length - 1) === false) break;
  }
  return { state, reports, final: finalScore(reports.map((r) => r.score), scenario.scoring), refused };
}
