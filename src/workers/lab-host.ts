import type { LabOptions, LabOutcome, LabProgress } from './lab-core';

// Runs the Analytics Lab in a module Web Worker so the page keeps responding on large files.

export interface LabRun {
  done: Promise<LabOutcome>;
  cancel: () => void;
}

export function startLab(file: Blob, options: LabOptions, onProgress: (p: LabProgress) => void): LabRun {
  const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
  let settle: (o: LabOutcome) => void = () => {};
  let reject: (e: Error) => void = () => {};
  const done = new Promise<LabOutcome>((res, rej) => {
    settle = res;
    reject = rej;
  });
  worker.onmessage = (e: MessageEvent<{ kind: 'progress'; progress: LabProgress } | { kind: 'done'; outcome: LabOutcome } | { kind: 'crash'; error: string }>) => {
    const m = e.data;
    if (m.kind === 'progress') onProgress(m.progress);
    else {
      worker.terminate();
      if (m.kind === 'done') settle(m.outcome);
      else reject(new Error(m.error));
    }
  };
  worker.onerror = (e) => {
    worker.terminate();
    reject(new Error(e.message || 'worker error'));
  };
  worker.postMessage({ file, options });
  return {
    done,
    cancel: () => {
      worker.terminate();
      reject(new Error('cancelled'));
    },
  };
}
