import type { RunFile } from '../../run/runfile';
import { Decisions, neutralDecisions } from '../../scenario/decisions';
import type { SeasonReport } from '../../sim';
import { getHost } from '../../store/host-instance';
import { initialSession, session } from '../../store/session';
import { api } from './api';

// The class's game in this browser. The engine runs here as in self-study (the page's simulation worker), on the
// scenario, seed and seasons of the team's run file from the server: it prepares the plan form (last season's
// report for the levers' help, the complaint cases of the season) and re-simulates each season the server
// played, so the page can say whether this computer reaches the same state hash (it always should: one engine,
// one fold). The practice season plays alone on its own seed, as on the server.

export const practiceSeed = (seed: string) => `${seed}/practice`;

export async function teamRun(token: string): Promise<RunFile> {
  return api<RunFile>('GET', '/api/team/run', { token });
}

export interface Prepared {
  /** The reports of the seasons played before the one being planned (full: this computer computed them). */
  reports: SeasonReport[];
}

/**
 * Loads the game as it stands before `season` (0 = practice) into the page's engine and the plan form's
 * session, with `draft` as the plan. `run` must hold every competition season before it.
 */
export async function prepareSeason(run: RunFile, season: number, draft: Decisions): Promise<Prepared> {
  const scenario = run.scenario.data;
  const prior = season === 0 ? [] : run.seasons.slice(0, season - 1);
  const seed = season === 0 ? practiceSeed(run.seed) : run.seed;
  const loaded = await getHost().load(scenario, seed, prior.map((s) => s.decisions));
  session.setState({
    ...initialSession(),
    phase: 'plan',
    scenario,
    scenarioHash: run.scenario.hash,
    run: { ...run, seed, seasons: prior, final: undefined },
    reports: loaded.reports,
    featured: loaded.featured,
    draft: Decisions.parse(draft),
  });
  return { reports: loaded.reports };
}

export interface HashCheck {
  season: number;
  server: string;
  local: string | null;
  /** `unchecked`: the practice season's plan never reached this computer (it joined or reloaded after the close). */
  state: 'same' | 'differs' | 'failed' | 'unchecked';
  /** This computer's reports of the seasons so far (competition), or of the practice season alone. */
  reports: SeasonReport[];
}

/**
 * Re-simulates the season the server reported and compares the state hashes. A competition season replays the
 * team's run file (which holds the decisions the server played); the practice season, which no run file holds,
 * plays the plan the server says it played: the team's last draft, or the neutral plan.
 */
export async function checkSeason(run: RunFile, season: number, serverHash: string, practicePlan: Decisions | null): Promise<HashCheck> {
  try {
    const scenario = run.scenario.data;
    const loaded =
      season === 0
        ? await getHost().load(scenario, practiceSeed(run.seed), [practicePlan ?? neutralDecisions()])
        : await getHost().load(scenario, run.seed, run.seasons.slice(0, season).map((s) => s.decisions));
    const mine = loaded.reports[season === 0 ? 0 : season - 1];
    if (!mine) return { season, server: serverHash, local: null, state: 'failed', reports: loaded.reports };
    return { season, server: serverHash, local: mine.hash, state: mine.hash === serverHash ? 'same' : 'differs', reports: loaded.reports };
  } catch {
    return { season, server: serverHash, local: null, state: 'failed', reports: [] };
  }
}
