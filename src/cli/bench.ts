import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { neutralDecisions, type Decisions } from '../scenario/decisions';
import { loadScenario } from '../scenario/scenario';
import { playGame } from '../sim/game';
import { runCli, fail } from './fail';
import { BOTS } from '../bots/strategies';

// Benchmark of the full model: 100,000 customers, 8 seasons of 13 weeks, the "textbook" strategy so every
// system runs. `npm run bench` bundles it first (as the browser runs the engine), because a per-module loader
// adds a call through a getter to every imported function in the hot loop. The last line is JSON for tools.

runCli(() => {
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
  const bot = BOTS.find((b) => b.name === 'textbook') ?? BOTS[0];
  const seasons: Decisions[] = [];
  for (let k = 0; k < scenario.seasons; k++) seasons.push(bot ? bot.decide(scenario, k, []) : neutralDecisions());
  const t0 = performance.now();
  const game = playGame(scenario, 'bench', seasons);
  const seconds = (performance.now() - t0) / 1000;
  const weeks = scenario.seasons * scenario.weeksPerSeason;
  console.log(`final score ${game.final.total}, ${game.state.log.length} events logged`);
  console.log(
    JSON.stringify({ customers, weeks, seconds: Math.round(seconds * 1000) / 1000, customerWeeksPerSecond: Math.round((customers * weeks) / seconds) }),
  );
});
