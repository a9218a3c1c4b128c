import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { simulateSeason, type Played, type SeasonOutcome } from './simulate';

// Seasons are simulated off the server's event loop: a pool of worker threads, each running simulateSeason
// (sim-thread.ts) on what it is sent. The engine is deterministic and a task carries everything the outcome
// depends on (scenario, seed, season, the earlier seasons' decisions, the candidate plans), so a thread's outcome
// is the one the event loop would compute; only the copying differs. A thread that dies fails its task (the job
// is retried by the queue) and is replaced at the next task. With `threads: 0` the pool runs tasks inline, on
// the event loop.

export interface SeasonTask {
  scenario: Scenario;
  scenarioHash: string;
  seed: string;
  season: number;
  prior: Decisions[];
  candidates: { played: Played; decisions: unknown }[];
}

export interface SimRequest {
  id: number;
  task: SeasonTask;
}
export type SimReply = { id: number; outcome: SeasonOutcome } | { id: number; error: string } | { ready: true };

/** Threads by default: every core but one (which the event loop and the database keep), at least one, at most 4. */
export const defaultSimThreads = () => Math.max(1, Math.min(4, availableParallelism() - 1));

interface Pending {
  id: number;
  task: SeasonTask;
  resolve: (o: SeasonOutcome) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  busy: Pending | null;
}

export class SimPool {
  private readonly threads: Thread[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number = defaultSimThreads()) {}

  /** Simulates one team's season; rejects with the engine's error, or when the thread running it dies. */
  run(task: SeasonTask): Promise<SeasonOutcome> {
    if (this.closed) return Promise.reject(new Error('the simulation pool is closed'));
    if (this.size <= 0) {
      try {
        return Promise.resolve(simulateSeason(task.scenario, task.scenarioHash, task.seed, task.season, task.prior, task.candidates));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  /** Threads running (started by `warm` or by the first tasks). */
  get started(): number {
    return this.threads.length;
  }

  /** Starts every thread now, so the first season closed does not wait for them to load the engine (≈ 1 s). */
  warm(): void {
    while (!this.closed && this.threads.length < this.size) this.spawn();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.waiting.splice(0)) p.reject(new Error('the simulation pool is closed'));
    await Promise.all(this.threads.splice(0).map((t) => t.worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let thread = this.threads.find((t) => t.busy === null);
      if (!thread && this.threads.length < this.size) thread = this.spawn();
      if (!thread) return;
      const p = this.waiting.shift()!;
      thread.busy = p;
      thread.worker.postMessage({ id: p.id, task: p.task } satisfies SimRequest);
    }
  }

  private spawn(): Thread {
    // The server runs as TypeScript through tsx: the thread registers tsx's loader before importing its module.
    const entry = new URL('./sim-thread.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(boot, { eval: true });
    // An idle thread never keeps the process alive; a busy one is awaited by the job that sent it work.
    worker.unref();
    const thread: Thread = { worker, busy: null };
    const lost = (why: string) => {
      const i = this.threads.indexOf(thread);
      if (i >= 0) this.threads.splice(i, 1);
      const p = thread.busy;
      thread.busy = null;
      if (p) p.reject(new Error(`the simulation thread stopped: ${why}`));
      if (!this.closed) this.dispatch();
    };
    worker.on('message', (reply: SimReply) => {
      if ('ready' in reply) return;
      const p = thread.busy;
      if (!p || p.id !== reply.id) return;
      thread.busy = null;
      if ('error' in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.outcome);
      this.dispatch();
    });
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.threads.push(thread);
    return thread;
  }
}
