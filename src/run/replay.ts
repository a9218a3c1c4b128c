import { contentHash } from '../scenario/canonical';
import type { Decisions } from '../scenario/decisions';
import { fold, newGame, type Folded, type Score, type SimState } from '../sim';
import { engineCompatible, newRun, type RunFile } from './runfile';
import type { Scenario } from '../scenario/schema';
import { planIssueText } from './messages';

// Playing and re-playing runs. A run is its decisions; every state and report is re-derived by folding the
// simulation over them, so a claimed hash or score is only ever checked, never trusted.

export type Replayed = Omit<Folded, 'refused'>;

/** Folds the simulation over the first `upTo` seasons of decisions (all by default); a refused plan throws, naming its season. */
export function replay(scenario: Scenario, seed: string, decisions: readonly Decisions[], upTo = decisions.length): Replayed {
  const { refused, ...played } = fold(scenario, seed, decisions.slice(0, upTo));
  if (refused) throw new Error(`season ${refused.season}: ${planIssueText(refused.issues[0])}`);
  return played;
}

/** Plays a whole game and returns the run file claiming exactly what happened. */
export function playToRun(scenario: Scenario, scenarioHash: string, seed: string, team: string, seasons: readonly Decisions[]): { run: RunFile; replayed: Replayed } {
  const run = newRun(scenario, scenarioHash, seed, team);
  const replayed = replay(scenario, seed, seasons.slice(0, scenario.seasons));
  replayed.reports.forEach((report, k) => run.seasons.push({ decisions: seasons[k], hash: report.hash, score: report.score }));
  if (run.seasons.length === scenario.seasons) run.final = { score: replayed.final };
  return { run, replayed };
}

export type Verdict =
  | { valid: true; seasons: number; final: Score | null }
  | { valid: false; season: number | null; reason: string };

const SCORE_KEYS = ['total', 'satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;

/** The first claimed part of a season that the replay does not match, in words, or null. */
export function claimDiffers(report: { hash: string; score: Score }, claim: { hash: string; score: Score }, season: number): Verdict | null {
  if (report.hash !== claim.hash) return { valid: false, season, reason: `state hash ${report.hash} differs from the claimed ${claim.hash}` };
  const differs = scoreDiffers(report.score, claim.score);
  return differs ? { valid: false, season, reason: differs } : null;
}

function scoreDiffers(score: Score, claimed: Score): string | null {
  const key = SCORE_KEYS.find((k) => score[k] !== claimed[k]);
  return key === undefined ? null : `${key} score ${score[key]} differs from the claimed ${claimed[key]}`;
}

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
  // Every claimed part of every season, then of the final score: the first difference is the verdict.
  let verdict: Verdict | null = null;
  const played = fold(
    scenario,
    run.seed,
    run.seasons.map((s) => s.decisions),
    {
      from: start(scenario, run.scenario.hash, run.seed),
      // A run is refused at its first difference: no need to simulate the seasons after it.
      onSeason: (report, _state, k) => !(verdict = claimDiffers(report, run.seasons[k], k + 1)),
    },
  );
  if (verdict) return verdict;
  if (played.refused) return { valid: false, season: played.refused.season, reason: `decisions not allowed: ${planIssueText(played.refused.issues[0])}` };
  const final = played.final;
  if (run.final) {
    if (run.seasons.length !== scenario.seasons) return { valid: false, season: null, reason: 'final score claimed before the last season' };
    const differs = scoreDiffers(final, run.final.score);
    if (differs) return { valid: false, season: null, reason: `final ${differs}` };
  }
  return { valid: true, seasons: run.seasons.length, final: run.seasons.length === scenario.seasons ? final : null };
}

/** Identity of a decision log, for fork parents and copy detection. */
export function decisionsHash(run: RunFile): string {
  return contentHash(run.seasons.map((s) => s.decisions));
}
