// Golden traces of the tutorial, played as a class plays it: each season's plan leaves the areas the tutorial has
// not opened yet at their defaults (the decisions validator accepts it). Each week's state hash and counts, each
// season's hash and score, checked into tests/fixtures/golden/tutorial/. Like the bundled scenario's traces, any
// change to what the engine computes shows up here, named by the first week it moved.
//
// To accept a deliberate change, regenerate this file's traces alone with
//   UPDATE_GOLDEN=1 npx vitest run tests/golden/tutorial.test.ts
// and commit them with the reason.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOpen } from '../../src/scenario/areas';
import { closedAreaProblem, Decisions } from '../../src/scenario/decisions';
import { LEVER_AREAS, type Scenario } from '../../src/scenario/schema';
import { ENGINE_VERSION, fold } from '../../src/sim';
import { hashState } from '../../src/sim/hash';
import { botSeasons, ROOT, shippedScenario } from '../sim/helpers';

const DIR = join(ROOT, 'tests', 'fixtures', 'golden', 'tutorial');
const SEED = 'golden-1';
const BOTS = ['passive', 'textbook'];
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** A bot's plan as the tutorial allows it: every area not yet open in a season put back to its defaults. */
function staged(bot: string, sc: Scenario): Decisions[] {
  const neutral = Decisions.parse({});
  return botSeasons(bot, sc).map((d, k) => {
    const out = structuredClone(d);
    for (const area of LEVER_AREAS) if (!isOpen(sc, area, k + 1)) (out as Record<string, unknown>)[area] = structuredClone(neutral[area]);
    return out;
  });
}

function produce(bot: string) {
  const { scenario, hash } = shippedScenario('tutorial');
  const seasons = staged(bot, scenario);
  const weeks: [number, string, number, number, number, number][] = [];
  const g = fold(scenario, SEED, seasons, {
    onWeek: (s, w) => void weeks.push([w.week, hashState(s), w.visits, w.acquired, w.churned, w.complaints]),
  });
  if (g.refused) throw new Error(`${bot}: season ${g.refused.season} refused`);
  const per = scenario.weeksPerSeason;
  return {
    problem: closedAreaProblem(scenario, seasons),
    trace: {
      scenario: { id: scenario.id, hash },
      engineVersion: ENGINE_VERSION,
      seed: SEED,
      bot,
      seasons: g.reports.map((r, k) => ({ season: r.season, hash: r.hash, score: { ...r.score }, weeks: weeks.slice(k * per, (k + 1) * per) })),
      final: { ...g.final },
    },
  };
}

describe('golden traces of the tutorial', () => {
  for (const bot of BOTS) {
    it(`${SEED} × ${bot}, staged as the tutorial opens its areas`, () => {
      const { problem, trace } = produce(bot);
      expect(problem, 'a staged plan is one the decisions validator accepts').toBeNull();
      const file = join(DIR, `${SEED}.${bot}.json`);
      if (UPDATE) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(file, JSON.stringify(trace, null, 1) + '\n');
        return;
      }
      expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden/tutorial.test.ts`).toBe(true);
      const golden = JSON.parse(readFileSync(file, 'utf8')) as typeof trace;
      expect(trace.scenario, 'the tutorial changed').toEqual(golden.scenario);
      for (let k = 0; k < golden.seasons.length; k++) {
        const w = trace.seasons[k]?.weeks.findIndex((x, i) => JSON.stringify(x) !== JSON.stringify(golden.seasons[k].weeks[i]));
        expect(w, `season ${k + 1}: first week that moved`).toBe(-1);
      }
      expect(trace).toEqual(golden);
    });
  }

  it('the textbook plan, staged, leaves season 1 with only acquisition and information set', () => {
    const sc = shippedScenario('tutorial').scenario;
    const [first] = staged('textbook', sc);
    const neutral = Decisions.parse({});
    for (const area of LEVER_AREAS) {
      if (area === 'acquisition' || area === 'information') continue;
      expect(first[area], area).toEqual(neutral[area]);
    }
  });
});
