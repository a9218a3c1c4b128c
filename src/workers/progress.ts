// Progress told from a worker to the page through a Comlink proxy (a function the page passed with proxy(fn)).
// Each call is posted at once, without waiting for the page. The proxy has a channel of its own, so the worker's
// answer could overtake the last progress calls: a worker waits for `told()` before it answers.

export function progressTeller<A extends unknown[]>(remote: (...args: A) => unknown): { tell: (...args: A) => void; told: () => Promise<void> } {
  let last: unknown;
  return {
    tell: (...args) => {
      last = remote(...args);
    },
    // The page handles one channel's calls in order: once it has answered the last, it has had them all.
    told: () => Promise.resolve(last).then(
      () => undefined,
      () => undefined,
    ),
  };
}
