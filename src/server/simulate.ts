import { PopulationCache } from '../run/check';
import { planIssueText } from '../run/messages';
import { Decisions, neutralDecisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { fold, type Score, type SeasonReport } from '../sim';

// One team's season, simulated authoritatively: the engine's one fold over the decisions the team played in every
// closed season so far plus this season's, from the seed's market — exactly what `replay`, `npm run verify` and the
// browser compute for the same decisions, so the state hash is theirs. The starting market is built once per
// scenario and seed and copied (the population depends on nothing else). Pure apart from that cache.

export type Played = 'submitted' | 'draft' | 'neutral';

export interface SeasonOutcome {
  played: Played;
  note: string | null;
  decisions: Decisions;
  report: SeasonReport;
  final: Score;
}

/** The practice season plays on its own seed: what a team learns there says nothing exact about the competition. */
export const practiceSeed = (seed: string) => `${seed}/practice`;

const cache = new PopulationCache(8);

/**
 * Plays `season` (0 = practice) after `prior` (the decisions played in seasons 1…season−1) with the first
 * candidate the scenario's rules allow; the neutral plan is always the last resort. A refused candidate's reason
 * is kept in `note`.
 */
export function simulateSeason(
  scenario: Scenario,
  scenarioHash: string,
  seed: string,
  season: number,
  prior: readonly Decisions[],
  candidates: readonly { played: Played; decisions: unknown }[],
): SeasonOutcome {
  if (season >= 1 && prior.length !== season - 1) throw new Error(`season ${season} needs the decisions of ${season - 1} earlier seasons, found ${prior.length}`);
  const playSeed = season === 0 ? practiceSeed(seed) : seed;
  const before = season === 0 ? [] : prior;
  let note: string | null = null;
  for (const c of [...candidates, { played: 'neutral' as const, decisions: neutralDecisions() }]) {
    const parsed = Decisions.safeParse(c.decisions);
    if (!parsed.success) {
      note ??= `the ${c.played} plan is not valid decisions`;
      continue;
    }
    const played = fold(scenario, playSeed, [...before, parsed.data], { from: cache.start(scenario, scenarioHash, playSeed) });
    if (played.refused) {
      if (played.refused.season <= before.length) throw new Error(`season ${played.refused.season} of the team's earlier plans is refused: ${planIssueText(played.refused.issues[0])}`);
      note ??= `the ${c.played} plan could not be played: ${planIssueText(played.refused.issues[0])}`;
      continue;
    }
    return { played: c.played, note, decisions: parsed.data, report: played.reports[played.reports.length - 1], final: played.final };
  }
  throw new Error('the neutral plan was refused');
}
