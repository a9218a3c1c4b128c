import { availableParallelism } from 'node:os';
import { formatText, planFileText } from '../redteam/format';
import { redteam } from '../redteam/run';
import { fail, runCli } from './fail';
import { args, readScenario, writeText } from './io';

// npm run redteam -- --scenario FILE --minutes N [--seeds K] [--fresh N] [--json] [--size N] [--evals N]
//                    [--out FILE] [--search-seed S] [--threads N]
// Searches the scenario's decisions for the plan with the highest final score (random search, then coordinate
// ascent over every field), trained on K seeds and reported on fresh ones against the textbook and passive plans,
// so a teacher finds the scoring's loopholes before a class does. Progress goes to stderr; the report to stdout
// (one JSON object with --json). --out writes the best plan as a decisions file (YAML for .yaml/.yml, else JSON).

runCli(async () => {
  const { values } = args({
    scenario: { type: 'string' },
    minutes: { type: 'string' },
    evals: { type: 'string' },
    seeds: { type: 'string' },
    fresh: { type: 'string' },
    size: { type: 'string' },
    threads: { type: 'string' },
    'search-seed': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.scenario === undefined) fail('--scenario: expected a scenario file, e.g. --scenario scenarios/bubble-tea.yaml, found nothing');
  if (values.minutes === undefined && values.evals === undefined) fail('--minutes: expected how long to search (e.g. --minutes 10), or --evals N, found neither');
  const minutes = values.minutes === undefined ? undefined : numberArg('--minutes', values.minutes, 0.05, 24 * 60);
  const evals = values.evals === undefined ? Infinity : intArg('--evals', values.evals, 1, 1e7);
  const trainSeeds = values.seeds === undefined ? 3 : intArg('--seeds', values.seeds, 1, 100);
  const freshSeeds = values.fresh === undefined ? 5 : intArg('--fresh', values.fresh, 1, 100);
  const threads = values.threads === undefined ? Math.min(2, availableParallelism()) : intArg('--threads', values.threads, 1, 64);
  const size = values.size === undefined ? undefined : intArg('--size', values.size, 50, 10_000_000);
  const searchSeed = values['search-seed'] ?? 'redteam';
  if (searchSeed.trim() === '') fail('--search-seed: expected a non-empty seed, found an empty one');
  if (values.out !== undefined && !/\.(ya?ml|json)$/i.test(values.out)) fail(`--out: expected a file ending in .yaml, .yml or .json, found "${values.out}"`);

  const { scenario } = readScenario(values.scenario);
  const start = performance.now();
  const result = await redteam({
    scenario,
    size,
    trainSeeds,
    freshSeeds,
    maxEvals: evals,
    deadline: minutes === undefined ? undefined : start + minutes * 60_000,
    searchSeed,
    threads,
    progress: (l) => process.stderr.write(`${l}\n`),
  });
  if (values.out) {
    writeText(
      values.out,
      planFileText(values.out, result.plan, `Best plan found by npm run redteam for ${scenario.id} (search seed ${searchSeed}, ${result.search.evals} evaluations)`),
    );
  }
  if (values.json) console.log(JSON.stringify(result));
  else console.log(formatText(result));
  return 0;
});

function intArg(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(`${name}: expected a whole number from ${min} to ${max}, found "${raw}"`);
  return n;
}

function numberArg(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) fail(`${name}: expected a number from ${min} to ${max}, found "${raw}"`);
  return n;
}
