import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema';
import { playOne, type Job } from './games';

// A game thread of the red-team search: plays the (plan, seed) jobs it is sent and answers with their summaries.

const { scenario } = workerData as { scenario: Scenario };
parentPort?.on('message', ({ id, job }: { id: number; job: Job }) => {
  try {
    parentPort?.postMessage({ id, summary: playOne(scenario, job) });
  } catch (err) {
    parentPort?.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort?.postMessage('ready');
