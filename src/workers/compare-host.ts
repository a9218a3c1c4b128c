import type { CompareFile, CompareOutcome } from './compare-core';

// Runs one comparison in its own Web Worker, which ends with the answer. A newer request does not wait for an
// older one: the caller keeps the latest promise and ignores the rest.

export function compareInWorker(a: CompareFile, b: CompareFile): Promise<CompareOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ ok: true; outcome: CompareOutcome } | { ok: false; error: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.outcome);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'worker error'));
    };
    worker.postMessage({ a, b });
  });
}
