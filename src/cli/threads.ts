import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema';
import { type BlockResult, passBlock, sequentialRunner, type WeekRunner } from '../sim/pass';
import type { Plan } from '../sim/plan';
import { fillCustomers } from '../sim/population';
import { type Customers, emptyState, type SimState, type StoreState } from '../sim/state';
import type { WeekCtx } from '../sim/week';

// The weekly pass on two threads for the command line: this thread runs the first half of the blocks while a
// worker runs the second half on the same customer arrays (SharedArrayBuffers). The simulation stays
// synchronous: the worker raises a shared flag when its results are posted, and this thread waits on it and
// takes the message with receiveMessageOnPort. Blocks are summed in order either way, so the outcome is the
// one the sequential runner gives (tests/cli/threads.test.ts).

const ROLE = 'customer-seasons-week-pass';

interface Setup {
  role: typeof ROLE;
  port: MessagePort;
  flag: Int32Array;
  scenario: Scenario;
  seed: string;
  customers: Customers;
}

type Request =
  | { kind: 'population'; from: number; to: number }
  | { kind: 'season'; plan: Plan }
  | { kind: 'week'; week: number; season: number; store: StoreState; overload: number; ctx: WeekCtx; from: number; to: number };

type Reply = { results: BlockResult[] } | { error: string };

export interface WeekThreads extends WeekRunner {
  /** Settles when the worker serves passes; rejects if it could not start. */
  ready: Promise<void>;
  /** Fills a new, empty population (see createPopulation), half the customers on each thread. */
  fill(s: SimState): Promise<void>;
  close(): Promise<number>;
}

/**
 * Starts a worker on `entry` — a module that calls `serveWeekPasses()` first thing, so when loaded as this
 * worker it serves passes instead of running its command — for a state whose customers are shared.
 */
export function startWeekThreads(entry: URL, scenario: Scenario, seed: string, customers: Customers): WeekThreads {
  if (!(customers.stage.buffer instanceof SharedArrayBuffer)) throw new Error('threads need customer arrays from allocCustomers(n, true)');
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const setup: Setup = { role: ROLE, port: port2, flag, scenario, seed, customers };
  const worker = new Worker(entry, { workerData: setup, transferList: [port2] });
  worker.unref();
  // Waiting for this thread's results blocks the event loop, so a worker that failed to start must be seen first.
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
      // The worker takes the larger half: this thread also merges the blocks and runs the season-level steps.
      const split = Math.floor(blocks / 2);
      const request: Request = {
        kind: 'week',
        week: st.week,
        season: st.season,
        store: st.store,
        overload: plan.overload,
        ctx,
        from: split,
        to: blocks,
      };
      port1.postMessage(request);
      const out: BlockResult[] = [];
      for (let b = 0; b < split; b++) out.push(passBlock(st, plan, ctx, b, true));
      return out.concat(awaitReply(flag, port1));
    },
    async fill(st) {
      // Posted at once and served as soon as the worker has started, while this thread fills its own half.
      const split = Math.floor(st.n / 2);
      port1.postMessage({ kind: 'population', from: split, to: st.n } satisfies Request);
      fillCustomers(st, 0, split);
      await ready;
      awaitReply(flag, port1);
    },
    close: () => worker.terminate(),
  };
}

function awaitReply(flag: Int32Array, port: MessagePort): BlockResult[] {
  for (;;) {
    Atomics.wait(flag, 0, 0, 60000);
    const msg = receiveMessageOnPort(port);
    if (!msg) {
      if (Atomics.load(flag, 0) === 0) throw new Error('the week-pass thread did not answer within 60 s');
      continue;
    }
    Atomics.store(flag, 0, 0);
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
  const s = emptyState(setup.scenario, setup.seed, setup.customers);
  let plan: Plan | null = null;
  setup.port.postMessage('ready');
  setup.port.on('message', (req: Request) => {
    if (req.kind === 'population') {
      answer(setup, () => {
        fillCustomers(s, req.from, req.to);
        return [];
      });
      return;
    }
    if (req.kind === 'season') {
      plan = req.plan;
      return;
    }
    answer(setup, () => {
      if (!plan) throw new Error('week before season');
      s.week = req.week;
      s.season = req.season;
      Object.assign(s.store, req.store);
      plan.overload = req.overload;
      const results: BlockResult[] = [];
      for (let b = req.from; b < req.to; b++) results.push(passBlock(s, plan, req.ctx, b));
      return results;
    });
  });
  return true;
}

function answer(setup: Setup, work: () => BlockResult[]): void {
  let reply: Reply;
  const transfer: ArrayBuffer[] = [];
  try {
    const results = work();
    for (const r of results) for (const a of Object.values(r.log ?? {})) if (ArrayBuffer.isView(a)) transfer.push(a.buffer as ArrayBuffer);
    reply = { results };
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  setup.port.postMessage(reply, transfer);
  Atomics.store(setup.flag, 0, 1);
  Atomics.notify(setup.flag, 0);
}
