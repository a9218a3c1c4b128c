import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema';
import type { GameMetrics } from '../tournament/metrics';
import { planScenario, seedsFor, summarise, playJob, type Job, type TournamentSummary } from '../tournament/run';
import { BOTS } from '../bots/strategies';
import { fail, runCli } from './fail';
import { args, readScenario } from './io';

// npm run tournament [-- --seeds N] [--size N] [--threads N] [--scenario FILE ...] [--json]
// Plays every scripted strategy on N seeds (default 20) of every bundled scenario, prints mean totals per
// strategy and scenario, each lesson's hold fraction and the luck share. With --json the last line is JSON.

const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
/**
 * No market is scaled down unless --size asks for it: at full size the chance differences between two plans on
 * one seed are small beside what the plans do, so each lesson is judged on the plans, not on a few customers.
 */
const DEFAULT_SIZE = 200000;

runCli(async () => {
  const { values } = args({
    seeds: { type: 'string' },
    size: { type: 'string' },
    threads: { type: 'string' },
    scenario: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const seeds = intArg('--seeds', values.seeds, 20, 1, 1000);
  const maxSize = intArg('--size', values.size, DEFAULT_SIZE, 50, 200000);
  const threads = intArg('--threads', values.threads, Math.min(2, availableParallelism()), 1, 64);
  const files =
    values.scenario ??
    readdirSync(SCENARIO_DIR)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml') || f.endsWith('.json'))
      .sort()
      .map((f) => join(SCENARIO_DIR, f));
  if (files.length === 0) fail(`${SCENARIO_DIR}: expected scenario files, found none`);
  const originals = files.map((f) => readScenario(f).scenario);
  const t0 = performance.now();
  const summary = await play(originals, seeds, maxSize, threads);
  const seconds = (performance.now() - t0) / 1000;
  print(summary, seconds);
  if (values.json) {
    console.log(
      JSON.stringify({
        lessons: summary.lessons.map((l) => ({ id: l.id, text: l.text, holds: l.holds, byScenario: l.byScenario })),
        strategies: summary.strategies,
        means: summary.means,
        luckShare: summary.luck.share,
        seeds: summary.seeds,
      }),
    );
  }
  return 0;
});

function intArg(name: string, raw: string | undefined, dflt: number, min: number, max: number): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(`${name}: expected a whole number from ${min} to ${max}, found "${raw}"`);
  return n;
}

async function play(originals: Scenario[], seedCount: number, maxSize: number, threads: number): Promise<TournamentSummary> {
  const plans = originals.map((sc) => planScenario(sc, maxSize));
  const seeds = seedsFor(seedCount);
  const results: GameMetrics[][][] = plans.map((p) => seeds.map(() => new Array<GameMetrics>(p.plans.length)));
  const jobs: Job[] = [];
  plans.forEach((p, s) => seeds.forEach((seed) => p.plans.forEach((_, plan) => jobs.push({ scenario: s, seed, plan }))));
  // Largest markets first, so the threads finish together.
  jobs.sort((a, b) => plans[b.scenario].scenario.population.size - plans[a.scenario].scenario.population.size);
  const store = (job: Job, m: GameMetrics) => {
    results[job.scenario][seeds.indexOf(job.seed)][job.plan] = m;
  };
  if (threads <= 1) {
    for (const job of jobs) store(job, playJob(plans[job.scenario], job.seed, job.plan));
  } else {
    let next = 0;
    // The worker is TypeScript: register tsx's loader in the thread before importing it.
    const workerUrl = new URL('../tournament/worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); });`;
    await Promise.all(
      Array.from({ length: threads }, () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(boot, { eval: true, workerData: { scenarios: originals, maxSize } });
          const feed = () => w.postMessage(next < jobs.length ? jobs[next++] : null);
          w.on('message', (msg: { job: Job; metrics: GameMetrics }) => {
            store(msg.job, msg.metrics);
            feed();
          });
          w.on('error', reject);
          w.on('exit', () => resolve());
          feed();
        }),
      ),
    );
  }
  return summarise(plans, originals, seeds, results);
}

function print(s: TournamentSummary, seconds: number): void {
  const ids = s.scenarios.map((x) => x.id);
  const w = Math.max(...ids.map((id) => id.length), 8);
  const nameW = Math.max(...BOTS.map((b) => b.name.length)) + 2;
  const sizes = s.scenarios.map((x) => (x.size < x.originalSize ? `${x.id} ${x.size} of ${x.originalSize}` : `${x.id} ${x.size}`));
  console.log(`Tournament: ${s.seeds} seeds per scenario; market sizes: ${sizes.join(', ')} (${seconds.toFixed(1)} s)`);
  console.log('');
  console.log('Mean total score');
  console.log('strategy'.padEnd(nameW) + ids.map((id) => id.padStart(w + 1)).join('') + '    mean'.padStart(w + 1));
  for (const b of s.strategies) {
    const row = ids.map((id) => s.means[id][b.name].toFixed(1).padStart(w + 1)).join('');
    console.log(b.name.padEnd(nameW) + row + b.meanTotal.toFixed(1).padStart(w + 1));
  }
  console.log('');
  console.log('Lessons (share of seeds on which the lesson held, over the scenarios where its levers exist)');
  s.lessons.forEach((l, k) => {
    const per = ids.map((id) => (l.byScenario[id] === null ? '' : `${id} ${(100 * (l.byScenario[id] as number)).toFixed(0)}%`)).filter(Boolean);
    const holds = l.holds === null ? 'n/a' : `${(100 * l.holds).toFixed(0)}%`;
    console.log(`${String(k + 1).padStart(2)}. ${holds.padStart(4)}  ${l.text}`);
    console.log(`          ${per.join(', ')}`);
  });
  console.log('');
  const luck = ids.map((id) => `${id} ${s.luck.byScenario[id].seedSd.toFixed(2)}/${s.luck.byScenario[id].strategySd.toFixed(2)}`);
  console.log(`Luck share ${s.luck.share.toFixed(2)} (sd of a strategy's total over seeds / sd between strategies on one seed): ${luck.join(', ')}`);
}
