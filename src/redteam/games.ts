import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema';
import { SCORE_PARTS } from '../sim';
import { replay, type Replayed } from '../run/replay';
import type { Plan } from './repair';

// Playing games for the search: one game is (plan, seed), and what the search and the report need of it fits in
// a small summary. Games run on this thread or on a pool of worker threads; either way the answers come back in
// the order the jobs were given, so the search cannot tell them apart.

export type ScorePart = (typeof SCORE_PARTS)[number];

export interface GameSummary {
  total: number;
  parts: Record<ScorePart, number>;
  /** Sums over the seasons played. */
  profit: number;
  revenue: number;
  grossMargin: number;
  costs: Record<string, number>;
  seasonProfit: number[];
}

export function summarise(g: Replayed): GameSummary {
  const parts = {} as Record<ScorePart, number>;
  for (const p of SCORE_PARTS) parts[p] = g.final[p];
  const costs: Record<string, number> = {};
  let profit = 0;
  let revenue = 0;
  let grossMargin = 0;
  for (const r of g.reports) {
    profit += r.economics.profit;
    revenue += r.economics.revenue;
    grossMargin += r.economics.grossMargin;
    for (const [k, v] of Object.entries(r.economics.costs)) costs[k] = (costs[k] ?? 0) + v;
  }
  return { total: g.final.total, parts, profit, revenue, grossMargin, costs, seasonProfit: g.reports.map((r) => r.economics.profit) };
}

export interface Job {
  plan: Plan;
  seed: string;
}

export interface GamePool {
  threads: number;
  /** Settles when every thread can take games. */
  ready: Promise<void>;
  play(jobs: readonly Job[]): Promise<GameSummary[]>;
  close(): Promise<void>;
}

export function playOne(scenario: Scenario, job: Job): GameSummary {
  return summarise(replay(scenario, job.seed, job.plan));
}

/** Games on this thread, one after the other. */
export function localPool(scenario: Scenario): GamePool {
  return {
    threads: 1,
    ready: Promise.resolve(),
    play: async (jobs) => jobs.map((j) => playOne(scenario, j)),
    close: async () => {},
  };
}

type Reply = { id: number; summary: GameSummary } | { id: number; error: string };

/** Games on `threads` worker threads, each taking the next job as soon as it is free. */
export function workerPool(scenario: Scenario, threads: number): GamePool {
  // The worker is TypeScript: register tsx's loader in the thread before importing it (as the tournament does).
  const workerUrl = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); });`;
  const waiting: { id: number; job: Job }[] = [];
  const pending = new Map<number, { resolve: (s: GameSummary) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  let nextId = 0;
  let failure: Error | null = null;
  const dispatch = () => {
    while (idle.length > 0 && waiting.length > 0) {
      const w = idle.pop() as Worker;
      const { id, job } = waiting.shift() as { id: number; job: Job };
      w.postMessage({ id, job });
    }
  };
  const fail = (err: Error) => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const started: Promise<void>[] = [];
  const workers = Array.from({ length: threads }, () => {
    const w = new Worker(boot, { eval: true, workerData: { scenario } });
    started.push(
      new Promise<void>((resolve, reject) => {
        w.once('message', () => resolve());
        w.once('error', reject);
      }),
    );
    w.on('message', (msg: Reply | 'ready') => {
      if (msg !== 'ready') {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if ('error' in msg) p?.reject(new Error(msg.error));
        else p?.resolve(msg.summary);
      }
      idle.push(w);
      dispatch();
    });
    w.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
    w.on('exit', (code) => {
      if (code !== 0 && pending.size > 0) fail(new Error(`a game thread stopped (exit code ${code})`));
    });
    return w;
  });
  return {
    threads,
    ready: Promise.all(started).then(() => undefined),
    play(jobs) {
      if (failure) return Promise.reject(failure);
      const out = jobs.map(
        (job) =>
          new Promise<GameSummary>((resolve, reject) => {
            const id = nextId++;
            pending.set(id, { resolve, reject });
            waiting.push({ id, job });
          }),
      );
      dispatch();
      return Promise.all(out);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
