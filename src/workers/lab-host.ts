import type { LabOptions, LabOutcome, LabProgress } from '../lab/lab-core';
import type { LabApi } from './lab.worker';
import { workerJob, type WorkerJob } from './job';

// Runs the Analytics Lab in a module Web Worker so the page keeps responding on large files. Cancelling stops
// the worker; the run's promise then rejects.

export type LabRun = WorkerJob<LabOutcome>;

export function startLab(file: Blob, options: LabOptions, onProgress: (p: LabProgress) => void): LabRun {
  return workerJob<LabApi, LabOutcome>(
    () => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' }),
    (api, live) => api.run(file, options, live(onProgress)),
  );
}
