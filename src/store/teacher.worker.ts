/// <reference lib="webworker" />
import { checkEntry, PopulationCache, type RunEntry } from '../run/check';

// Verifies a class's run files by re-simulating each one, off the page's thread. Runs of one scenario and seed
// share the population, built once. Each result is posted as it is done, so the page can show progress.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cache = new PopulationCache();

scope.onmessage = (e: MessageEvent<{ entries: RunEntry[] }>) => {
  const { entries } = e.data;
  entries.forEach((entry, index) => {
    scope.postMessage({ index, checked: checkEntry(entry, cache) });
  });
  scope.postMessage({ done: true });
};
