import type { Decisions } from '../scenario/decisions';
import { decisionsHash, replay } from './replay';
import type { RunFile } from './runfile';

// What-if forks: a new run that shares the first seasons of another and then goes its own way. A fork is a run
// like any other — same format, verified the same way — that also records where it came from. Pure.

/**
 * The first `atSeason` seasons of `run` (decisions and their claims) as a new, unfinished run of `team`
 * (the parent's team by default), recording the parent's team, decision-log hash and the branching season.
 */
export function forkRun(run: RunFile, atSeason: number, team: string = run.team): RunFile {
  if (!Number.isInteger(atSeason) || atSeason < 0 || atSeason > run.seasons.length) {
    throw new RangeError(`a fork needs a season from 0 to ${run.seasons.length}, found ${atSeason}`);
  }
  const fork: RunFile = {
    format: run.format,
    formatVersion: run.formatVersion,
    engineVersion: run.engineVersion,
    team,
    seed: run.seed,
    scenario: structuredClone(run.scenario),
    seasons: structuredClone(run.seasons.slice(0, atSeason)),
    parent: { team: run.team, decisionsHash: decisionsHash(run), season: atSeason },
  };
  return fork;
}

/**
 * Plays further seasons onto a run (a fork or a saved game) and returns the longer run with its claims, and the
 * final score once the last season is played. Throws, naming the season, on a plan the rules refuse or on more
 * seasons than the scenario has. The input run is not changed.
 */
export function extendRun(run: RunFile, more: readonly Decisions[]): RunFile {
  const scenario = run.scenario.data;
  const total = run.seasons.length + more.length;
  if (total > scenario.seasons) throw new RangeError(`${total} seasons, the scenario has ${scenario.seasons}`);
  const next: RunFile = structuredClone(run);
  delete next.final;
  const all = [...run.seasons.map((s) => s.decisions), ...more];
  const played = replay(scenario, run.seed, all);
  for (let k = run.seasons.length; k < all.length; k++) {
    next.seasons.push({ decisions: structuredClone(all[k]), hash: played.reports[k].hash, score: played.reports[k].score });
  }
  if (next.seasons.length === scenario.seasons) next.final = { score: played.final };
  return next;
}
