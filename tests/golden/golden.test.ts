// Golden traces of the bundled scenario: two seeds × every bot → each week's state hash and counts, each season's
// hash, score and drivers (satisfaction and loyalty moved, by cause), checked into tests/fixtures/golden/. Any
// change to what the engine computes — intended or not — shows up here, and the failure names the first week it
// moved and the causes whose totals changed in that season, so it points at the mechanic.
//
// To accept a deliberate change, regenerate the files with
//   UPDATE_GOLDEN=1 npx vitest run tests/golden
// and commit them with the reason in the commit message. Golden files change only with a stated reason
// (a model change, a bug fix that alters outcomes, a scenario edit), never to make a failing test pass.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOTS } from '../../src/bots/strategies';
import { ENGINE_VERSION, fold, type SeasonReport } from '../../src/sim';
import { hashState } from '../../src/sim/hash';
import { bubbleTea, botSeasons, ROOT } from '../sim/helpers';

const DIR = join(ROOT, 'tests', 'fixtures', 'golden');
const SEEDS = ['golden-1', 'golden-2'];
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** One week of the trace, as an array in this order (one line per week in the file). */
const WEEK_FIELDS = ['week', 'hash', 'visits', 'acquired', 'churned', 'complaints'] as const;
type Week = [number, string, number, number, number, number];

interface Season {
  season: number;
  hash: string;
  score: Record<string, number>;
  /** cause → [satisfaction moved, loyalty moved, customers] over the season. */
  drivers: Record<string, [number, number, number]>;
  weeks: Week[];
}

interface Golden {
  scenario: { id: string; hash: string };
  engineVersion: string;
  seed: string;
  bot: string;
  weekFields: readonly string[];
  seasons: Season[];
  final: Record<string, number>;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function drivers(r: SeasonReport): Season['drivers'] {
  const out: Season['drivers'] = {};
  for (const d of [...r.drivers].sort((a, b) => a.cause.localeCompare(b.cause))) out[d.cause] = [round(d.satisfaction), round(d.loyalty), d.count];
  return out;
}

function produce(seed: string, bot: string): Golden {
  const { scenario, hash } = bubbleTea();
  const weeks: Week[] = [];
  const g = fold(scenario, seed, botSeasons(bot, scenario), {
    onWeek: (s, w) => void weeks.push([w.week, hashState(s), w.visits, w.acquired, w.churned, w.complaints]),
  });
  if (g.refused) throw new Error(`${bot}: season ${g.refused.season} refused`);
  const perSeason = scenario.weeksPerSeason;
  return {
    scenario: { id: scenario.id, hash },
    engineVersion: ENGINE_VERSION,
    seed,
    bot,
    weekFields: WEEK_FIELDS,
    seasons: g.reports.map((r, k) => ({
      season: r.season,
      hash: r.hash,
      score: { ...r.score },
      drivers: drivers(r),
      weeks: weeks.slice(k * perSeason, (k + 1) * perSeason),
    })),
    final: { ...g.final },
  };
}

/** JSON with each list of plain values (a week, a driver) on one line, so a diff of the file shows what moved. */
function fileText(g: Golden): string {
  const flat = (v: unknown): unknown => (Array.isArray(v) && v.every((x) => typeof x !== 'object') ? `\u0000${JSON.stringify(v)}` : v);
  return JSON.stringify(g, (_, v) => flat(v), 2).replace(/"\\u0000(.*)"/g, (_, v: string) => v.replace(/\\"/g, '"')) + '\n';
}

/** Where a trace first differs from its golden file, in words: the week, its figures, the season's changed causes. */
function firstDifference(now: Golden, golden: Golden): string | null {
  for (let k = 0; k < Math.max(now.seasons.length, golden.seasons.length); k++) {
    const a = golden.seasons[k];
    const b = now.seasons[k];
    if (!a || !b) return `season ${k + 1} is ${a ? 'missing now' : 'new'}`;
    const w = b.weeks.findIndex((week, i) => JSON.stringify(week) !== JSON.stringify(a.weeks[i]));
    const causes = [...new Set([...Object.keys(a.drivers), ...Object.keys(b.drivers)])].filter((c) => JSON.stringify(a.drivers[c]) !== JSON.stringify(b.drivers[c]));
    if (w >= 0 || causes.length > 0 || JSON.stringify(a.score) !== JSON.stringify(b.score)) {
      const week = w >= 0 ? `week ${b.weeks[w][0]}: ${WEEK_FIELDS.map((f, i) => `${f} ${a.weeks[w]?.[i]} → ${b.weeks[w][i]}`).join(', ')}` : 'no week differs';
      const moved = causes.map((c) => `${c} ${JSON.stringify(a.drivers[c] ?? null)} → ${JSON.stringify(b.drivers[c] ?? null)}`).join('; ');
      return `season ${k + 1}, ${week}; causes moved that season: ${moved || 'none'}`;
    }
  }
  return null;
}

describe('golden traces of the bundled scenario', () => {
  if (UPDATE) for (const f of readdirSync(DIR)) if (f.endsWith('.json')) rmSync(join(DIR, f));
  for (const seed of SEEDS) {
    for (const { name: bot } of BOTS) {
      const file = join(DIR, `${seed}.${bot}.json`);
      it(`${seed} × ${bot}`, () => {
        const now = produce(seed, bot);
        if (UPDATE) {
          writeFileSync(file, fileText(now));
          return;
        }
        expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to create it`).toBe(true);
        const golden = JSON.parse(readFileSync(file, 'utf8')) as Golden;
        expect(now.scenario, 'the bundled scenario changed').toEqual(golden.scenario);
        expect(firstDifference(now, golden), 'first difference').toBeNull();
        expect(now).toEqual(golden);
      });
    }
  }

  it('the golden games differ from each other', () => {
    if (UPDATE) return;
    const hashes = SEEDS.flatMap((seed) => BOTS.map((b) => (JSON.parse(readFileSync(join(DIR, `${seed}.${b.name}.json`), 'utf8')) as Golden).seasons.at(-1)!.hash));
    expect(new Set(hashes).size).toBe(SEEDS.length * BOTS.length);
  });

  it('a change is named by its first week and its causes', () => {
    const golden = JSON.parse(readFileSync(join(DIR, `${SEEDS[0]}.textbook.json`), 'utf8')) as Golden;
    const now = structuredClone(golden);
    now.seasons[1].weeks[3][2] += 1;
    now.seasons[1].drivers['complaint-recovered'] = [0.5, 0.1, 3];
    expect(firstDifference(now, golden)).toMatch(/^season 2, week \d+: .*visits \d+ → \d+.*; causes moved that season: complaint-recovered/);
  });
});
