// Shared fixtures for the simulation tests: the bundled scenario, smaller copies of it, and a tiny hand-made one.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBot } from '../../src/bots/strategies';
import { Decisions, type DecisionsInput } from '../../src/scenario/decisions';
import { loadScenario, type LoadedScenario } from '../../src/scenario/scenario';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema';
import { fold, step, type Folded, type SeasonReport, type SimState } from '../../src/sim';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED_FILE = join(ROOT, 'scenarios', 'bubble-tea.yaml');

let bundled: LoadedScenario | undefined;
export function bubbleTea(): LoadedScenario {
  if (!bundled) {
    const r = loadScenario(readFileSync(BUNDLED_FILE, 'utf8'), BUNDLED_FILE);
    if (!r.ok) throw new Error(`bundled scenario does not load: ${JSON.stringify(r.issues)}`);
    bundled = r.value;
  }
  return bundled;
}

/** A shipped scenario by id (scenarios/<id>.yaml). */
export function shippedScenario(id: string): LoadedScenario {
  const file = join(ROOT, 'scenarios', `${id}.yaml`);
  const r = loadScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(`${id} does not load: ${JSON.stringify(r.issues)}`);
  return r.value;
}

/** The bundled scenario with a smaller market (and optionally other top-level changes). */
export function smallBubbleTea(size = 400, patch: Partial<ScenarioInput> = {}): Scenario {
  const sc = bubbleTea().scenario;
  return Scenario.parse({ ...structuredClone(sc), population: { ...sc.population, size }, ...patch });
}

/** A tiny two-segment market with no events, written out by hand. */
export function tinyInput(): ScenarioInput {
  return {
    version: 1,
    id: 'tiny',
    title: { zh: '小店', en: 'Tiny shop' },
    seasons: 2,
    weeksPerSeason: 13,
    budgetPerSeason: 1000,
    population: { size: 400, initialCustomers: 0.5, walkInRate: 0.01 },
    segments: [
      {
        id: 'regulars',
        name: { zh: '常客', en: 'Regulars' },
        share: 0.7,
        purchase: { r: 2, alpha: 4 },
        dropout: { a: 1, b: 10 },
        spend: { p: 6, q: 5, gamma: 12 },
      },
      {
        id: 'passers',
        name: { zh: '路人', en: 'Passers-by' },
        share: 0.3,
        purchase: { r: 1, alpha: 8 },
        dropout: { a: 1.5, b: 5 },
        spend: { p: 5, q: 5, gamma: 10 },
        acquisitionChannel: 'search',
        contactChannel: 'sms',
      },
    ],
  };
}

export function tiny(patch: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({ ...tinyInput(), ...patch });
}

export function decisions(input: DecisionsInput = {}): Decisions {
  return Decisions.parse(input);
}

/** The decisions a named bot takes for every season of a scenario. */
export function botSeasons(name: string, scenario: Scenario): Decisions[] {
  const bot = findBot(name);
  if (!bot) throw new Error(`no bot ${name}`);
  return Array.from({ length: scenario.seasons }, (_, k) => bot.decide(scenario, k, []));
}

/** A whole game through the engine's fold; a plan the rules refuse fails the test, naming its season. */
export function playGame(scenario: Scenario, seed: string, seasons: readonly Decisions[]): Folded {
  const g = fold(scenario, seed, seasons);
  if (g.refused) throw new Error(`season ${g.refused.season} refused: ${JSON.stringify(g.refused.issues)}`);
  return g;
}

/** One season through the engine's step; a plan the rules refuse fails the test. */
export function playStep(state: SimState, decisions: Decisions): SeasonReport {
  const r = step(state, decisions);
  if (!r.ok) throw new Error(`season ${state.season + 1} refused: ${JSON.stringify(r.issues)}`);
  return r.report;
}
