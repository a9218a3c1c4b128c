import { wrap } from 'comlink';
import type { SimHost } from '../host/host';

// SimHost over a Web Worker that lives as long as the page (or the replay viewer): each call of the wrapped host
// is a call of the worker's createLocalHost() object, answered or rejected with its error.

export function createWorkerHost(): SimHost {
  return wrap<SimHost>(new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' }));
}
