import type { Leaderboard } from '../run/leaderboard';
import type { ClassFile, ClassOptions, ClassVerifyApi } from './class-verify.worker';
import { workerJob } from './job';

// The teacher page's verification of a class: the dropped files go to a Web Worker as they are (File objects,
// not yet read), which checks their sizes, reads and unpacks them, re-simulates each run file and ranks the class
// (pure, src/run/leaderboard.ts); progress comes back one file at a time. Nothing of it runs on the page's
// thread, and the teacher can cancel it: the worker is stopped where it is.

export type { ClassFile, ClassOptions };

export interface Verification {
  /** The ranked class, or null when it was cancelled. */
  done: Promise<Leaderboard | null>;
  cancel: () => void;
}

export function verifyClass(files: readonly ClassFile[], options: ClassOptions, onProgress: (done: number, total: number, name: string) => void): Verification {
  return workerJob<ClassVerifyApi, Leaderboard | null>(
    () => new Worker(new URL('./class-verify.worker.ts', import.meta.url), { type: 'module' }),
    (api, live) => api.verify([...files], options, live(onProgress)),
    () => null,
  );
}
