// Golden runs of the bundled scenario: seeds × bots → every season's state hash and score, checked into
// tests/fixtures/golden/. Any change to what the engine computes — intended or not — shows up here.
//
// To accept a deliberate change, regenerate the files with
//   UPDATE_GOLDEN=1 npx vitest run tests/golden
// and commit them with the reason in the commit message. Golden files change only with a stated reason
// (a model change, a bug fix that alters outcomes, a scenario edit), never to make a failing test pass.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, playGame } from '../../src/sim/game';
import { bubbleTea, botSeasons, ROOT } from '../sim/helpers';

const DIR = join(ROOT, 'tests', 'fixtures', 'golden');
const SEEDS = ['golden-1', 'golden-2'];
const BOTS = ['passive', 'textbook'];
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Golden {
  scenario: { id: string; hash: string };
  engineVersion: string;
  seed: string;
  bot: string;
  seasons: { season: number; hash: string; score: Record<string, number> }[];
  final: Record<string, number>;
}

function produce(seed: string, bot: string): Golden {
  const { scenario, hash } = bubbleTea();
  const g = playGame(scenario, seed, botSeasons(bot, scenario));
  return {
    scenario: { id: scenario.id, hash },
    engineVersion: ENGINE_VERSION,
    seed,
    bot,
    seasons: g.reports.map((r) => ({ season: r.season, hash: r.hash, score: { ...r.score } })),
    final: { ...g.final },
  };
}

describe('golden runs of the bundled scenario', () => {
  for (const seed of SEEDS) {
    for (const bot of BOTS) {
      const file = join(DIR, `${seed}.${bot}.json`);
      it(`${seed} × ${bot}`, () => {
        const now = produce(seed, bot);
        if (UPDATE) {
          writeFileSync(file, JSON.stringify(now, null, 2) + '\n');
          return;
        }
        expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to create it`).toBe(true);
        const golden = JSON.parse(readFileSync(file, 'utf8')) as Golden;
        // Compare the parts separately so a failure says what changed first.
        expect(now.scenario, 'the bundled scenario changed').toEqual(golden.scenario);
        expect(now.seasons.map((s) => s.hash), 'state hashes').toEqual(golden.seasons.map((s) => s.hash));
        expect(now.seasons, 'season scores').toEqual(golden.seasons);
        expect(now.final, 'final score').toEqual(golden.final);
        expect(now).toEqual(golden);
      });
    }
  }

  it('the golden games differ from each other', () => {
    if (UPDATE) return;
    const hashes = SEEDS.flatMap((seed) =>
      BOTS.map((bot) => (JSON.parse(readFileSync(join(DIR, `${seed}.${bot}.json`), 'utf8')) as Golden).seasons[0].hash),
    );
    expect(new Set(hashes).size).toBe(SEEDS.length * BOTS.length);
  });
});
