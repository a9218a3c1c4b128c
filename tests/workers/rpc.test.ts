// The page's side of the workers, over a MessageChannel in place of a worker: the simulation host answers through
// Comlink exactly as it does in place (its errors too), and one job on a worker of its own ends it when its answer
// comes, when it fails or when it is cancelled, with progress passed back as it goes.
import { expose, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimHost } from '../../src/host/host';
import { createLocalHost } from '../../src/host/local-host';
import { fold } from '../../src/sim';
import { workerJob } from '../../src/workers/job';
import { progressTeller } from '../../src/workers/progress';
import { decisions, tiny } from '../sim/helpers';

const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

/** A worker stand-in: the API is exposed on one end of a channel, the page holds the other. */
function fakeWorker(api: object): Worker & { terminated: boolean; fail: (message: string) => void } {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(api, port1);
  const errors: ((e: { message: string }) => void)[] = [];
  const page = port2 as unknown as Worker & { terminated: boolean; fail: (message: string) => void };
  const listen = port2.addEventListener.bind(port2);
  page.terminated = false;
  page.terminate = () => {
    page.terminated = true;
    port1.close();
    port2.close();
  };
  page.addEventListener = ((type: string, fn: (e: Event) => void) => {
    if (type === 'error') errors.push(fn as unknown as (e: { message: string }) => void);
    else listen(type as 'message', fn);
  }) as Worker['addEventListener'];
  page.fail = (message) => errors.forEach((fn) => fn({ message }));
  return page;
}

describe('the simulation host over Comlink', () => {
  const sc = tiny();
  const plan = decisions();

  it('loads, plays and answers as the host in place does', async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    expose(createLocalHost(), port1);
    const host: SimHost = wrap<SimHost>(port2);
    const loaded = await host.load(sc, 's1', [plan]);
    const here = fold(sc, 's1', [plan]);
    expect(loaded.reports.map((r) => r.hash)).toEqual(here.reports.map((r) => r.hash));
    expect(loaded.featured).toEqual(here.state.featured);
    const second = await host.step(plan);
    expect('hash' in second && second.hash).toBe(fold(sc, 's1', [plan, plan]).reports[1].hash);
    // A season after the last is refused with the plan's issues, as data.
    expect(await host.step(plan)).toEqual({ issues: [{ code: 'seasons', path: '', params: { seasons: sc.seasons } }] });
    const local = createLocalHost();
    await local.load(sc, 's1', [plan, plan]);
    const id = here.state.featured[0];
    expect(await host.customer(id)).toEqual(await local.customer(id));
    expect(await host.stories(3)).toEqual(await local.stories(3));
  });

  it('rejects with the host\'s own error', async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    expose(createLocalHost(), port1);
    const host = wrap<SimHost>(port2);
    await expect(host.analytics()).rejects.toThrow('no game loaded');
  });
});

describe('a job on a worker of its own', () => {
  const slow = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('resolves with the answer after all the progress told before it, and ends the worker', async () => {
    type Api = { count(n: number, onStep: (i: number) => unknown): Promise<number> };
    const worker = fakeWorker({
      async count(n: number, onStep: (i: number) => unknown) {
        const progress = progressTeller(onStep);
        for (let i = 1; i <= n; i++) progress.tell(i);
        await progress.told();
        return n * 10;
      },
    });
    const seen: number[] = [];
    const job = workerJob<Api, number>(() => worker, (api, live) => api.count(50, live((i: number) => void seen.push(i))));
    expect(await job.done).toBe(500);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(worker.terminated).toBe(true);
  });

  it('progress that comes after the job is over is not passed on', async () => {
    let later: (() => unknown) | null = null;
    const worker = fakeWorker({
      async start(onStep: () => unknown) {
        later = onStep;
        return 1;
      },
    });
    let calls = 0;
    const job = workerJob<{ start(onStep: () => unknown): Promise<number> }, number>(() => worker, (api, live) => api.start(live(() => void calls++)));
    expect(await job.done).toBe(1);
    await (later as unknown as () => Promise<unknown>)();
    expect(calls).toBe(0);
  });

  it('fails, without throwing, when the worker cannot be started', async () => {
    const job = workerJob<object, void>(
      () => {
        throw new Error('no workers here');
      },
      async () => {},
    );
    job.cancel();
    await expect(job.done).rejects.toThrow('no workers here');
  });

  it('rejects with the error thrown in the worker, and ends it', async () => {
    const worker = fakeWorker({
      async boom() {
        throw new Error('bad file');
      },
    });
    const job = workerJob<{ boom(): Promise<void> }, void>(() => worker, (api) => api.boom());
    await expect(job.done).rejects.toThrow('bad file');
    expect(worker.terminated).toBe(true);
  });

  it('rejects when the worker itself fails', async () => {
    const worker = fakeWorker({ wait: () => slow(1000) });
    const job = workerJob<{ wait(): Promise<void> }, void>(() => worker, (api) => api.wait());
    worker.fail('script error');
    await expect(job.done).rejects.toThrow('script error');
    expect(worker.terminated).toBe(true);
  });

  it('cancelled: the worker is stopped, done settles as asked (null, or rejected by default), a late answer is ignored', async () => {
    const a = fakeWorker({ wait: () => slow(30).then(() => 'late') });
    const first = workerJob<{ wait(): Promise<string> }, string | null>(() => a, (api) => api.wait(), () => null);
    first.cancel();
    expect(a.terminated).toBe(true);
    expect(await first.done).toBeNull();
    first.cancel();
    expect(await first.done).toBeNull();

    const b = fakeWorker({ wait: () => slow(30).then(() => 'late') });
    const second = workerJob<{ wait(): Promise<string> }, string>(() => b, (api) => api.wait());
    second.cancel();
    expect(b.terminated).toBe(true);
    await expect(second.done).rejects.toThrow('cancelled');
  });
});
