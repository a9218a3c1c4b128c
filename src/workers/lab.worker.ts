/// <reference lib="webworker" />
import { runLab, type LabOptions } from './lab-core';

// The Analytics Lab's thread: reads the file, posts progress while it parses and fits, then the outcome.
// One run per worker; the page starts a fresh worker for the next run.

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<{ file: Blob; options: LabOptions }>) => {
  try {
    const text = await e.data.file.text();
    const outcome = runLab(text, e.data.options, (p) => scope.postMessage({ kind: 'progress', progress: p }));
    scope.postMessage({ kind: 'done', outcome });
  } catch (err) {
    scope.postMessage({ kind: 'crash', error: err instanceof Error ? err.message : String(err) });
  }
};
