import type { CompareFile, CompareOutcome } from './compare-core';
import type { CompareApi } from './compare.worker';
import { workerJob } from './job';

// Runs one comparison in its own Web Worker, which ends with the answer. A newer request does not wait for an
// older one: the caller keeps the latest promise and ignores the rest.

export function compareInWorker(a: CompareFile, b: CompareFile): Promise<CompareOutcome> {
  return workerJob<CompareApi, CompareOutcome>(
    () => new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' }),
    (api) => api.compareTexts(a, b),
  ).done;
}
