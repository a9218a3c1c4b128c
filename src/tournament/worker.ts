import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema';
import { planScenario, playJob, type Job } from './run';

// A tournament worker: rebuilds the same plans from the same scenarios, then plays the jobs it is sent.

const { scenarios, maxSize } = workerData as { scenarios: Scenario[]; maxSize: number };
const plans = scenarios.map((sc) => planScenario(sc, maxSize));
parentPort?.on('message', (job: Job | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  parentPort?.postMessage({ job, metrics: playJob(plans[job.scenario], job.seed, job.plan) });
});
