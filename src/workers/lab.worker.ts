import { expose } from 'comlink';
import { runLab, type LabOptions, type LabOutcome, type LabProgress } from '../lab/lab-core';
import { progressTeller } from './progress';

// The Analytics Lab's thread: reads the file, reports progress while it parses and fits, then returns the
// outcome. One run per worker; the page starts a fresh worker for the next run.

export const labApi = {
  async run(file: Blob, options: LabOptions, onProgress: (p: LabProgress) => unknown): Promise<LabOutcome> {
    const progress = progressTeller(onProgress);
    const text = await file.text();
    const outcome = runLab(text, options, progress.tell);
    await progress.told();
    return outcome;
  },
};
export type LabApi = typeof labApi;

expose(labApi);
