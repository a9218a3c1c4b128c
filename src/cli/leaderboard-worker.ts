import { parentPort } from 'node:worker_threads';
import { checkEntry, PopulationCache, type RunEntry } from '../run/check';

// A leaderboard worker: checks whole run files it is sent, keeping one starting population per scenario and
// seed for all of them, and posts each result back with the index it came with.

const cache = new PopulationCache();
parentPort?.on('message', (job: (RunEntry & { index: number }) | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  parentPort?.postMessage({ index: job.index, result: checkEntry(job, cache) });
});
