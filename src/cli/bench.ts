import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Decisions } from '../scenario/decisions';
import { loadScenario } from '../scenario/scenario';
import { step, useWeekRunner, createPopulation, finalScore, allocCustomers } from '../sim';
import { planIssueText } from '../run/messages';
import { runCli, fail } from './fail';
import { BOTS } from '../bots/strategies';
import { serveWeekPasses, startWeekThreads } from './threads';

// Benchmark of the full model: 100,000 customers, 8 seasons of 13 weeks, the "textbook" strategy so every
// system runs. `npm run bench` bundles it first (as the browser runs the engine), because a per-module loader
// adds a call through a getter to every imported function in the hot loop. The last line is JSON for tools.

// `--threads=2` loads this module again as a worker that takes blocks of each week's customer pass (threads.ts);
// the outcome is the same either way. One thread is the default: on the two-core machines this runs on, two busy
// threads each run about 40% slower, and the worker's engine compiles the whole model a second time while the run
// is still warming up, which costs about what the shared pass saves.
if (!(await serveWeekPasses())) runCli(bench);

async function bench(): Promise<void> {
  // Resolved from the project root (npm runs scripts there), so the bundled benchmark finds it too.
  const path = resolve('scenarios/bubble-tea.yaml');
  const loaded = loadScenario(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) fail('bundled scenario failed to load');
  const customers = Number(process.argv.find((a) => a.startsWith('--customers='))?.split('=')[1] ?? 100000);
  const scenario = {
    ...loaded.value.scenario,
    seasons: 8,
    weeksPerSeason: 13,
    population: { ...loaded.value.scenario.population, size: customers },
    store: { ...loaded.value.scenario.store, capacityPerWeek: loaded.value.scenario.store.capacityPerWeek * (customers / 4000) },
  };
  const botName = process.argv.find((a) => a.startsWith('--bot='))?.split('=')[1] ?? 'textbook';
  const bot = BOTS.find((b) => b.name === botName);
  if (!bot) fail(`no strategy named ${botName}`);
  const seasons: Decisions[] = [];
  for (let k = 0; k < scenario.seasons; k++) seasons.push(bot.decide(scenario, k, []));
  const threads = Number(process.argv.find((a) => a.startsWith('--threads='))?.split('=')[1] ?? 1);
  const t0 = performance.now();
  let state;
  let pool = null;
  if (threads > 1) {
    const shared = allocCustomers(customers, true);
    pool = startWeekThreads(new URL(import.meta.url), scenario, 'bench', shared);
    let order: Int32Array = new Int32Array(0);
    state = createPopulation(scenario, 'bench', shared, (_, o) => (order = o));
    await pool.fill(state, order);
  } else state = createPopulation(scenario, 'bench');
  useWeekRunner(pool);
  // Milliseconds of each phase: drawing the market, then each season (the first includes the engine's warm-up).
  const laps = [performance.now() - t0];
  const reports = seasons.map((d, k) => {
    const start = performance.now();
    const r = step(state, d);
    laps.push(performance.now() - start);
    if (!r.ok) throw new Error(`season ${k + 1}: ${planIssueText(r.issues[0])}`);
    return r.report;
  });
  const final = finalScore(
    reports.map((r) => r.score),
    scenario.scoring,
  );
  useWeekRunner(null);
  const seconds = (performance.now() - t0) / 1000;
  const weeks = scenario.seasons * scenario.weeksPerSeason;
  await pool?.close();
  const [market, ...rest] = laps.map((ms) => Math.round(ms));
  console.log(`market ${market} ms, seasons ${rest.join(' ')} ms`);
  console.log(`final score ${final.total}, ${state.log.length} events logged, ${threads} thread(s), last hash ${reports.at(-1)?.hash}`);
  console.log(
    JSON.stringify({ customers, weeks, seconds: Math.round(seconds * 1000) / 1000, customerWeeksPerSecond: Math.round((customers * weeks) / seconds) }),
  );
}
