import type { HostRequest, SimHost } from './host';

// SimHost over a Web Worker: each call posts a request and resolves when the answer with its id comes back.

export function createWorkerHost(): SimHost {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; value?: unknown; error?: string }>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.value);
    else p.reject(new Error(e.data.error));
  };
  const call = <T>(req: HostRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, req });
    });
  return {
    load: (scenario, seed, seasons) => call({ op: 'load', scenario, seed, seasons: [...seasons] }),
    step: (decisions) => call({ op: 'step', decisions }),
    customer: (id) => call({ op: 'customer', id }),
    verify: (run) => call({ op: 'verify', run }),
    stories: (count) => call({ op: 'stories', count }),
    analytics: () => call({ op: 'analytics' }),
    clvCheck: () => call({ op: 'clvCheck' }),
    exportDatabase: () => call({ op: 'exportDatabase' }),
  };
}
