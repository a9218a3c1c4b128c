import { proxy, wrap, type ProxyMarked, type Remote } from 'comlink';

// One piece of work in a Web Worker of its own: the worker is started, its API wrapped (Comlink), the work asked
// of it, and the worker terminated when the answer comes, when it fails, or when the work is cancelled — a
// cancelled worker is stopped where it is. A worker that cannot even start (its script failed) fails the work.
// Callbacks the worker calls back (progress) go as Comlink proxies that fall silent once the work is over.

export interface WorkerJob<T> {
  done: Promise<T>;
  /** Stops the worker; `done` then settles as `cancelled` says. */
  cancel: () => void;
}

/** A page callback passed to the worker (Comlink's proxy), silent once the work is over or cancelled. */
export type Live = <A extends unknown[]>(fn: (...args: A) => void) => ((...args: A) => void) & ProxyMarked;

const refuse = (): never => {
  throw new Error('cancelled');
};

/**
 * Runs `work` on a fresh worker from `start`. `cancelled` gives what `done` resolves with when the work is
 * cancelled; by default, and whenever it throws, `done` rejects.
 */
export function workerJob<Api, T>(start: () => Worker, work: (api: Remote<Api>, live: Live) => Promise<T>, cancelled: () => T = refuse): WorkerJob<T> {
  let worker: Worker;
  try {
    worker = start();
  } catch (err) {
    return { done: Promise.reject(err instanceof Error ? err : new Error(String(err))), cancel: () => {} };
  }
  let over = false;
  let settle: (value: T) => void = () => {};
  let fail: (err: unknown) => void = () => {};
  const done = new Promise<T>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const end = (then: () => void): void => {
    if (over) return;
    over = true;
    worker.terminate();
    then();
  };
  worker.addEventListener('error', (e) => end(() => fail(new Error(e.message || 'worker error'))));
  const live: Live = (fn) =>
    proxy((...args) => {
      if (!over) fn(...args);
    });
  work(wrap<Api>(worker), live).then(
    (value) => end(() => settle(value)),
    (err: unknown) => end(() => fail(err instanceof Error ? err : new Error(String(err)))),
  );
  return {
    done,
    cancel: () =>
      end(() => {
        try {
          settle(cancelled());
        } catch (err) {
          fail(err);
        }
      }),
  };
}
