/// <reference lib="webworker" />
import { createLocalHost, dispatch } from './local-host';
import type { HostRequest } from './host';

// The simulation's thread in the browser: requests arrive with an id, answers go back with it.

const host = createLocalHost();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<{ id: number; req: HostRequest }>) => {
  const { id, req } = e.data;
  try {
    scope.postMessage({ id, ok: true, value: await dispatch(host, req) });
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
