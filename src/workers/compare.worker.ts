/// <reference lib="webworker" />
import { compareTexts, type CompareFile } from './compare-core';

// Compares two run files off the page's thread: both runs are re-simulated in full, which takes far longer than
// a page may stay unresponsive.

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<{ a: CompareFile; b: CompareFile }>) => {
  try {
    scope.postMessage({ ok: true, outcome: compareTexts(e.data.a, e.data.b) });
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
