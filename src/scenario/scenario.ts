import { contentHash } from './canonical';
import { loadText, type Loaded } from './load';
import { Scenario } from './schema';

// A scenario as the game uses it: validated, defaults filled in, frozen, with the SHA-256 of its canonical
// form. Two files that mean the same game have the same hash.

export interface LoadedScenario {
  scenario: Scenario;
  hash: string;
}

export function loadScenario(text: string, file: string): Loaded<LoadedScenario> {
  const r = loadText(text, file, Scenario);
  if (!r.ok) return r;
  return { ok: true, value: fromParsed(r.value) };
}

export function fromParsed(scenario: Scenario): LoadedScenario {
  const frozen = deepFreeze(scenario);
  return { scenario: frozen, hash: contentHash(frozen) };
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}
