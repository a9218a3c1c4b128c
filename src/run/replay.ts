import { contentHash } from '../scenario/canonical';
import type { Decisions } from '../scenario/decisions';
import { checkPlan } from '../sim/economics';
import { newGame, step } from '../sim/game';
import type { SeasonReport } from '../sim/report';
import { finalScore, type Score } from '../sim/scoring';
import type { SimState } from '../sim/state';
import { engineCompatible, newRun, type RunFile } from './runfile';
import type { Scenario } from '../scenario/schema';
import { planIssueText } from './messages';

// Playing and re-playing runs. A run is its decisions; every state and report is re-derived by folding the
// simulation over them, so a claimed hash or score is only ever checked, never trusted.

export interface Replayed {
  state: SimState;
  reports: SeasonReport[];
  final: Score;
}

/** Folds the simulation over the first `upTo` seasons of decisions (all by default). */
export function replay(scenario: Scenario, seed: string, decisions: readonly Decisions[], upTo = decisions.length): Replayed {
  const state = newGame(scenario, seed);
  const reports: SeasonReport[] = [];
  for (const d of decisions.slice(0, upTo)) reports.push(step(state, d));
  return { state, reports, final: finalScore(reports.map((r) => r.score), scenario.scoring) };
}

/** Plays a whole game and returns the run file claiming exactly what happened. */
export function playToRun(scenario: Scenario, scenarioHash: string, seed: string, team: string, seasons: readonly Decisions[]): { run: RunFile; replayed: Replayed } {
  const run = newRun(scenario, scenarioHash, seed, team);
  const state = newGame(scenario, seed);
  const reports: SeasonReport[] = [];
  for (const d of seasons.slice(0, scenario.seasons)) {
    const issues = checkPlan(scenario, d, state.featured);
    if (issues.length > 0) throw new Error(`season ${reports.length + 1}: ${planIssueText(issues[0])}`);
    const report = step(state, d);
    reports.push(report);
    run.seasons.push({ decisions: d, hash: report.hash, score: report.score });
  }
  const final = finalScore(reports.map((r) => r.score), scenario.scoring);
  if (run.seasons.length === scenario.seasons) run.final = { score: final };
  return { run, replayed: { state, reports, final } };
}

export type Verdict =
  | { valid: true; seasons: number; final: Score | null }
  | { valid: false; season: number | null; reason: string };

const SCORE_KEYS = ['total', 'satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;

/** How verification gets the starting state: a fresh population by default, or a cached copy of it. */
export type StartState = (scenario: Scenario, scenarioHash: string, seed: string) => SimState;

const freshStart: StartState = (scenario, _hash, seed) => newGame(scenario, seed);

/** Re-simulates a run and compares every claim; the first difference is the verdict. */
export function verifyRun(run: RunFile, start: StartState = freshStart): Verdict {
  if (!engineCompatible(run.engineVersion)) {
    return { valid: false, season: null, reason: `engine version ${run.engineVersion} is incompatible with this engine` };
  }
  const scenario = run.scenario.data;
  if (contentHash(scenario) !== run.scenario.hash) {
    return { valid: false, season: null, reason: 'embedded scenario does not match its hash (edited after the run)' };
  }
  if (scenario.id !== run.scenario.id) return { valid: false, season: null, reason: 'scenario id does not match the embedded scenario' };
  if (run.seasons.length > scenario.seasons) {
    return { valid: false, season: null, reason: `${run.seasons.length} seasons claimed, the scenario has ${scenario.seasons}` };
  }
  const state = start(scenario, run.scenario.hash, run.seed);
  const scores: Score[] = [];
  for (let k = 0; k < run.seasons.length; k++) {
    const claim = run.seasons[k];
    const issues = checkPlan(scenario, claim.decisions, state.featured);
    if (issues.length > 0) return { valid: false, season: k + 1, reason: `decisions not allowed: ${planIssueText(issues[0])}` };
    const report = step(state, claim.decisions);
    if (report.hash !== claim.hash) {
      return { valid: false, season: k + 1, reason: `state hash ${report.hash} differs from the claimed ${claim.hash}` };
    }
    for (const key of SCORE_KEYS) {
      if (report.score[key] !== claim.score[key]) {
        return { valid: false, season: k + 1, reason: `${key} score ${report.score[key]} differs from the claimed ${claim.score[key]}` };
      }
    }
    scores.push(report.score);
  }
  const final = finalScore(scores, scenario.scoring);
  if (run.final) {
    if (run.seasons.length !== scenario.seasons) return { valid: false, season: null, reason: 'final score claimed before the last season' };
    for (const key of SCORE_KEYS) {
      if (final[key] !== run.final.score[key]) {
        return { valid: false, season: null, reason: `final ${key} score ${final[key]} differs from the claimed ${run.final.score[key]}` };
      }
    }
  }
  return { valid: true, seasons: run.seasons.length, final: run.seasons.length === scenario.seasons ? final : null };
}

/** Identity of a decision log, for fork parents and copy detection. */
export function decisionsHash(run: RunFile): string {
  return contentHash(run.seasons.map((s) => s.decisions));
}
