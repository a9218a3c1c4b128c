import { fromParsed, type LoadedScenario } from '../scenario/scenario';
import type { Loaded } from '../scenario/load';
import type { RunFile } from '../run/runfile';
import type { Scenario } from '../scenario/schema';
import { parseText, type ParseKind, type Parsed } from './parse-core';
import type { ParseApi } from './parse.worker';
import { workerJob } from './job';

// Parses an imported file in its own Web Worker, so a large or hostile file never freezes the page (the
// loader's limits bound the work; the page keeps responding while it is done). Where there are no workers
// (tests in Node), the same parse runs in place.

function inWorker<K extends ParseKind>(kind: K, name: string, text: string): Promise<Parsed<K>> {
  if (typeof Worker === 'undefined') return Promise.resolve(parseText({ kind, name, text }));
  return workerJob<ParseApi, Parsed<K>>(
    () => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }),
    (api) => api.parseText({ kind, name, text }) as Promise<Parsed<K>>,
  ).done;
}

export function parseRunOffThread(name: string, text: string): Promise<Loaded<RunFile>> {
  return inWorker('run', name, text) as Promise<Loaded<RunFile>>;
}

/** A scenario file read in a worker, then frozen and hashed here (a few milliseconds). */
export async function parseScenarioOffThread(name: string, text: string): Promise<Loaded<LoadedScenario>> {
  const r = await inWorker('scenario', name, text);
  return r.ok ? { ok: true, value: fromParsed(r.value as Scenario) } : r;
}
