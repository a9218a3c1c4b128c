import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema';
import { type BlockResult, passBlock, sequentialRunner, type WeekRunner, type Plan, fillCustomers, type Customers, emptyState, type SimState, type StoreState, type WeekCtx } from '../sim';

// The weekly pass on two threads for the command line: this thread and a worker take the week's blocks one at a
// time from a shared counter and run them on the same customer arrays (SharedArrayBuffers), so whichever thread
// is faster at the moment (the other may still be compiling, or busy elsewhere) does more of them. The worker
// posts its blocks' results when no block is left; the simulation stays synchronous: this thread waits on a
// shared flag and takes the message with receiveMessageOnPort. Blocks are summed in block order whoever ran
// them, so the outcome is the one the sequential runner gives (tests/cli/threads.test.ts). The population is
// drawn the same way, in chunks of ids, each customer from their own dice.

const ROLE = 'customer-seasons-week-pass';

/** Slots of the shared control array. */
const NEXT = 0;
const REPLIED = 1;
const FILL_NEXT = 2;
const FILL_DONE = 3;

/** Customers per chunk of the population fill. */
const FILL_CHUNK = 4096;

interface Setup {
  role: typeof ROLE;
  port: MessagePort;
  control: Int32Array;
  scenario: Scenario;
  seed: string;
  customers: Customers;
}

type Request =
  | { kind: 'population'; order: Int32Array }
  | { kind: 'season'; plan: Plan }
  | { kind: 'week'; week: number; season: number; store: StoreState; overload: number; ctx: WeekCtx; blocks: number };

type Reply = { results: [number, BlockResult][] } | { error: string };

export interface WeekThreads extends WeekRunner {
  /** Settles when the worker serves passes; rejects if it could not start. */
  ready: Promise<void>;
  /** Fills a new, empty population (see createPopulation), sharing the customers out between the threads. */
  fill(s: SimState, order: Int32Array): Promise<void>;
  close(): Promise<number>;
}

/**
 * Starts a worker on `entry` — a module that calls `serveWeekPasses()` first thing, so when loaded as this
 * worker it serves passes instead of running its command — for a state whose customers are shared.
 */
export function startWeekThreads(entry: URL, scenario: Scenario, seed: string, customers: Customers): WeekThreads {
  if (!(customers.stage.buffer instanceof SharedArrayBuffer)) throw new Error('threads need customer arrays from allocCustomers(n, true)');
  const control = new Int32Array(new SharedArrayBuffer(4 * 4));
  const { port1, port2 } = new MessageChannel();
  const setup: Setup = { role: ROLE, port: port2, control, scenario, seed, customers };
  const worker = new Worker(entry, { workerData: setup, transferList: [port2] });
  worker.unref();
  // Waiting for the worker's results blocks the event loop, so a worker that failed to start must be seen first.
  const ready = new Promise<void>((resolve, reject) => {
    port1.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the week-pass thread stopped (exit code ${code})`)));
  });
  let seasonPlan: Plan | null = null;
  return {
    ready,
    run(st, plan, ctx, blocks) {
      if (blocks < 2) return sequentialRunner.run(st, plan, ctx, blocks);
      if (plan !== seasonPlan) {
        seasonPlan = plan;
        // The whole plan, with what was computed from the state at season start (campaign weights and the like).
        port1.postMessage({ kind: 'season', plan } satisfies Request);
      }
      Atomics.store(control, NEXT, 0);
      const request: Request = { kind: 'week', week: st.week, season: st.season, store: st.store, overload: plan.season.overload, ctx, blocks };
      port1.postMessage(request);
      const out: BlockResult[] = new Array(blocks);
      let done = 0;
      claim(control, NEXT, blocks, (b) => {
        // Claims only increase, so b === done means this thread ran every block before b: its events can go
        // straight into the game's log.
        out[b] = passBlock(st, plan, ctx, b, b === done);
        done++;
      });
      for (const [b, r] of awaitReply(control, port1)) out[b] = r;
      return out;
    },
    async fill(st, order) {
      // The worker joins as soon as it has started; this thread does not wait for it to begin.
      Atomics.store(control, FILL_NEXT, 0);
      Atomics.store(control, FILL_DONE, 0);
      port1.postMessage({ kind: 'population', order } satisfies Request);
      const chunks = fillChunks(st, order, control);
      await ready;
      for (let d = Atomics.load(control, FILL_DONE); d < chunks; d = Atomics.load(control, FILL_DONE)) {
        if (Atomics.wait(control, FILL_DONE, d, 60000) === 'timed-out') throw new Error('the week-pass thread did not finish its customers within 60 s');
      }
    },
    close: () => worker.terminate(),
  };
}

/** Takes items 0…count−1 from the shared counter in `slot`, one at a time, until none is left for this thread. */
function claim(control: Int32Array, slot: number, count: number, work: (k: number) => void): void {
  for (let k = Atomics.add(control, slot, 1); k < count; k = Atomics.add(control, slot, 1)) work(k);
}

/** Draws chunks of the population until none is left; returns the number of chunks in all. */
function fillChunks(s: SimState, order: Int32Array, control: Int32Array): number {
  const chunks = Math.ceil(s.n / FILL_CHUNK);
  claim(control, FILL_NEXT, chunks, (k) => {
    fillCustomers(s, order, k * FILL_CHUNK, Math.min(s.n, (k + 1) * FILL_CHUNK));
    Atomics.add(control, FILL_DONE, 1);
    Atomics.notify(control, FILL_DONE);
  });
  return chunks;
}

function awaitReply(control: Int32Array, port: MessagePort): [number, BlockResult][] {
  for (;;) {
    Atomics.wait(control, REPLIED, 0, 60000);
    const msg = receiveMessageOnPort(port);
    if (!msg) {
      if (Atomics.load(control, REPLIED) === 0) throw new Error('the week-pass thread did not answer within 60 s');
      continue;
    }
    Atomics.store(control, REPLIED, 0);
    const reply = msg.message as Reply;
    if ('error' in reply) throw new Error(`week-pass thread: ${reply.error}`);
    return reply.results;
  }
}

/** In a worker started by startWeekThreads: serve week passes and return true. Elsewhere: return false. */
export async function serveWeekPasses(): Promise<boolean> {
  const { isMainThread, workerData } = await import('node:worker_threads');
  const setup = workerData as Setup | undefined;
  if (isMainThread || setup?.role !== ROLE) return false;
  const { control, port } = setup;
  const s = emptyState(setup.scenario, setup.seed, setup.customers);
  let plan: Plan | null = null;
  port.postMessage('ready');
  port.on('message', (req: Request) => {
    if (req.kind === 'population') {
      fillChunks(s, req.order, control);
      return;
    }
    if (req.kind === 'season') {
      plan = req.plan;
      return;
    }
    let reply: Reply;
    const transfer: ArrayBuffer[] = [];
    try {
      if (!plan) throw new Error('week before season');
      s.week = req.week;
      s.season = req.season;
      Object.assign(s.store, req.store);
      plan.season.overload = req.overload;
      const results: [number, BlockResult][] = [];
      const weekPlan = plan;
      claim(control, NEXT, req.blocks, (b) => {
        const r = passBlock(s, weekPlan, req.ctx, b);
        results.push([b, r]);
        for (const a of Object.values(r.log ?? {})) if (ArrayBuffer.isView(a)) transfer.push(a.buffer as ArrayBuffer);
      });
      reply = { results };
    } catch (e) {
      reply = { error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply, transfer);
    Atomics.store(control, REPLIED, 1);
    Atomics.notify(control, REPLIED);
  });
  return true;
}
