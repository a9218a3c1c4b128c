/// <reference lib="webworker" />
import { parseText, type ParseRequest } from './parse-core';

// Parses one imported run or scenario file off the page's thread, then ends (the host terminates it).

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<ParseRequest>) => {
  try {
    scope.postMessage({ ok: true, result: parseText(e.data) });
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
